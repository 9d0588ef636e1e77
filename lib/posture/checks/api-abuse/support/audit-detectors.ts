// Who reads the API server's audit events, as far as the API shows: Falco with its k8saudit
// plugin (a Falco image whose arguments, environment or name say k8saudit, as the
// falcosecurity charts' k8saudit values do), and kube-posture itself when events reached it.
import type { Inventory } from '../../../../cluster/inventory';
import type { Workload } from '../../../../cluster/types';

const FALCO_IMAGE = /(^|\/)falcosecurity\/falco(-no-driver|-distroless)?(:|@|$)/;

function mentionsK8sAudit(w: Workload): boolean {
  if (/k8saudit/i.test(w.name)) return true;
  return (w.spec.containers ?? []).some((container) => {
    const c = container as { args?: unknown; command?: unknown; env?: unknown };
    const words = [...(Array.isArray(c.args) ? c.args : []), ...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.env) ? c.env.map((e: { value?: unknown }) => e?.value) : [])];
    return words.some((x) => typeof x === 'string' && /k8saudit/i.test(x));
  });
}

/** Falco workloads running the k8saudit plugin. */
export function falcoAuditReaders(inv: Inventory): Workload[] {
  return inv.workloads.filter((w) => (w.spec.containers ?? []).some((c) => typeof c.image === 'string' && FALCO_IMAGE.test(c.image)) && mentionsK8sAudit(w));
}

/** Whether audit events reached kube-posture (the CLI's --audit-log, or the webhook receiver). */
export function auditEventsArrived(inv: Inventory): boolean {
  return (inv.audit?.events ?? 0) > 0;
}
