import { readOnlyMountFix } from '../fixes';
import { hostMounts } from '../security-context';
import type { ContainerEscape } from './types';

/**
 * Needs the workload's own identity to read pods/log in its namespace: build.ts passes that in
 * (`canReadLogs`), computed once per ServiceAccount.
 */
export default {
  id: 'escape-var-log',
  title: '/var/log with pods/log',
  precondition:
    "a container that can write the host's /var/log (or /var, or /) and whose ServiceAccount (token mounted) may get pods/log in its namespace: a symlink planted in /var/log/pods makes the kubelet serve any host file as a log. Possible only: kubelets that no longer follow such links are not told apart in the API",
  match: (w, ctx) => {
    const mounts = hostMounts(w).filter((m) => !m.readOnly && (m.hostPath === '/' || m.hostPath === '/var' || m.hostPath === '/var/log'));
    return mounts.length === 0 || !ctx.canReadLogs?.(w)
      ? []
      : mounts.map((m) => ({
          to: 'node' as const,
          via: `container ${m.container.name} writes the host's ${m.hostPath} and its ServiceAccount reads pods/log (log symlink)`,
          possible: true,
          fixes: [readOnlyMountFix(w, m.container.name, m.volume, m.mountPath)],
        }));
  },
} satisfies ContainerEscape;
