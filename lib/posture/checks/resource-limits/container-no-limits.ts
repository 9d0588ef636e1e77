import { defineCheck } from '../../check';
import { describeGaps, workloadGaps } from '../../resources/workload-gaps';
import { marked, msg, prose } from '../../message';
import { everyWorkloadRef, workloadRef } from '../helpers';
import { resourcesRemedy } from '../../remediation/workload-fixes';

export default defineCheck({
  id: 'resource-limits.container-no-limits',
  area: 'resource-limits',
  // Medium for a missing memory limit (one leak can take the node's memory); a CPU limit
  // alone is a judgement call (it throttles), so a finding that misses only CPU is low.
  severity: 'medium',
  severityRange: ['low', 'medium'], // low when only a CPU limit is missing
  title: 'Containers set memory and CPU limits',
  remediation: `Set a memory limit (and requests) on every container; add a CPU limit where a runaway process must not starve its neighbours:
\`\`\`yaml
containers:
- name: app
  resources:
    requests:
      cpu: 100m
      memory: 128Mi
    limits:
      memory: 256Mi
      cpu: 500m      # optional
\`\`\`
Or give the namespace a LimitRange with a Container default.`,
  needs: ['pods', 'limitranges'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    return workloadGaps(inv, 'limits').map((g) => {
      const memory = g.gaps.some((c) => c.missing.includes('resources.limits.memory'));
      return {
        resource: workloadRef(g.workload),
        ...resourcesRemedy(g.workload, g.gaps),
        severity: memory ? 'medium' : 'low',
        ...marked(
          msg`${describeGaps(g)}. ${prose(memory ? 'Without a memory limit one leak can use up the node’s memory and get other pods killed.' : 'Without a CPU limit a busy process can starve its neighbours.')}`,
        ),
      };
    });
  },
});
