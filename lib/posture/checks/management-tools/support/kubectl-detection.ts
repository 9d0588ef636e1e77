// Folds audit events sent by kubectl releases with known CVEs into the audit aggregates (one row
// per user, kubectl release and hour), so the kubectl check can read them back. Pure.
import type { Detection } from '../../../audit/detection';
import { KUBECTL_CVES } from '../../../data/kubectl-cves';
import { inRanges } from '../../../data/version';
import { kubectlVersionOf } from './kubectl-clients';

export const KUBECTL_DETECTION_ID = 'management-tools.kubectl-known-cves';

export const KUBECTL_CLIENTS: Detection = {
  id: KUBECTL_DETECTION_ID,
  window: 'hour',
  threshold: { count: 1 },
  match(e) {
    const version = kubectlVersionOf(e.userAgent ?? '');
    if (!version || !KUBECTL_CVES.some((r) => inRanges(version, r.ranges))) return null;
    return { object: { kind: 'KubectlRelease', namespace: null, name: version }, what: 'sent requests with kubectl' };
  },
};
