import { readOnlyMountFix, removeVolumeFix } from '../fixes';
import { hostMounts, mayRunAsRoot } from '../security-context';
import type { ContainerEscape } from './types';

/** Host directories whose contents run as root, or hold what does: writing there is root on the node. */
const EXACT = ['/', '/etc', '/root', '/home', '/boot', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/opt', '/var', '/var/lib', '/proc', '/sys', '/dev'];
/** ...and everything below these. */
const TREES = [
  '/proc/sys',
  '/sys/fs/cgroup',
  '/sys/kernel',
  '/dev',
  '/etc/kubernetes',
  '/etc/cron.d',
  '/etc/systemd',
  '/root',
  '/boot',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/var/lib/kubelet',
  '/var/spool/cron',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/opt/cni/bin',
];

export function writeEscape(hostPath: string): boolean {
  return EXACT.includes(hostPath) || TREES.some((d) => hostPath === d || hostPath.startsWith(`${d}/`));
}

export default {
  id: 'escape-host-write',
  title: 'writable hostPath',
  precondition:
    "a container mounting, without readOnly, a hostPath of /, /etc, /root, /home, /boot, /usr, /bin, /lib, /var, /var/lib, /var/lib/kubelet, /proc, /sys, /dev, the runtimes' state or cron, static-pod and CNI directories (a cron job, a static pod, core_pattern or a binary the host runs). Certain when it may run as root; possible when it runs as another user (the files' owners are not in the API)",
  match: (w) =>
    hostMounts(w)
      .filter((m) => !m.readOnly && writeEscape(m.hostPath))
      .map((m) => ({
        to: 'node' as const,
        via: `container ${m.container.name} can write the host's ${m.hostPath}`,
        possible: !mayRunAsRoot(w, m.container),
        fixes: [
          readOnlyMountFix(w, m.container.name, m.volume, m.mountPath),
          removeVolumeFix(w, m.volume, [{ container: m.container.name, mountPath: m.mountPath }], `remove the hostPath volume ${m.volume}`),
        ],
      })),
} satisfies ContainerEscape;
