// An audit event as the recent-events page lists it: only what a person scans a log for, never
// request or response bodies, and no query string (it can carry a command or a token). Pure.
import { DECISION_ANNOTATION, type AuditEvent } from './event';

export interface RecentAuditEvent {
  time: string;
  verb: string;
  user: string;
  impersonated: string | null;
  /** Set by the client: says nothing trustworthy. */
  userAgent: string;
  /** The last address, the one the API server saw (the others are set by the client). */
  sourceIP: string | null;
  /** resource[/subresource] and namespace/name, or the path of a non-resource request. */
  object: string;
  decision: 'allow' | 'forbid' | null;
  code: number | null;
  stage: string;
}

export function recentEvent(e: AuditEvent): RecentAuditEvent {
  const r = e.objectRef;
  const path = (e.requestURI ?? '').split('?')[0]!;
  const object = r?.resource ? `${r.resource}${r.subresource ? `/${r.subresource}` : ''} ${[r.namespace, r.name].filter(Boolean).join('/') || '(all)'}` : path;
  const d = e.annotations?.[DECISION_ANNOTATION];
  return {
    time: e.stageTimestamp ?? e.requestReceivedTimestamp ?? '',
    verb: e.verb ?? '',
    user: e.user?.username ?? '(unknown)',
    impersonated: e.impersonatedUser?.username ?? null,
    userAgent: e.userAgent ?? '',
    sourceIP: e.sourceIPs?.at(-1) ?? null,
    object,
    decision: d === 'allow' || d === 'forbid' ? d : null,
    code: typeof e.responseStatus?.code === 'number' ? e.responseStatus.code : null,
    stage: e.stage ?? '',
  };
}

/** What the intake's ring keeps of an event: the fields above, nothing else. */
export function ringEntry(e: AuditEvent): AuditEvent {
  const d = e.annotations?.[DECISION_ANNOTATION];
  return {
    auditID: e.auditID,
    stage: e.stage,
    verb: e.verb,
    requestURI: (e.requestURI ?? '').split('?')[0],
    user: e.user ? { username: e.user.username } : undefined,
    impersonatedUser: e.impersonatedUser ? { username: e.impersonatedUser.username } : undefined,
    sourceIPs: e.sourceIPs,
    userAgent: e.userAgent,
    objectRef: e.objectRef,
    responseStatus: e.responseStatus ? { code: e.responseStatus.code } : undefined,
    stageTimestamp: e.stageTimestamp ?? e.requestReceivedTimestamp,
    ...(d ? { annotations: { [DECISION_ANNOTATION]: d } } : {}),
  };
}
