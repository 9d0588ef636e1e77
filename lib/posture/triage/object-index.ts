// Finding a finding's object in the inventory (labels, annotations, the workload it stands for),
// built per object list and kept while the list is unchanged (incremental updates replace only
// the lists a change touched).
import { resourceByKind, type Inventory } from '../../cluster/inventory';
import type { K8sObject, Workload } from '../../cluster/types';
import type { ResourceRef } from '../types';

const byList = new WeakMap<readonly K8sObject[], Map<string, K8sObject>>();
const workloadsByList = new WeakMap<readonly Workload[], Map<string, Workload>>();

export function objectOf(inv: Inventory, r: ResourceRef): K8sObject | undefined {
  const def = resourceByKind(r.kind);
  if (!def) return undefined;
  const list = inv.objects[def.key] ?? [];
  let m = byList.get(list);
  if (!m) {
    m = new Map();
    for (const o of list) m.set(`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o);
    byList.set(list, m);
  }
  return m.get(`${r.namespace ?? ''}/${r.name}`);
}

export function workloadOf(inv: Inventory, r: ResourceRef): Workload | undefined {
  let m = workloadsByList.get(inv.workloads);
  if (!m) {
    m = new Map(inv.workloads.map((w) => [`${w.kind}/${w.namespace}/${w.name}`, w]));
    workloadsByList.set(inv.workloads, m);
  }
  return m.get(`${r.kind}/${r.namespace ?? ''}/${r.name}`);
}

export function stringMap(v: unknown): Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, string>) : {};
}
