// Who made a request, as the detections tell them apart. Usernames are the API server's own
// (authenticated); groups come from the authenticator; userAgent and all sourceIPs but the last
// are set by the client and say nothing trustworthy.
import type { AuditEvent, AuditUser } from './event';

export type ActorKind = 'person' | 'serviceaccount' | 'node' | 'anonymous' | 'system';

export function actorKind(u: AuditUser | undefined): ActorKind {
  const name = u?.username ?? '';
  const groups = u?.groups ?? [];
  if (name === 'system:anonymous' || groups.includes('system:unauthenticated')) return 'anonymous';
  if (name.startsWith('system:serviceaccount:')) return 'serviceaccount';
  if (name.startsWith('system:node:') || groups.includes('system:nodes')) return 'node';
  // Control-plane identities (system:kube-controller-manager, system:apiserver…) and managed
  // providers' own controllers (eks:…, gke's system:gcp-…) are not people.
  if (name === '' || name.startsWith('system:') || /^(eks|aks|gke|gcp|oke):/.test(name)) return 'system';
  return 'person';
}

/** A ServiceAccount username's namespace and name. */
export function serviceAccountOf(username: string | undefined): { namespace: string; name: string } | null {
  const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username ?? '');
  return m ? { namespace: m[1]!, name: m[2]! } : null;
}

/** Built-in controllers that run as kube-system ServiceAccounts (kube-controller-manager --use-service-account-credentials). */
const BUILT_IN_CONTROLLERS = new Set([
  'clusterrole-aggregation-controller',
  'namespace-controller',
  'generic-garbage-collector',
  'replicaset-controller',
  'daemon-set-controller',
  'statefulset-controller',
  'job-controller',
  'cronjob-controller',
  'deployment-controller',
  'certificate-controller',
  'resourcequota-controller',
  'persistent-volume-binder',
  'service-account-controller',
  'token-cleaner',
  'bootstrap-signer',
  'root-ca-cert-publisher',
  'legacy-service-account-token-cleaner',
]);

/** A request by the control plane itself (not a person, not a workload's ServiceAccount). */
export function isControlPlane(u: AuditUser | undefined): boolean {
  const kind = actorKind(u);
  if (kind === 'system') return true;
  const sa = serviceAccountOf(u?.username);
  return sa !== null && sa.namespace === 'kube-system' && BUILT_IN_CONTROLLERS.has(sa.name);
}

/** The actor a finding names: who authenticated (an impersonator is named, not whom they impersonated). */
export interface Actor {
  user: string;
  groups: string[];
  sourceIPs: string[];
  userAgent: string;
  impersonated?: string;
}

export function actorOf(e: AuditEvent): Actor {
  return {
    user: e.user?.username ?? '(unknown)',
    groups: e.user?.groups ?? [],
    sourceIPs: e.sourceIPs ?? [],
    userAgent: e.userAgent ?? '',
    ...(e.impersonatedUser?.username ? { impersonated: e.impersonatedUser.username } : {}),
  };
}

/** Paths every load balancer and probe hits anonymously: never findings (Elastic's rule raised 75,000 a week before excluding them). */
export function isHealthPath(uri: string | undefined): boolean {
  const path = (uri ?? '').split('?')[0]!;
  return /^\/(healthz|livez|readyz)(\/|$)/.test(path) || path === '/version' || path === '/.well-known/openid-configuration' || path === '/openid/v1/jwks';
}
