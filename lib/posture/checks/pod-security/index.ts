// The pod-security area's checks: one per Pod Security Standards control, then the
// namespace-label and network-policy checks.
import type { Check } from '../../check';
import namespaceEnforcesPrivileged from './namespace-enforces-privileged';
import namespaceNoDefaultDeny from './namespace-no-default-deny';
import namespaceNoEnforceLevel from './namespace-no-enforce-level';
import namespaceNoNetworkPolicy from './namespace-no-network-policy';
import networkPolicyAllowsAll from './network-policy-allows-all';
import allowPrivilegeEscalation from './pss/allow-privilege-escalation';
import appArmorProfile from './pss/apparmor-profile';
import capabilitiesBaseline from './pss/capabilities-baseline';
import capabilitiesRestricted from './pss/capabilities-restricted';
import hostNamespaces from './pss/host-namespaces';
import hostPathVolumes from './pss/host-path-volumes';
import hostPorts from './pss/host-ports';
import hostProbesAndLifecycle from './pss/host-probes-and-lifecycle';
import privileged from './pss/privileged';
import procMount from './pss/proc-mount';
import procMountRestricted from './pss/proc-mount-restricted';
import restrictedVolumes from './pss/restricted-volumes';
import readOnlyRootFilesystem from './read-only-root-filesystem';
import runAsNonRoot from './pss/run-as-non-root';
import runAsUser from './pss/run-as-user';
import seccompBaseline from './pss/seccomp-baseline';
import seccompRestricted from './pss/seccomp-restricted';
import seLinuxOptions from './pss/selinux-options';
import sysctls from './pss/sysctls';
import windowsHostProcess from './pss/windows-host-process';
import workloadNotSelectedByNetworkPolicy from './workload-not-selected-by-network-policy';

/** One check per Pod Security Standards control. */
export const pssChecks: readonly Check[] = [
  // baseline
  privileged,
  hostNamespaces,
  hostPathVolumes,
  windowsHostProcess,
  capabilitiesBaseline,
  hostPorts,
  appArmorProfile,
  seLinuxOptions,
  procMount,
  seccompBaseline,
  sysctls,
  hostProbesAndLifecycle,
  // restricted
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  allowPrivilegeEscalation,
  seccompRestricted,
  capabilitiesRestricted,
  procMountRestricted,
];

export const podSecurityChecks: readonly Check[] = [
  ...pssChecks,
  namespaceNoEnforceLevel,
  namespaceEnforcesPrivileged,
  namespaceNoNetworkPolicy,
  namespaceNoDefaultDeny,
  workloadNotSelectedByNetworkPolicy,
  networkPolicyAllowsAll,
  readOnlyRootFilesystem,
];
