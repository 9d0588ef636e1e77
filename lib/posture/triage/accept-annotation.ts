// The `kube-posture.io/accept` annotation: an exception kept in Git with the object.
//
//   kube-posture.io/accept: "checks=pod-security.pss.privileged,pod-security.pss.host-path-volumes; owner=team-net; expires=2027-01-31; reason=needs the host network"
//
// Fields are `key=value` separated by `;`, in any order; all four are required, `reason` may not
// contain `;`. `expires` is the last day it holds (UTC). Anything else is malformed: the
// findings stay open and a finding says why (never a silent accept).
export const ACCEPT_ANNOTATION = 'kube-posture.io/accept';

export interface AcceptAnnotation {
  checks: string[];
  owner: string;
  expires: string;
  reason: string;
}

const FIELDS = ['checks', 'owner', 'expires', 'reason'] as const;
const CHECK_ID = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const MAX_CHARS = 2_000;

export function parseAcceptAnnotation(value: string): AcceptAnnotation | { error: string } {
  if (value.length > MAX_CHARS) return { error: `longer than ${MAX_CHARS} characters` };
  const got: Record<string, string> = {};
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) return { error: `"${clip(part.trim())}" is not key=value` };
    const key = part.slice(0, eq).trim();
    if (!(FIELDS as readonly string[]).includes(key)) return { error: `unknown field "${clip(key)}" (expected ${FIELDS.join(', ')})` };
    if (key in got) return { error: `field "${key}" given twice` };
    got[key] = part.slice(eq + 1).trim();
  }
  const missing = FIELDS.filter((f) => !got[f]);
  if (missing.length) return { error: `missing ${missing.join(', ')}` };
  const checks = got.checks!.split(',').map((c) => c.trim()).filter(Boolean);
  const bad = checks.find((c) => !CHECK_ID.test(c));
  if (bad !== undefined || checks.length === 0) return { error: `"${clip(bad ?? '')}" is not a check id` };
  if (!isDay(got.expires!)) return { error: `expires "${clip(got.expires!)}" is not a date (YYYY-MM-DD)` };
  return { checks, owner: got.owner!, expires: got.expires!, reason: got.reason! };
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whether an exception whose last day is `expires` has run out at `now`. */
export function hasExpired(expires: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${expires}T00:00:00Z`) + 86_400_000;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
