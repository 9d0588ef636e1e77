// Admission policies that pin registries or verify image signatures. The Inventory reads
// Kyverno policies and Sigstore ClusterImagePolicies; Gatekeeper constraints (one kind per
// template) are not listed yet. This looks wherever the inventory holds objects.
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject } from '../../cluster/types';
import { msg, named, type Message } from '../message';

export interface RegistryPolicy {
  tool: 'Kyverno' | 'OPA Gatekeeper' | 'Sigstore policy-controller' | 'Ratify';
  evidence: Message;
}

/** Gatekeeper constraint kinds from the gatekeeper-library that restrict where images come from or how they are referenced. */
const GATEKEEPER_IMAGE_CONSTRAINTS =
  /^(K8sAllowedRepos|K8sAllowedReposv2|K8sDisallowedRepos|K8sImageDigests|K8sDisallowedTags|RatifyVerification|K8sSignedImages)$/;

export function registryPolicy(o: K8sObject): RegistryPolicy | null {
  const group = (o.apiVersion ?? '').split('/')[0];
  const label = named({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });
  if (group === 'kyverno.io' && (o.kind === 'ClusterPolicy' || o.kind === 'Policy')) {
    const rules = Array.isArray(o.spec?.rules) ? (o.spec.rules as Record<string, unknown>[]) : [];
    const verifies = rules.some((r) => Array.isArray(r?.verifyImages) && r.verifyImages.length > 0);
    // A validate pattern (or deny condition) that constrains the image field pins registries or tags.
    const pins = rules.some((r) => r?.validate !== undefined && /"image"\s*:|\.image\b|images\./.test(JSON.stringify(r.validate)));
    if (verifies) return { tool: 'Kyverno', evidence: msg`${label} (verifyImages)` };
    if (pins) return { tool: 'Kyverno', evidence: msg`${label} (validates image references)` };
    return null;
  }
  if (group === 'constraints.gatekeeper.sh' && GATEKEEPER_IMAGE_CONSTRAINTS.test(o.kind)) {
    return { tool: o.kind === 'RatifyVerification' ? 'Ratify' : 'OPA Gatekeeper', evidence: label };
  }
  if (group === 'policy.sigstore.dev' && o.kind === 'ClusterImagePolicy') {
    return { tool: 'Sigstore policy-controller', evidence: label };
  }
  return null;
}

export function registryPolicies(inv: Inventory): RegistryPolicy[] {
  const seen = new Set<K8sObject>();
  const out: RegistryPolicy[] = [];
  for (const list of Object.values(inv.objects as Record<string, K8sObject[] | undefined>)) {
    for (const o of list ?? []) {
      if (seen.has(o)) continue;
      seen.add(o);
      const p = registryPolicy(o);
      if (p) out.push(p);
    }
  }
  return out;
}
