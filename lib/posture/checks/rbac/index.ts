import type { Check } from '../../check';
import approvesCsrs from './approves-csrs';
import bindsClusterAdmin from './binds-cluster-admin';
import createsSaTokens from './creates-sa-tokens';
import createsWorkloads from './creates-workloads';
import editsAdmissionWebhooks from './edits-admission-webhooks';
import escalateBindImpersonate from './escalate-bind-impersonate';
import execAttachPods from './exec-attach-pods';
import nodesProxy from './nodes-proxy';
import readsSecrets from './reads-secrets';
import wildcardPermissions from './wildcard-permissions';

export const rbacChecks: readonly Check[] = [
  bindsClusterAdmin,
  wildcardPermissions,
  escalateBindImpersonate,
  readsSecrets,
  execAttachPods,
  createsWorkloads,
  nodesProxy,
  createsSaTokens,
  approvesCsrs,
  editsAdmissionWebhooks,
];
