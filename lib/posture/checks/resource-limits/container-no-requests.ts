import { defineCheck } from '../../check';
import { describeGaps, workloadGaps } from '../../resources/workload-gaps';
import { marked, msg } from '../../message';
import { everyWorkloadRef, workloadRef } from '../helpers';
import { resourcesRemedy } from '../../remediation/workload-fixes';

export default defineCheck({
  id: 'resource-limits.container-no-requests',
  area: 'resource-limits',
  severity: 'low',
  title: 'Containers set CPU and memory requests',
  remediation: `Set requests for every container (and a memory limit), sized from observed usage:
\`\`\`yaml
containers:
- name: app
  resources:
    requests:
      cpu: 100m
      memory: 128Mi
    limits:
      memory: 256Mi
\`\`\`
Or give the namespace a LimitRange with a Container defaultRequest.`,
  needs: ['pods', 'limitranges'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    return workloadGaps(inv, 'requests').map((g) => ({
      resource: workloadRef(g.workload),
        ...resourcesRemedy(g.workload, g.gaps),
      ...marked(msg`${describeGaps(g)}. Without requests the scheduler reserves nothing for it, and under node pressure pods using more than they request are evicted first.`),
    }));
  },
});
