// Which workloads a Service selects and which Services an Ingress routes to: read by the
// management-tools exposure check and by the attack-path graph's exposure edge alike. Pure.
import type { K8sObject, Workload } from '../../cluster/types';

/** Whether the Service's selector picks the workload's pods: same namespace, a non-empty selector, every label equal. */
export function selects(svc: K8sObject, w: Workload): boolean {
  const sel = svc.spec?.selector;
  if ((svc.metadata.namespace ?? 'default') !== w.namespace || typeof sel !== 'object' || sel === null || Object.keys(sel).length === 0) return false;
  return Object.entries(sel as Record<string, unknown>).every(([k, v]) => w.podLabels[k] === v);
}

/** The Service names an Ingress routes to: its default backend (or the older spec.backend) and every rule's paths. */
export function backends(ing: K8sObject): string[] {
  const names = new Set<string>();
  const add = (b: { service?: { name?: unknown }; serviceName?: unknown } | undefined) => {
    const n = b?.service?.name ?? b?.serviceName;
    if (typeof n === 'string') names.add(n);
  };
  add(ing.spec?.defaultBackend ?? ing.spec?.backend);
  for (const r of Array.isArray(ing.spec?.rules) ? ing.spec.rules : []) for (const p of Array.isArray(r?.http?.paths) ? r.http.paths : []) add(p?.backend);
  return [...names];
}
