import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag } from './support/apiserver-flags';

export default defineCheck({
  id: 'authn-authz.apiserver-token-auth-file',
  area: 'authn-authz',
  severity: 'high',
  title: 'kube-apiserver accepts static tokens from a file',
  remediation: `Remove --token-auth-file from the kube-apiserver command and delete the file. Give people OIDC or
client certificates, and workloads ServiceAccount tokens; for break-glass access, keep a client certificate offline.`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const file = flag(cmd, 'token-auth-file');
      if (!file) return null;
      return {
        message: `${name} sets --token-auth-file=${file}: the tokens in that file never expire, cannot be revoked without restarting the API server, and sit in plain text on the control-plane node.`,
      };
    }),
});
