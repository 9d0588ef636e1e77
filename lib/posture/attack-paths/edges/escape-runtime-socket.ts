import { removeVolumeFix } from '../fixes';
import { hostMounts, mayRunAsRoot } from '../security-context';
import type { ContainerEscape } from './types';

/** Container runtime sockets, and the directories that hold them. */
const SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/k3s/containerd/containerd.sock',
];

export function socketIn(hostPath: string): string | undefined {
  return SOCKETS.find((s) => s === hostPath || s.startsWith(`${hostPath}/`));
}

export default {
  id: 'escape-runtime-socket',
  title: 'container runtime socket',
  precondition:
    "a container mounting the container runtime's socket (docker, containerd, CRI-O) or a directory holding it (/var/run, /run, /run/containerd…), read-only or not (connecting to a socket is not a write): it starts a privileged container on the node. Certain when it may run as root; possible otherwise (the socket's owner and mode are not in the API)",
  match: (w) =>
    hostMounts(w)
      .filter((m) => socketIn(m.hostPath) && m.hostPath !== '/')
      .map((m) => ({
        to: 'node' as const,
        via: `container ${m.container.name} mounts the runtime socket ${socketIn(m.hostPath)}`,
        possible: !mayRunAsRoot(w, m.container),
        fixes: [removeVolumeFix(w, m.volume, [{ container: m.container.name, mountPath: m.mountPath }], `remove the hostPath volume ${m.volume}`)],
      })),
} satisfies ContainerEscape;
