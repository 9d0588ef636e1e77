import type { Check } from '../../check';
import type { Detection } from '../../audit/detection';
import { KUBECTL_CLIENTS } from '../management-tools/support/kubectl-detection';
import admissionWebhooksChanged from './admission-webhooks-changed';
import anonymousRequests from './anonymous-requests';
import clusterAdminBound from './cluster-admin-bound';
import coverage from './coverage';
import csrByPeople from './csr-by-people';
import eventsDeleted from './events-deleted';
import execByPeople from './exec-by-people';
import forbiddenBurst from './forbidden-burst';
import impersonationPrivileged from './impersonation-privileged';
import kubeletProxy from './kubelet-proxy';
import privilegedPodCreated from './privileged-pod-created';
import rbacChangedByServiceaccount from './rbac-changed-by-serviceaccount';
import secretsCrossNamespace from './secrets-cross-namespace';
import secretsListedClusterWide from './secrets-listed-cluster-wide';
import secretsReadBurst from './secrets-read-burst';
import secretsUnusualUserAgent from './secrets-unusual-user-agent';
import tokenRequestedByPeople from './token-requested-by-people';
import wildcardRoleCreated from './wildcard-role-created';

const detections = [
  anonymousRequests,
  execByPeople,
  secretsReadBurst,
  secretsCrossNamespace,
  secretsListedClusterWide,
  secretsUnusualUserAgent,
  clusterAdminBound,
  wildcardRoleCreated,
  rbacChangedByServiceaccount,
  privilegedPodCreated,
  impersonationPrivileged,
  forbiddenBurst,
  tokenRequestedByPeople,
  csrByPeople,
  admissionWebhooksChanged,
  eventsDeleted,
  kubeletProxy,
];

/** What the audit ingest folds events by (lib/posture/audit/aggregate.ts); management-tools reads kubectl versions from it too. */
export const AUDIT_DETECTIONS: readonly Detection[] = [...detections.map((d) => d.detection), KUBECTL_CLIENTS];

export const apiAbuseChecks: readonly Check[] = [coverage, ...detections];
