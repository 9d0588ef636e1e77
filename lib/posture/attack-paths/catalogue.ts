// Every edge rule, in the order the README lists them.
import admissionWebhooks from './edges/admission-webhooks';
import awsAuth from './edges/aws-auth';
import clusterAdminReach from './edges/cluster-admin-reach';
import createToken from './edges/create-token';
import createWorkloads from './edges/create-workloads';
import csrApprove from './edges/csr-approve';
import escapeHostRead from './edges/escape-host-read';
import escapeHostWrite from './edges/escape-host-write';
import escapePrivileged from './edges/escape-privileged';
import escapePrivilegedHostPid from './edges/escape-privileged-host-pid';
import escapeRuntimeSocket from './edges/escape-runtime-socket';
import escapeSysAdmin from './edges/escape-sys-admin';
import escapeSysModule from './edges/escape-sys-module';
import escapeSysPtrace from './edges/escape-sys-ptrace';
import escapeVarLog from './edges/escape-var-log';
import execAttach from './edges/exec-attach';
import execIntoPods from './edges/exec-into-pods';
import exposure from './edges/exposure';
import holdsEverything from './edges/holds-everything';
import impersonate from './edges/impersonate';
import legacyTokens from './edges/legacy-tokens';
import namespaceLabels from './edges/namespace-labels';
import nodeCredentials from './edges/node-credentials';
import nodesProxy from './edges/nodes-proxy';
import rbacEscalation from './edges/rbac-escalation';
import readSecrets from './edges/read-secrets';
import runAsServiceAccount from './edges/run-as-service-account';
import type { ContainerEscape, PermissionEdge, StructuralEdge } from './edges/types';
import workloadIdentity from './edges/workload-identity';

export const ESCAPES: readonly ContainerEscape[] = [
  escapePrivilegedHostPid,
  escapePrivileged,
  escapeSysModule,
  escapeSysPtrace,
  escapeSysAdmin,
  escapeHostWrite,
  escapeHostRead,
  escapeRuntimeSocket,
  escapeVarLog,
];

export const STRUCTURAL: readonly StructuralEdge[] = [
  exposure,
  workloadIdentity,
  nodeCredentials,
  runAsServiceAccount,
  execIntoPods,
  legacyTokens,
  clusterAdminReach,
];

export const PERMISSIONS: readonly PermissionEdge[] = [
  holdsEverything,
  createWorkloads,
  execAttach,
  readSecrets,
  createToken,
  rbacEscalation,
  impersonate,
  csrApprove,
  nodesProxy,
  admissionWebhooks,
  namespaceLabels,
  awsAuth,
];
