import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag } from './support/apiserver-flags';

/** Clusters before 1.20 served an unauthenticated HTTP port (127.0.0.1:8080) unless told --insecure-port=0. */
function minorOf(version: string | null): number | null {
  const m = version ? /^v?1\.(\d+)/.exec(version) : null;
  return m ? Number(m[1]) : null;
}

export default defineCheck({
  id: 'authn-authz.apiserver-insecure-port',
  area: 'authn-authz',
  severity: 'critical',
  title: 'kube-apiserver keeps its insecure (unauthenticated HTTP) port closed',
  remediation: `Set --insecure-port=0 and remove --insecure-bind-address from the kube-apiserver command (both flags are
gone since Kubernetes 1.24; upgrading removes the port for good).`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const port = flag(cmd, 'insecure-port');
      const address = flag(cmd, 'insecure-bind-address');
      const minor = minorOf(inv.cluster.version);
      // Unset, the port was 8080 before 1.20 and 0 since; with an unknown version a bind address is the tell.
      const openByDefault = port === undefined && (minor !== null ? minor < 20 : address !== undefined);
      if (port === '0' || (port === undefined && !openByDefault)) return null;
      const where = `${address ?? '127.0.0.1'}:${port ?? '8080'}`;
      const how =
        port !== undefined
          ? `sets --insecure-port=${port}`
          : minor !== null
            ? `does not set --insecure-port=0 on Kubernetes 1.${minor}`
            : `sets --insecure-bind-address=${address} without --insecure-port=0 (before 1.20 the port defaults to 8080)`;
      return {
        message: `${name} ${how}: ${where} serves the API over plain HTTP with no authentication and no authorization${address && address !== '127.0.0.1' ? ', reachable from the network' : ''}.`,
      };
    }),
});
