// The audit.k8s.io/v1 Event, as the API server's log and webhook backends write it, kept to the
// fields the detections read. Every field can be absent: the audit policy's level decides
// (Metadata has no requestObject), and a client sets userAgent and all but the last sourceIP.

export interface AuditUser {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

export interface AuditObjectRef {
  resource?: string;
  namespace?: string;
  name?: string;
  apiGroup?: string;
  apiVersion?: string;
  subresource?: string;
}

export interface AuditEvent {
  kind?: string;
  level?: string;
  auditID?: string;
  stage?: string;
  requestURI?: string;
  verb?: string;
  user?: AuditUser;
  impersonatedUser?: AuditUser;
  sourceIPs?: string[];
  userAgent?: string;
  objectRef?: AuditObjectRef;
  responseStatus?: { code?: number; reason?: string; status?: string };
  requestObject?: unknown;
  requestReceivedTimestamp?: string;
  stageTimestamp?: string;
  annotations?: Record<string, string>;
}

export const DECISION_ANNOTATION = 'authorization.k8s.io/decision';

/** An Event from parsed JSON, or null when the value is not one (a log line of something else). */
export function asAuditEvent(v: unknown): AuditEvent | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const e = v as AuditEvent;
  if (e.kind !== undefined && e.kind !== 'Event') return null;
  if (typeof e.verb !== 'string' || typeof e.stage !== 'string') return null;
  return e;
}

/** The items of an EventList, or null when the value is not one. */
export function eventListItems(v: unknown): unknown[] | null {
  if (!v || typeof v !== 'object') return null;
  const l = v as { kind?: unknown; items?: unknown };
  return l.kind === 'EventList' && Array.isArray(l.items) ? l.items : null;
}

/** Whether the request was let through: the authorizer's decision, else a status below 400. */
export function allowed(e: AuditEvent): boolean {
  const d = e.annotations?.[DECISION_ANNOTATION];
  if (d === 'forbid') return false;
  const code = e.responseStatus?.code;
  if (typeof code === 'number') return code < 400;
  return d === 'allow';
}

export function forbidden(e: AuditEvent): boolean {
  return e.annotations?.[DECISION_ANNOTATION] === 'forbid' || e.responseStatus?.code === 403;
}

/** When it happened: the stage's time, else the request's. */
export function eventTime(e: AuditEvent): string | null {
  const t = e.stageTimestamp ?? e.requestReceivedTimestamp;
  // RFC 3339 as the API server writes it; checked by shape, not parsed (this runs per event).
  return typeof t === 'string' && t.length >= 20 && t.charCodeAt(4) === 45 && t.charCodeAt(10) === 84 ? t : null;
}
