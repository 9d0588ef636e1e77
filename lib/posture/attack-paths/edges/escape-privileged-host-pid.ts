import { containerFieldFix, podFieldFix } from '../fixes';
import { allContainers, isPrivileged } from '../security-context';
import type { ContainerEscape } from './types';

export default {
  id: 'escape-privileged-host-pid',
  title: 'privileged container with hostPID',
  precondition: 'hostPID: true and a privileged container (nsenter into PID 1 gives a root shell on the host)',
  match: (w) =>
    w.spec.hostPID !== true
      ? []
      : allContainers(w.spec)
          .filter(isPrivileged)
          .map((c) => ({
            to: 'node' as const,
            via: `container ${c.name} is privileged with hostPID`,
            possible: false,
            fixes: [
              containerFieldFix(w, c.name, 'securityContext.privileged', 'false', `make container ${c.name} unprivileged`),
              podFieldFix(w, 'hostPID', 'false', "stop sharing the host's PID namespace"),
            ],
          })),
} satisfies ContainerEscape;
