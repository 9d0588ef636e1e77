// The network policies of engines other than Kubernetes' own NetworkPolicy, read from the
// inventory as PolicyViews, and whether some engine's policies could not be read at all. Pure.
import type { Inventory, ResourceKey } from '../../cluster/inventory';
import type { K8sObject } from '../../cluster/types';
import { adminPolicyViews } from './admin-network-policy';
import { calicoPolicyViews } from './calico';
import { ciliumPolicyViews } from './cilium';
import type { PolicyView } from './policy-view';

interface Source {
  /** Kinds holding the same policies: reading any one of them is enough (Calico's API and its CRDs). */
  keys: ResourceKey[];
  /** CustomResourceDefinitions whose presence says the engine is installed. */
  crds: string[];
  views: (o: K8sObject) => PolicyView[];
  what: string;
}

const SOURCES: Source[] = [
  { keys: ['ciliumnetworkpolicies'], crds: ['ciliumnetworkpolicies.cilium.io'], views: ciliumPolicyViews, what: 'CiliumNetworkPolicies' },
  {
    keys: ['ciliumclusterwidenetworkpolicies'],
    crds: ['ciliumclusterwidenetworkpolicies.cilium.io'],
    views: ciliumPolicyViews,
    what: 'CiliumClusterwideNetworkPolicies',
  },
  { keys: ['caliconetworkpolicies', 'calicocrdnetworkpolicies'], crds: ['networkpolicies.crd.projectcalico.org'], views: calicoPolicyViews, what: 'Calico NetworkPolicies' },
  {
    keys: ['calicoglobalnetworkpolicies', 'calicocrdglobalnetworkpolicies'],
    crds: ['globalnetworkpolicies.crd.projectcalico.org'],
    views: calicoPolicyViews,
    what: 'Calico GlobalNetworkPolicies',
  },
  { keys: ['adminnetworkpolicies'], crds: ['adminnetworkpolicies.policy.networking.k8s.io'], views: adminPolicyViews, what: 'AdminNetworkPolicies' },
  {
    keys: ['baselineadminnetworkpolicies'],
    crds: ['baselineadminnetworkpolicies.policy.networking.k8s.io'],
    views: adminPolicyViews,
    what: 'BaselineAdminNetworkPolicies',
  },
];

/** Every kind the engines' policies come from. */
export const ENGINE_KINDS: ResourceKey[] = SOURCES.flatMap((s) => s.keys);

export interface EnginePolicies {
  views: PolicyView[];
  /** Why some engine's policies are unknown (installed, or maybe, but unreadable); null when all were read. */
  unreadable: string | null;
}

export function enginePolicies(inv: Inventory): EnginePolicies {
  const crdsMissing = inv.missing.customresourcedefinitions !== undefined;
  const installed = new Set(inv.objects.customresourcedefinitions.map((c) => c.metadata.name));
  const views: PolicyView[] = [];
  const unreadable: string[] = [];
  for (const s of SOURCES) {
    const read = s.keys.filter((k) => !inv.missing[k]);
    // Calico's API and its CRDs hold the same policies: the first kind that has any, not both.
    const chosen = read.find((k) => inv.objects[k].length > 0);
    // knp.default.* is Calico's name for a Kubernetes NetworkPolicy, already read as one.
    if (chosen) for (const o of inv.objects[chosen]) if (!o.metadata.name.startsWith('knp.default.')) views.push(...s.views(o));
    if (read.length > 0) continue;
    // None of its kinds could be read. Not served (or not in the input) means the engine is absent.
    const failed = s.keys.map((k) => inv.missing[k]!).find((m) => m.reason === 'forbidden' || m.reason === 'error');
    if (failed && (crdsMissing || s.crds.some((c) => installed.has(c)))) unreadable.push(`${s.what} could not be read (${failed.detail})`);
  }
  return { views, unreadable: unreadable.length ? unreadable.join('; ') : null };
}
