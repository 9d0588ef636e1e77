import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flagList } from './support/apiserver-flags';

export default defineCheck({
  id: 'authn-authz.apiserver-admission-plugins',
  references: [{ title: 'CIS Kubernetes Benchmark 1.2.10' }, { title: 'CIS Kubernetes Benchmark 1.2.14' }, { title: 'Kubescape C-0122' }, { title: 'Kubescape C-0127' }],
  area: 'authn-authz',
  severity: 'high',
  title: 'kube-apiserver admission plugins: AlwaysAdmit on or NodeRestriction off (CIS 1.2.10, 1.2.14)',
  remediation: `Enable NodeRestriction and never AlwaysAdmit on the kube-apiserver command:
  spec.containers[0].command:
    - --enable-admission-plugins=NodeRestriction   # plus any others you use, never AlwaysAdmit`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      // --admission-control is the plugin list's name before 1.10; it is still read if set.
      const enabled = [...flagList(cmd, 'enable-admission-plugins'), ...flagList(cmd, 'admission-control')];
      const disabled = flagList(cmd, 'disable-admission-plugins');
      if (enabled.includes('AlwaysAdmit')) {
        return {
          severity: 'high',
          message: `${name} enables the AlwaysAdmit admission plugin: every request is admitted, whatever the other admission plugins and webhooks would decide (CIS 1.2.10).`,
        };
      }
      if (enabled.includes('NodeRestriction') && !disabled.includes('NodeRestriction')) return null;
      const how = disabled.includes('NodeRestriction') ? 'disables the NodeRestriction admission plugin' : 'does not enable the NodeRestriction admission plugin (it is off by default)';
      return {
        severity: 'medium',
        message: `${name} ${how}: a kubelet's credentials can then modify other nodes and pods not bound to its node, so one compromised node reaches the rest (CIS 1.2.14).`,
      };
    }),
});
