import { defineCheck } from '../../check';
import { marked, msg, ns as nsName } from '../../message';
import { namespaceRef, namespacesWithout, namespacesWithWorkloads } from '../helpers';

export default defineCheck({
  id: 'resource-limits.namespace-no-limit-range',
  area: 'resource-limits',
  severity: 'low',
  title: 'Namespaces have a LimitRange',
  remediation: 'Add a LimitRange with default requests and limits for containers, so a container that sets none still gets bounded.',
  needs: ['limitranges', 'pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => namespacesWithWorkloads(inv).map(namespaceRef),
  evaluate(inv) {
    return namespacesWithout(inv, inv.objects.limitranges).map((ns) => ({
      resource: namespaceRef(ns),
      ...marked(msg`Namespace ${nsName(ns)} has no LimitRange: containers that declare no requests or limits run unbounded.`),
    }));
  },
});
