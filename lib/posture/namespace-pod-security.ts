// The pod-security level each namespace enforces, for the document's namespace summaries.
import type { Inventory } from '../cluster/inventory';
import { parseClusterMinor, parseEnforcePolicy } from './pss/namespace-level';
import type { NamespaceSummary } from './types';

export function namespacePodSecurity(inv: Inventory, name: string): NamespaceSummary['podSecurity'] {
  const ns = inv.objects.namespaces.find((n) => n.metadata.name === name);
  if (!ns) return null; // only referenced by objects: its labels are unknown
  const policy = parseEnforcePolicy(ns.metadata.labels, parseClusterMinor(inv.cluster.version));
  return { level: policy.level, version: policy.versionLabel, labelled: policy.labelled };
}
