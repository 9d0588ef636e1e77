import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag, flagList } from './support/apiserver-flags';

export default defineCheck({
  id: 'authn-authz.apiserver-authorization-mode',
  area: 'authn-authz',
  severity: 'high',
  title: 'kube-apiserver authorizes too much (AlwaysAllow, or no Node and RBAC)',
  remediation: `Set the authorizers to Node and RBAC, and never AlwaysAllow, on the kube-apiserver command:
  spec.containers[0].command:
    - --authorization-mode=Node,RBAC`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const modes = flagList(cmd, 'authorization-mode');
      if (modes.length === 0) {
        const config = flag(cmd, 'authorization-config');
        if (config) return null; // structured authorization (1.30+): the authorizers live in that file, which we cannot read
        return {
          severity: 'critical',
          message: `${name} sets no --authorization-mode: the default is AlwaysAllow, so every authenticated request is allowed.`,
        };
      }
      if (modes.includes('AlwaysAllow')) {
        return { severity: 'critical', message: `${name} runs --authorization-mode=${modes.join(',')}: AlwaysAllow lets every authenticated request through.` };
      }
      const absent = ['Node', 'RBAC'].filter((m) => !modes.includes(m));
      if (absent.length === 0) return null;
      const why = absent.includes('RBAC')
        ? 'without RBAC, Roles and bindings are not enforced'
        : 'without Node, kubelets are not limited to the objects of their own pods';
      return {
        severity: absent.includes('RBAC') ? 'high' : 'medium',
        message: `${name} runs --authorization-mode=${modes.join(',')}, missing ${absent.join(' and ')}: ${why}.`,
      };
    }),
});
