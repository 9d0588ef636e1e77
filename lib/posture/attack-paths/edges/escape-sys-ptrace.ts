import { podFieldFix } from '../fixes';
import { allContainers, hasCap, isPrivileged } from '../security-context';
import { dropCapsFix } from './cap-fix';
import type { ContainerEscape } from './types';

const unconfined = (w: Parameters<ContainerEscape['match']>[0], name: string, c: { securityContext?: { appArmorProfile?: { type?: string } } }) =>
  c.securityContext?.appArmorProfile?.type === 'Unconfined' ||
  (w.spec.securityContext?.appArmorProfile?.type === 'Unconfined' && !c.securityContext?.appArmorProfile) ||
  w.podAnnotations[`container.apparmor.security.beta.kubernetes.io/${name}`] === 'unconfined';

export default {
  id: 'escape-sys-ptrace',
  title: 'SYS_PTRACE with SYS_ADMIN and hostPID',
  precondition:
    "hostPID: true and an unprivileged container adding SYS_PTRACE and SYS_ADMIN: it can inject code into a host process. Certain when AppArmor is Unconfined for it; otherwise possible (the node's AppArmor profile may block ptrace, which the API does not show)",
  match: (w) =>
    w.spec.hostPID !== true
      ? []
      : allContainers(w.spec)
          .filter((c) => !isPrivileged(c) && hasCap(c, 'SYS_PTRACE') && hasCap(c, 'SYS_ADMIN'))
          .map((c) => ({
            to: 'node' as const,
            via: `container ${c.name} adds SYS_PTRACE and SYS_ADMIN with hostPID (injects into a host process)`,
            possible: !unconfined(w, c.name, c),
            fixes: [dropCapsFix(w, c, ['SYS_PTRACE']), podFieldFix(w, 'hostPID', 'false', "stop sharing the host's PID namespace")],
          })),
} satisfies ContainerEscape;
