// Switchable faults for the fake API server, so tests can show what the dashboard does
// when a real cluster misbehaves. All off by default.
import { forbidden, type StatusError } from './status';

export interface Faults {
  /** Resource plurals (e.g. "secrets", "networkpolicies") answered with 403 Forbidden. */
  forbidden?: string[];
  /** Added to every response, in milliseconds. */
  latencyMs?: number;
  /** The server accepts connections and never answers (a hung control plane). */
  hang?: boolean;
}

/** The 403 a request gets under these faults, or null when it may proceed. */
export function forbiddenFault(faults: Faults, pathname: string): StatusError | null {
  if (!faults.forbidden?.length) return null;
  const segments = pathname.split('/').filter(Boolean);
  // /api/v1/<r>, /api/v1/namespaces/<ns>/<r>, /apis/<g>/<v>/<r>, /apis/<g>/<v>/namespaces/<ns>/<r>
  const tail = segments[0] === 'api' ? segments.slice(2) : segments.slice(3);
  const plural = tail[0] === 'namespaces' && tail.length >= 3 ? tail[2] : tail[0];
  if (!plural || !faults.forbidden.includes(plural)) return null;
  return forbidden(`${plural} is forbidden: User "kube-posture" cannot list resource "${plural}" at the cluster scope`);
}
