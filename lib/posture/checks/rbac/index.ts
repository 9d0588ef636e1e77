import type { Check } from '../../check';
import approvesCsrs from './approves-csrs';
import bindsClusterAdmin from './binds-cluster-admin';
import broadDelete from './broad-delete';
import createsSaTokens from './creates-sa-tokens';
import createsWorkloads from './creates-workloads';
import deletesEvents from './deletes-events';
import editsAdmissionWebhooks from './edits-admission-webhooks';
import escalateBindImpersonate from './escalate-bind-impersonate';
import execAttachPods from './exec-attach-pods';
import nodesProxy from './nodes-proxy';
import portForwardPods from './port-forward-pods';
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
  portForwardPods,
  broadDelete,
  deletesEvents,
];
