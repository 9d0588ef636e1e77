// What the detections ask of an event, in one place.
import { actorKind, isControlPlane, type ActorKind } from '../../../audit/actor';
import { allowed, type AuditEvent } from '../../../audit/event';
import type { DetectionHit } from '../../../audit/detection';

const WRITE = new Set(['create', 'update', 'patch']);
export const isWrite = (e: AuditEvent) => WRITE.has(e.verb ?? '');

export function on(e: AuditEvent, resource: string, subresource?: string): boolean {
  const r = e.objectRef;
  return r?.resource === resource && (subresource === undefined ? !r.subresource : r.subresource === subresource);
}

export const by = (e: AuditEvent, ...kinds: ActorKind[]) => kinds.includes(actorKind(e.user));
export const byPerson = (e: AuditEvent) => by(e, 'person');
/** Allowed and not the control plane's own work: what the detections consider at all. */
export const allowedNonSystem = (e: AuditEvent) => allowed(e) && !isControlPlane(e.user);

const KIND: Record<string, string> = {
  pods: 'Pod',
  secrets: 'Secret',
  clusterrolebindings: 'ClusterRoleBinding',
  rolebindings: 'RoleBinding',
  clusterroles: 'ClusterRole',
  roles: 'Role',
  serviceaccounts: 'ServiceAccount',
  certificatesigningrequests: 'CertificateSigningRequest',
  mutatingwebhookconfigurations: 'MutatingWebhookConfiguration',
  validatingwebhookconfigurations: 'ValidatingWebhookConfiguration',
  validatingadmissionpolicies: 'ValidatingAdmissionPolicy',
  validatingadmissionpolicybindings: 'ValidatingAdmissionPolicyBinding',
  events: 'Event',
  nodes: 'Node',
  deployments: 'Deployment',
  daemonsets: 'DaemonSet',
  statefulsets: 'StatefulSet',
  replicasets: 'ReplicaSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
};

/** The event's object as a finding names it; a request without a name (a list, a create by generateName) names the collection. */
export function objectOf(e: AuditEvent, fallbackName?: string): DetectionHit['object'] {
  const r = e.objectRef ?? {};
  const kind = KIND[r.resource ?? ''] ?? r.resource ?? 'Object';
  const reqName = (e.requestObject as { metadata?: { name?: unknown } } | undefined)?.metadata?.name;
  const name = r.name ?? (typeof reqName === 'string' ? reqName : undefined) ?? fallbackName ?? `(all ${r.resource ?? 'objects'})`;
  return { kind, namespace: r.namespace ?? null, name };
}

/** The actor as the object of a finding (forbidden bursts, impersonation). */
export function actorObject(e: AuditEvent): DetectionHit['object'] {
  return { kind: 'User', namespace: null, name: e.user?.username ?? '(unknown)' };
}

/** The request body, when the audit policy records it (level Request or RequestResponse). */
export function body(e: AuditEvent): Record<string, unknown> | null {
  const o = e.requestObject;
  return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
}
