import { defineCheck } from '../../check';
import { marked, msg, ns as nsName, prose } from '../../message';
import { labelsOf, namespaceRef, namespacesWithWorkloads } from '../helpers';

const PREFIX = 'pod-security.kubernetes.io/';
const ENFORCE = `${PREFIX}enforce`;

export default defineCheck({
  id: 'pod-security.namespace-no-enforce-level',
  area: 'pod-security',
  severity: 'medium',
  title: 'Namespace enforces no Pod Security level',
  remediation: `Label the namespace with the strictest level its workloads meet, e.g. kubectl label namespace NAME ${ENFORCE}=restricted ${ENFORCE}-version=latest (use baseline where restricted is not yet met).`,
  needs: ['namespaces'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => namespacesWithWorkloads(inv).map(namespaceRef),
  evaluate(inv) {
    const running = new Set(namespacesWithWorkloads(inv));
    return inv.objects.namespaces
      .filter((ns) => running.has(ns.metadata.name) && !labelsOf(ns)[ENFORCE])
      .map((ns) => {
        const labels = labelsOf(ns);
        // warn/audit without enforce look like protection but admit every violating pod.
        const onlyReports = ['warn', 'audit'].filter((m) => labels[`${PREFIX}${m}`]).map((m) => `${m}=${labels[`${PREFIX}${m}`]}`);
        // The values are Pod Security levels (privileged, baseline, restricted): no names.
        const reporting = onlyReports.length ? msg` It only reports violations (${prose(onlyReports.join(', '))}): warn and audit admit the pod anyway.` : msg``;
        return {
          resource: namespaceRef(ns.metadata.name),
          ...marked(
            msg`Namespace ${nsName(ns.metadata.name)} runs workloads but has no ${prose(ENFORCE)} label, so only the API server's default level applies (privileged unless its admission configuration says otherwise).${reporting}`,
          ),
        };
      });
  },
});
