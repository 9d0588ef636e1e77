// Who reads the API server's audit events, as far as the API shows: Falco with its k8saudit
// plugin (a Falco image whose arguments, environment or name say k8saudit, as the
// falcosecurity charts' k8saudit values do), and kube-posture itself when events reached it.
import type { Inventory } from '../../../../cluster/inventory';
import type { Workload } from '../../../../cluster/types';
import { sameProjection, type Cutoff } from '../../../incremental-cutoffs';
import { oncePerInventory } from '../../helpers';

const FALCO_IMAGE = /(^|\/)falcosecurity\/falco(-no-driver|-distroless)?(:|@|$)/;

function mentionsK8sAudit(w: Workload): boolean {
  if (/k8saudit/i.test(w.name)) return true;
  return (w.spec.containers ?? []).some((container) => {
    const c = container as { args?: unknown; command?: unknown; env?: unknown };
    const words = [...(Array.isArray(c.args) ? c.args : []), ...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.env) ? c.env.map((e: { value?: unknown }) => e?.value) : [])];
    return words.some((x) => typeof x === 'string' && /k8saudit/i.test(x));
  });
}

function isAuditReader(w: Workload): boolean {
  return (w.spec.containers ?? []).some((c) => typeof c.image === 'string' && FALCO_IMAGE.test(c.image)) && mentionsK8sAudit(w);
}

/** Falco workloads running the k8saudit plugin. */
export function falcoAuditReaders(inv: Inventory): Workload[] {
  // Memoised with a cutoff: otherwise every new workload anywhere re-walks all 50,000 (api-abuse.coverage).
  return oncePerInventory(inv, 'falco-audit-readers', () => [inv.workloads], () => inv.workloads.filter(isAuditReader), READERS_CUTOFF);
}

// Unchanged while the changed namespaces' readers are the same workloads, as they were.
const READERS_CUTOFF: Cutoff = { judges: ['workloads'], unchanged: sameProjection((ws) => JSON.stringify(ws.filter(isAuditReader))) };

/** Whether audit events reached kube-posture (the CLI's --audit-log, or the webhook receiver). */
export function auditEventsArrived(inv: Inventory): boolean {
  return (inv.audit?.events ?? 0) > 0;
}
