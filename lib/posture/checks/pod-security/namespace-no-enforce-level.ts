import { defineCheck } from '../../check';
import { labelsOf, namespaceRef, namespacesWithWorkloads } from '../helpers';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

export default defineCheck({
  id: 'pod-security.namespace-no-enforce-level',
  area: 'pod-security',
  severity: 'medium',
  title: 'Namespace enforces no Pod Security level',
  remediation: `Label the namespace with the strictest level its workloads meet, e.g. kubectl label namespace NAME ${ENFORCE}=restricted ${ENFORCE}-version=latest (use baseline where restricted is not yet met).`,
  needs: ['namespaces'],
  examines: (inv) => namespacesWithWorkloads(inv).map(namespaceRef),
  evaluate(inv) {
    const running = new Set(namespacesWithWorkloads(inv));
    return inv.objects.namespaces
      .filter((ns) => running.has(ns.metadata.name) && !labelsOf(ns)[ENFORCE])
      .map((ns) => ({
        resource: namespaceRef(ns.metadata.name),
        message: `Namespace ${ns.metadata.name} runs workloads but has no ${ENFORCE} label, so only the API server's default level applies (privileged unless its admission configuration says otherwise).`,
      }));
  },
});
