// Finding a finding's object in the inventory (labels, annotations, the workload it stands for),
// built per object list and kept while the list is unchanged (incremental updates replace only
// the lists a change touched).
import { resourceByKind, type Inventory } from '../../cluster/inventory';
import type { K8sObject, Workload } from '../../cluster/types';
import type { ResourceRef } from '../types';
import { namespaceRun, workloadsInNamespace } from '../../cluster/namespace-runs';

// Per list, then per namespace, built on first use: after a watched change replaced the pods list,
// the next triage looks up the changed namespace's pods, not all 50,000 (namespace-runs.ts).
const byList = new WeakMap<readonly K8sObject[], Map<string, Map<string, K8sObject>>>();
const workloadsByList = new WeakMap<readonly Workload[], Map<string, Map<string, Workload>>>();

export function objectOf(inv: Inventory, r: ResourceRef): K8sObject | undefined {
  const def = resourceByKind(r.kind);
  if (!def) return undefined;
  const list = inv.objects[def.key] ?? [];
  let perNs = byList.get(list);
  if (!perNs) byList.set(list, (perNs = new Map()));
  const ns = r.namespace ?? '';
  let m = perNs.get(ns);
  if (!m) {
    m = new Map();
    const { start, end } = namespaceRun(list, ns, (o) => o.metadata.namespace ?? '');
    for (let i = start; i < end; i++) {
      const o = list[i]!;
      if ((o.metadata.namespace ?? '') === ns) m.set(o.metadata.name, o);
    }
    perNs.set(ns, m);
  }
  return m.get(r.name);
}

export function workloadOf(inv: Inventory, r: ResourceRef): Workload | undefined {
  let perNs = workloadsByList.get(inv.workloads);
  if (!perNs) workloadsByList.set(inv.workloads, (perNs = new Map()));
  const ns = r.namespace ?? '';
  let m = perNs.get(ns);
  if (!m) {
    m = new Map(workloadsInNamespace(inv.workloads, ns).map((w) => [`${w.kind}/${w.name}`, w]));
    perNs.set(ns, m);
  }
  return m.get(`${r.kind}/${r.name}`);
}

export function stringMap(v: unknown): Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, string>) : {};
}
