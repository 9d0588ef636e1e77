// Audit events as kube-apiserver writes them (audit.k8s.io/v1, level RequestResponse or Metadata),
// for tests only. Every field a real event has is set, so detections are tested on the real shape.
import type { AuditEvent } from './event';

let seq = 0;

/** When an event happened unless a test says otherwise. */
export const EVENT_AT = '2026-12-02T10:15:30.123456Z';
/** A clock an hour after EVENT_AT: for code that keeps only recent events, whatever today's date. */
export const SOON_AFTER_EVENTS = () => new Date(Date.parse(EVENT_AT) + 3_600_000);

export const ALICE = { username: 'alice@example.com', groups: ['dev', 'system:authenticated'] };
export const KUBECTL = 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46';
export const saUser = (ns: string, name: string) => ({
  username: `system:serviceaccount:${ns}:${name}`,
  uid: `uid-${ns}-${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
});

export interface EventOpts {
  verb: string;
  user?: AuditEvent['user'];
  resource?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  apiGroup?: string;
  uri?: string;
  code?: number;
  decision?: 'allow' | 'forbid';
  stage?: string;
  at?: string;
  userAgent?: string;
  sourceIPs?: string[];
  requestObject?: unknown;
  impersonatedUser?: AuditEvent['user'];
  auditID?: string;
}

export function auditEvent(o: EventOpts): AuditEvent {
  const code = o.code ?? (o.decision === 'forbid' ? 403 : 200);
  const decision = o.decision ?? (code === 403 ? 'forbid' : 'allow');
  const at = o.at ?? EVENT_AT;
  const uri =
    o.uri ??
    `/${o.apiGroup ? `apis/${o.apiGroup}/v1` : 'api/v1'}${o.namespace ? `/namespaces/${o.namespace}` : ''}/${o.resource ?? ''}${o.name ? `/${o.name}` : ''}${o.subresource ? `/${o.subresource}` : ''}`;
  return {
    kind: 'Event',
    level: o.requestObject ? 'RequestResponse' : 'Metadata',
    auditID: o.auditID ?? `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
    stage: o.stage ?? 'ResponseComplete',
    requestURI: uri,
    verb: o.verb,
    user: o.user ?? ALICE,
    ...(o.impersonatedUser ? { impersonatedUser: o.impersonatedUser } : {}),
    sourceIPs: o.sourceIPs ?? ['203.0.113.7'],
    userAgent: o.userAgent ?? KUBECTL,
    ...(o.resource
      ? {
          objectRef: {
            resource: o.resource,
            ...(o.namespace ? { namespace: o.namespace } : {}),
            ...(o.name ? { name: o.name } : {}),
            ...(o.apiGroup ? { apiGroup: o.apiGroup } : {}),
            apiVersion: 'v1',
            ...(o.subresource ? { subresource: o.subresource } : {}),
          },
        }
      : {}),
    responseStatus: { metadata: {}, code, ...(code >= 400 ? { status: 'Failure', reason: code === 403 ? 'Forbidden' : 'Error' } : {}) } as AuditEvent['responseStatus'],
    ...(o.requestObject ? { requestObject: o.requestObject } : {}),
    requestReceivedTimestamp: at,
    stageTimestamp: at.replace(/\.\d+Z$/, '.234567Z'),
    annotations: { 'authorization.k8s.io/decision': decision, 'authorization.k8s.io/reason': decision === 'allow' ? 'RBAC: allowed by ClusterRoleBinding "x"' : '' },
  } as AuditEvent;
}
