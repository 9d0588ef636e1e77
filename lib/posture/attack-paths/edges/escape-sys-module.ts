import { allContainers, hasCap, isPrivileged } from '../security-context';
import { dropCapsFix } from './cap-fix';
import type { ContainerEscape } from './types';

export default {
  id: 'escape-sys-module',
  title: 'SYS_MODULE',
  precondition:
    'a container that adds SYS_MODULE (or ALL) and is not privileged (privileged has its own edge): it can load a kernel module. Possible only: the kernel may refuse unsigned modules or have module loading disabled, which the API does not show',
  match: (w) =>
    allContainers(w.spec)
      .filter((c) => !isPrivileged(c) && hasCap(c, 'SYS_MODULE'))
      .map((c) => ({
        to: 'node' as const,
        via: `container ${c.name} adds SYS_MODULE (loads a kernel module)`,
        possible: true,
        fixes: [dropCapsFix(w, c, ['SYS_MODULE'])],
      })),
} satisfies ContainerEscape;
