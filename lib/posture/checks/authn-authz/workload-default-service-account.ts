import { defineCheck } from '../../check';
import { marked, msg, named, ns } from '../../message';
import { workloadRef } from '../helpers';
import { bindingsOf, findServiceAccount, isMirrorPod, mountsToken, serviceAccountName } from './support/service-accounts';
import { ownServiceAccountRemedy } from '../../remediation/workload-fixes';

// The control plane's own namespaces: add-ons there are installed by the distribution, and their
// pods on `default` are not something a cluster's users can act on.
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export default defineCheck({
  id: 'authn-authz.workload-default-service-account',
  area: 'authn-authz',
  severity: 'low',
  severityRange: ['low', 'high'], // medium with its token mounted, high when that token is granted rights
  title: "Workload runs as its namespace's default ServiceAccount",
  remediation: `Create a ServiceAccount per workload, and switch off the token of the namespace's default one:
  apiVersion: v1
  kind: ServiceAccount
  metadata: {name: my-app}
  automountServiceAccountToken: false
then set spec.template.spec.serviceAccountName: my-app on the workload.`,
  needs: ['serviceaccounts', 'rolebindings', 'clusterrolebindings'],
  scope: 'namespace', // per workload, but bindings in any namespace can grant its ServiceAccount:
  wholeKinds: ['rolebindings'],
  bindingsBySubject: true, // a binding reaches only the namespaces of the ServiceAccounts it grants (bindingsOf)
  examines: (inv) => inv.workloads.filter((w) => !isMirrorPod(w) && !SYSTEM_NAMESPACES.has(w.namespace)).map(workloadRef),
  evaluate(inv) {
    return inv.workloads
      .filter((w) => !isMirrorPod(w) && !SYSTEM_NAMESPACES.has(w.namespace) && serviceAccountName(w) === 'default')
      .map((w) => {
        const granted = bindingsOf(inv, w.namespace, 'default');
        const token = mountsToken(w, findServiceAccount(inv, w.namespace, 'default'));
        const grants = granted.length ? msg`, which is granted roles by ${granted.map((b) => named({ kind: b.kind, name: b.metadata.name }))}` : msg``;
        const severity = granted.length && token.mounted ? 'high' : token.mounted ? 'medium' : 'low';
        return {
          resource: workloadRef(w),
          ...ownServiceAccountRemedy(w),
          severity,
          ...marked(msg`${named(w)} runs as ServiceAccount default${grants}${
            token.mounted ? msg`, with its token mounted` : msg``
          }: every pod in ${ns(w.namespace)} without its own ServiceAccount shares that identity, so a right given to one is given to all.`),
        };
      });
  },
});
