// Every Pod Security Standards control, baseline first, in upstream's order.
import type { Control, ControlId } from '../types';
import allowPrivilegeEscalation from './allow-privilege-escalation';
import appArmorProfile from './apparmor-profile';
import capabilitiesBaseline from './capabilities-baseline';
import capabilitiesRestricted from './capabilities-restricted';
import hostNamespaces from './host-namespaces';
import hostPathVolumes from './host-path-volumes';
import hostPorts from './host-ports';
import hostProbesAndHostLifecycle from './host-probes-and-lifecycle';
import privileged from './privileged';
import procMount from './proc-mount';
import procMountRestricted from './proc-mount-restricted';
import restrictedVolumes from './restricted-volumes';
import runAsNonRoot from './run-as-non-root';
import runAsUser from './run-as-user';
import seccompProfileBaseline from './seccomp-baseline';
import seccompProfileRestricted from './seccomp-restricted';
import seLinuxOptions from './selinux-options';
import sysctls from './sysctls';
import windowsHostProcess from './windows-host-process';

export const CONTROLS: readonly Control[] = [
  hostNamespaces,
  privileged,
  capabilitiesBaseline,
  hostPathVolumes,
  hostPorts,
  appArmorProfile,
  seLinuxOptions,
  procMount,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
  hostProbesAndHostLifecycle,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  allowPrivilegeEscalation,
  seccompProfileRestricted,
  capabilitiesRestricted,
  procMountRestricted,
];

export function controlById(id: ControlId): Control {
  const c = CONTROLS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown PSS control ${id}`);
  return c;
}

export {
  allowPrivilegeEscalation,
  appArmorProfile,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileBaseline,
  seccompProfileRestricted,
  seLinuxOptions,
  sysctls,
  windowsHostProcess,
};
