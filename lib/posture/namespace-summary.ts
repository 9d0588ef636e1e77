// What the document's namespace summaries say beside the score: the pod-security level each
// namespace enforces, and the objects in it that bear on its posture.
import type { Inventory } from '../cluster/inventory';
import { deniesByDefault, namespaceNetworkOf } from './checks/pod-security/support/network-policies';
import { parseClusterMinor, parseEnforcePolicy } from './pss/namespace-level';
import { workloadsInNamespace } from '../cluster/namespace-runs';
import { namespacesByName } from './checks/helpers';
import type { NamespaceSummary } from './types';

/** Each namespace's enforce level and version; null when only objects reference it (labels unknown). */
export function namespacePodSecurity(inv: Inventory): (name: string) => NamespaceSummary['podSecurity'] {
  const clusterMinor = parseClusterMinor(inv.cluster.version);
  const byName = namespacesByName(inv.objects.namespaces);
  return (name) => {
    const ns = byName.get(name);
    if (!ns) return null;
    const policy = parseEnforcePolicy(ns.metadata.labels, clusterMinor);
    return { level: policy.level, version: policy.versionLabel, labelled: policy.labelled };
  };
}

// Per list, kept while it is unchanged: after a watched change only a namespace or two is
// summarised again, and counting every list of a 50,000-pod cluster for them was most of it.
const countsByList = new WeakMap<readonly unknown[], Map<string, number>>();

function countByNamespace(list: readonly { metadata: { namespace?: string } }[]): Map<string, number> {
  let m = countsByList.get(list);
  if (!m) {
    m = new Map();
    for (const o of list) if (o.metadata.namespace) m.set(o.metadata.namespace, (m.get(o.metadata.namespace) ?? 0) + 1);
    countsByList.set(list, m);
  }
  return m;
}

export function namespaceObjects(inv: Inventory): (name: string) => NamespaceSummary['objects'] {
  const policies = countByNamespace(inv.objects.networkpolicies);
  const quotas = countByNamespace(inv.objects.resourcequotas);
  const ranges = countByNamespace(inv.objects.limitranges);
  return (name) => {
    // The namespace's run of the workloads (sorted by namespace), not all 50,000 grouped.
    let [workloads, pods] = [0, 0];
    for (const w of workloadsInNamespace(inv.workloads, name)) {
      workloads += 1;
      pods += w.pods;
    }
    return {
      workloads,
      pods,
      networkPolicies: policies.get(name) ?? 0,
      resourceQuotas: quotas.get(name) ?? 0,
      limitRanges: ranges.get(name) ?? 0,
    };
  };
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
