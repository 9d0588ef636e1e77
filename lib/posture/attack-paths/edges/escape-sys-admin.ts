import { allContainers, hasCap, isPrivileged } from '../security-context';
import { dropCapsFix } from './cap-fix';
import type { ContainerEscape } from './types';

export default {
  id: 'escape-sys-admin',
  title: 'SYS_ADMIN',
  precondition:
    'an unprivileged container adding SYS_ADMIN (or ALL): mount and cgroup escapes (release_agent). Possible only: they depend on the cgroup version, seccomp and AppArmor on the node, which the API does not show',
  match: (w) =>
    allContainers(w.spec)
      .filter((c) => !isPrivileged(c) && hasCap(c, 'SYS_ADMIN'))
      .map((c) => ({
        to: 'node' as const,
        via: `container ${c.name} adds SYS_ADMIN (cgroup and mount escapes)`,
        possible: true,
        fixes: [dropCapsFix(w, c, ['SYS_ADMIN'])],
      })),
} satisfies ContainerEscape;
