// What the document's namespace summaries say beside the score: the pod-security level each
// namespace enforces, and the objects in it that bear on its posture.
import type { Inventory } from '../cluster/inventory';
import { deniesByDefault, namespaceNetworkOf } from './checks/pod-security/support/network-policies';
import { parseClusterMinor, parseEnforcePolicy } from './pss/namespace-level';
import type { NamespaceSummary } from './types';

/** Each namespace's enforce level and version; null when only objects reference it (labels unknown). */
export function namespacePodSecurity(inv: Inventory): (name: string) => NamespaceSummary['podSecurity'] {
  const clusterMinor = parseClusterMinor(inv.cluster.version);
  const byName = new Map(inv.objects.namespaces.map((n) => [n.metadata.name, n]));
  return (name) => {
    const ns = byName.get(name);
    if (!ns) return null;
    const policy = parseEnforcePolicy(ns.metadata.labels, clusterMinor);
    return { level: policy.level, version: policy.versionLabel, labelled: policy.labelled };
  };
}

export function namespaceObjects(inv: Inventory): (name: string) => NamespaceSummary['objects'] {
  const count = (list: readonly { metadata: { namespace?: string } }[]) => {
    const m = new Map<string, number>();
    for (const o of list) if (o.metadata.namespace) m.set(o.metadata.namespace, (m.get(o.metadata.namespace) ?? 0) + 1);
    return m;
  };
  const workloads = new Map<string, { workloads: number; pods: number }>();
  for (const w of inv.workloads) {
    const c = workloads.get(w.namespace) ?? { workloads: 0, pods: 0 };
    c.workloads += 1;
    c.pods += w.pods;
    workloads.set(w.namespace, c);
  }
  const [policies, quotas, ranges] = [count(inv.objects.networkpolicies), count(inv.objects.resourcequotas), count(inv.objects.limitranges)];
  return (name) => ({
    workloads: workloads.get(name)?.workloads ?? 0,
    pods: workloads.get(name)?.pods ?? 0,
    networkPolicies: policies.get(name) ?? 0,
    resourceQuotas: quotas.get(name) ?? 0,
    limitRanges: ranges.get(name) ?? 0,
  });
}

/** Each namespace's default-deny NetworkPolicy per direction; null when NetworkPolicies were not readable. */
export function namespaceDefaultDeny(inv: Inventory): (name: string) => NamespaceSummary['defaultDeny'] {
  if (inv.missing.networkpolicies) return () => null;
  const networkOf = namespaceNetworkOf(inv);
  return (name) => {
    // Any engine's default deny counts (Cilium, Calico, AdminNetworkPolicy); "cannot tell" is null.
    const net = networkOf(name);
    const [ingress, egress] = [deniesByDefault(net, 'Ingress'), deniesByDefault(net, 'Egress')];
    return typeof ingress === 'boolean' && typeof egress === 'boolean' ? { ingress, egress } : null;
  };
}
