import { containerFieldFix } from '../fixes';
import { allContainers, isPrivileged } from '../security-context';
import type { ContainerEscape } from './types';

export default {
  id: 'escape-privileged',
  title: 'privileged container',
  precondition: "a container with securityContext.privileged: true (it can mount the host's disks and load modules)",
  match: (w) =>
    allContainers(w.spec)
      .filter(isPrivileged)
      .map((c) => ({
        to: 'node' as const,
        via: `container ${c.name} is privileged`,
        possible: false,
        fixes: [containerFieldFix(w, c.name, 'securityContext.privileged', 'false', `make container ${c.name} unprivileged`)],
      })),
} satisfies ContainerEscape;
