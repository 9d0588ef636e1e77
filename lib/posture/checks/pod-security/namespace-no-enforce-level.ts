import { defineCheck } from '../../check';
import { marked, msg, ns as nsName, prose } from '../../message';
import { labelsOf, namespaceRef, namespacesWithWorkloads } from '../helpers';

const PREFIX = 'pod-security.kubernetes.io/';
const ENFORCE = `${PREFIX}enforce`;

// Empty namespaces are reported too, at low severity: the label is preventive and protects only
// if it is there before the first pod. Not for the control plane's own namespaces while empty:
// kube-system's pods need the privileged level (labelling it prevents nothing), and no workload
// belongs in kube-public or kube-node-lease (they hold a ConfigMap and node Leases). Once any of
// them runs a workload it is judged like every other namespace.
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const judged = (name: string, running: Set<string>) => running.has(name) || !SYSTEM_NAMESPACES.has(name);

export default defineCheck({
  id: 'pod-security.namespace-no-enforce-level',
  area: 'pod-security',
  severity: 'medium',
  severityRange: ['low', 'medium'], // low while the namespace is still empty
  title: 'Namespaces enforce a Pod Security level',
  remediation: `Label the namespace with the strictest level its workloads meet, e.g. kubectl label namespace NAME ${ENFORCE}=restricted ${ENFORCE}-version=latest (use baseline where restricted is not yet met).`,
  needs: ['namespaces'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => {
    const running = new Set(namespacesWithWorkloads(inv));
    return inv.objects.namespaces.filter((ns) => judged(ns.metadata.name, running)).map((ns) => namespaceRef(ns.metadata.name));
  },
  evaluate(inv) {
    const running = new Set(namespacesWithWorkloads(inv));
    return inv.objects.namespaces
      .filter((ns) => judged(ns.metadata.name, running) && !labelsOf(ns)[ENFORCE])
      .map((ns) => {
        const labels = labelsOf(ns);
        // warn/audit without enforce look like protection but admit every violating pod.
        const onlyReports = ['warn', 'audit'].filter((m) => labels[`${PREFIX}${m}`]).map((m) => `${m}=${labels[`${PREFIX}${m}`]}`);
        // The values are Pod Security levels (privileged, baseline, restricted): no names.
        const reporting = onlyReports.length ? msg` It only reports violations (${prose(onlyReports.join(', '))}): warn and audit admit the pod anyway.` : msg``;
        const name = ns.metadata.name;
        if (!running.has(name)) {
          return {
            resource: namespaceRef(name),
            severity: 'low' as const,
            ...marked(
              msg`Namespace ${nsName(name)} runs no workload yet and has no ${prose(ENFORCE)} label: the first pod created in it is admitted at the API server's default level (privileged unless its admission configuration says otherwise). Label it before workloads arrive.${reporting}`,
            ),
          };
        }
        return {
          resource: namespaceRef(name),
          ...marked(
            msg`Namespace ${nsName(name)} runs workloads but has no ${prose(ENFORCE)} label, so only the API server's default level applies (privileged unless its admission configuration says otherwise).${reporting}`,
          ),
        };
      });
  },
});
