import { defineCheck } from '../../check';
import { marked, msg, ns as nsName } from '../../message';
import { namespaceRef, namespacesWithout, namespacesWithWorkloads } from '../helpers';

export default defineCheck({
  id: 'resource-limits.namespace-no-resource-quota',
  area: 'resource-limits',
  severity: 'medium',
  title: 'Namespaces have a ResourceQuota',
  remediation: 'Add a ResourceQuota capping requests.cpu, requests.memory, limits.memory and object counts (pods, services) for the namespace.',
  needs: ['resourcequotas', 'pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => namespacesWithWorkloads(inv).map(namespaceRef),
  evaluate(inv) {
    return namespacesWithout(inv, inv.objects.resourcequotas).map((ns) => ({
      resource: namespaceRef(ns),
      ...marked(msg`Namespace ${nsName(ns)} has no ResourceQuota: its workloads can consume the whole cluster's CPU, memory and object counts.`),
    }));
  },
});
