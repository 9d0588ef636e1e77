import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag } from '../authn-authz/support/apiserver-flags';

const WEAK = new Set(['VersionTLS10', 'VersionTLS11']);

export default defineCheck({
  id: 'encryption.apiserver-tls-min-version',
  area: 'encryption',
  severity: 'medium',
  severityRange: ['low', 'medium'],
  title: 'kube-apiserver pins TLS 1.2 or later',
  remediation: `Pin the lowest TLS version the API server accepts:
  spec.containers[0].command:
    - --tls-min-version=VersionTLS12   # or VersionTLS13 when every client supports it`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const version = flag(cmd, 'tls-min-version');
      if (version === undefined) {
        return {
          severity: 'low',
          message: `${name} sets no --tls-min-version: it falls back to the minimum built into the API server (TLS 1.2), a default no configuration records. Pin it, or require TLS 1.3.`,
        };
      }
      if (!WEAK.has(version)) return null;
      return {
        message: `${name} sets --tls-min-version=${version}: clients may connect with TLS 1.0/1.1, which are deprecated and open to downgrade attacks.`,
      };
    }),
});
