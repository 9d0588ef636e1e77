// Folds audit events sent by kubectl releases with known CVEs into the audit aggregates (one row
// per user, kubectl release and hour), so the kubectl check can read them back. Pure.
import type { Detection } from '../../../audit/detection';
import { KUBECTL_CVES } from '../../../data/kubectl-cves';
import { inRanges } from '../../../data/version';
import { kubectlVersionOf } from './kubectl-clients';

export const KUBECTL_DETECTION_ID = 'management-tools.kubectl-known-cves';

/** The affected kubectl release a user agent names, or null; by user agent, as every event asks and few agents recur. */
const affected = new Map<string, string | null>();
const AGENTS_KEPT = 1_000;

function affectedRelease(userAgent: string): string | null {
  const had = affected.get(userAgent);
  if (had !== undefined) return had;
  const version = kubectlVersionOf(userAgent);
  const out = version && KUBECTL_CVES.some((r) => inRanges(version, r.ranges)) ? version : null;
  if (affected.size >= AGENTS_KEPT) affected.clear();
  affected.set(userAgent, out);
  return out;
}

export const KUBECTL_CLIENTS: Detection = {
  id: KUBECTL_DETECTION_ID,
  window: 'hour',
  threshold: { count: 1 },
  match(e) {
    const version = affectedRelease(e.userAgent ?? '');
    return version ? { object: { kind: 'KubectlRelease', namespace: null, name: version }, what: 'sent requests with kubectl' } : null;
  },
};
