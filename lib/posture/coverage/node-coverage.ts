// Does a DaemonSet run on every node? Its status says so when the input carries one; otherwise
// its nodeSelector, required node affinity and tolerations are matched against the nodes'
// labels and taints, the way the scheduler would.
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject, Workload } from '../../cluster/types';
import { msg, obj, type Message } from '../message';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}
interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

/** The DaemonSet controller adds tolerations for these node-condition taints itself. */
const AUTO_TOLERATED = /^node\.kubernetes\.io\/(not-ready|unreachable|disk-pressure|memory-pressure|pid-pressure|unschedulable|network-unavailable)$/;

/** A short description of the nodes the DaemonSet misses, or null when it covers them all (or cannot be judged). */
export function missedNodes(inv: Inventory, w: Workload): Message | null {
  const nodes = inv.objects.nodes;
  if (nodes.length === 0) return null; // nothing to judge against: do not guess
  const ds = inv.objects.daemonsets.find((d) => d.metadata.namespace === w.namespace && d.metadata.name === w.name);
  const eligible = nodes.filter((n) => schedulable(w, n));
  const missed = nodes.filter((n) => !eligible.includes(n)).map((n) => obj(n.metadata.name, 'Node'));
  const scheduled = Number(ds?.status?.desiredNumberScheduled);
  if (Number.isFinite(scheduled) && ds?.status) {
    if (scheduled >= nodes.length) return null;
    const named = missed.length > 0 ? msg` (not scheduled on ${missed})` : msg``;
    return msg`scheduled on ${scheduled} of ${nodes.length} nodes${named}`;
  }
  if (missed.length === 0) return null;
  return msg`its nodeSelector, affinity or tolerations exclude ${missed}`;
}

export function schedulable(w: Workload, node: K8sObject): boolean {
  const spec = w.spec as Record<string, unknown>;
  const labels = node.metadata.labels ?? {};
  const selector = (spec.nodeSelector ?? {}) as Record<string, string>;
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) return false;
  const terms = (
    spec.affinity as
      { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchExpressions?: Requirement[] }[] } } } | undefined
  )?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (Array.isArray(terms) && terms.length > 0 && !terms.some((t) => (t.matchExpressions ?? []).every((r) => matches(r, labels)))) return false;
  const taints = (Array.isArray(node.spec?.taints) ? node.spec.taints : []) as Taint[];
  const tolerations = (Array.isArray(spec.tolerations) ? spec.tolerations : []) as Toleration[];
  return taints
    .filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
    .filter((t) => !AUTO_TOLERATED.test(t.key))
    .every((t) => tolerations.some((tol) => tolerates(tol, t)));
}

function matches(r: Requirement, labels: Record<string, string>): boolean {
  const has = r.key in labels;
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(labels[r.key]!);
    case 'NotIn':
      return !has || !values.includes(labels[r.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const n = Number(labels[r.key]);
      const v = Number(values[0]);
      return has && Number.isFinite(n) && Number.isFinite(v) && (r.operator === 'Gt' ? n > v : n < v);
    }
    default:
      return false;
  }
}

export function tolerates(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.operator === 'Exists') return !tol.key || tol.key === taint.key;
  return tol.key === taint.key && (tol.value ?? '') === (taint.value ?? '');
}
