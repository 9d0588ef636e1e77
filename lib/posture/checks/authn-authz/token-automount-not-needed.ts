import { defineCheck } from '../../check';
import { marked, msg, named, prose, subject } from '../../message';
import { workloadRef } from '../helpers';
import { bindingsOf, findServiceAccount, isMirrorPod, mountsToken, serviceAccountName } from './support/service-accounts';
import { podFieldRemedy } from '../../remediation/workload-fixes';

export default defineCheck({
  id: 'authn-authz.token-automount-not-needed',
  area: 'authn-authz',
  severity: 'medium',
  title: 'Workloads mount a ServiceAccount token only when they need it',
  remediation: `Stop mounting the token where the workload does not call the Kubernetes API, on the pod template or its ServiceAccount:
  spec:
    template:
      spec:
        automountServiceAccountToken: false
If the app does use the token (for Vault, or cloud workload identity), mount a projected token with its own audience instead.`,
  needs: ['serviceaccounts', 'rolebindings', 'clusterrolebindings'],
  scope: 'namespace', // per workload, but bindings in any namespace can grant its ServiceAccount:
  wholeKinds: ['rolebindings'],
  bindingsBySubject: true, // a binding reaches only the namespaces of the ServiceAccounts it grants (bindingsOf)
  examines: (inv) => inv.workloads.filter((w) => !isMirrorPod(w)).map(workloadRef),
  evaluate(inv) {
    return inv.workloads
      .filter((w) => !isMirrorPod(w))
      .flatMap((w) => {
        const saName = serviceAccountName(w);
        const sa = findServiceAccount(inv, w.namespace, saName);
        const token = mountsToken(w, sa);
        if (!token.mounted || bindingsOf(inv, w.namespace, saName).length > 0) return [];
        return [
          {
            resource: workloadRef(w),
            ...podFieldRemedy(w, ['automountServiceAccountToken'], false),
            ...marked(msg`${named(w)} mounts the token of ServiceAccount ${subject(saName)} (${prose(token.why)}), yet no RoleBinding or ClusterRoleBinding grants that ServiceAccount anything: the token is likely unused, and whoever breaks into the pod can still use it as everything all authenticated users may do.`),
          },
        ];
      });
  },
});
