import { defineCheck } from '../../check';
import { join, marked, msg, named, prose } from '../../message';
import { clusterRef, workloadRef } from '../helpers';
import { managementTools } from './support/tools';

// What this area's checks look at: the management tools kube-posture recognised (support/tools.ts).
// Listed as evidence (info), so a reader sees which tools were judged and can tell when one of
// theirs was not recognised. kubectl and kubeconfigs on workstations are judged by the CLI
// (--check-kubeconfig) and, where audit events reach kube-posture, by the kubectl versions they show.
export default defineCheck({
  id: 'management-tools.coverage',
  area: 'management-tools',
  severity: 'info',
  title: 'Management tools running in the cluster are recognised',
  remediation:
    'Nothing to fix: the list says which tools the other checks of this area judged. A tool missing from it (a fork, a private image) is not judged; keep it patched, unexposed and least-privileged yourself, and run `kube-posture --check-kubeconfig` on workstations.',
  needs: ['pods'],
  evaluate(inv) {
    const tools = managementTools(inv);
    if (tools.length === 0) return [];
    return [
      {
        resource: clusterRef(inv),
        ...marked(msg`Management tools recognised: ${join(tools.map((t) => msg`${prose(t.tool.name)}${t.version ? msg` ${prose(t.version)}` : msg``} (${named(workloadRef(t.workload))})`), '; ')}.`),
      },
    ];
  },
});
