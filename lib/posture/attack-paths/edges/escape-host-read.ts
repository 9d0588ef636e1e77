import { removeVolumeFix } from '../fixes';
import { covers, hostMounts } from '../security-context';
import type { ContainerEscape, EscapeHit } from './types';

export default {
  id: 'escape-host-read',
  title: 'reads host credentials',
  precondition:
    "a container mounting (even read-only) a hostPath that holds credentials: /var/lib/kubelet (or a directory above it) holds every pod's ServiceAccount token on the node and the kubelet's client certificate; /etc holds the kubelet's kubeconfig on kubeadm nodes (possible: its place varies); /root/.ssh or /home hold SSH keys (possible: whether they log into this host is not in the API)",
  match: (w) => {
    const out: EscapeHit[] = [];
    for (const m of hostMounts(w)) {
      const fix = removeVolumeFix(w, m.volume, [{ container: m.container.name, mountPath: m.mountPath }], `remove the hostPath volume ${m.volume}`);
      if (covers(m.hostPath, '/var/lib/kubelet/pods') || m.hostPath.startsWith('/var/lib/kubelet/'))
        out.push({
          to: 'tokens',
          via: `container ${m.container.name} reads the host's ${m.hostPath} (pod tokens, kubelet certificate)`,
          possible: !covers(m.hostPath, '/var/lib/kubelet'),
          fixes: [fix],
        });
      else if (m.hostPath === '/etc' || m.hostPath === '/etc/kubernetes')
        out.push({
          to: 'tokens',
          via: `container ${m.container.name} reads the host's ${m.hostPath} (the kubelet's kubeconfig)`,
          possible: true,
          fixes: [fix],
        });
      if (covers(m.hostPath, '/root/.ssh') || covers(m.hostPath, '/home'))
        out.push({ to: 'node', via: `container ${m.container.name} reads SSH keys under the host's ${m.hostPath}`, possible: true, fixes: [fix] });
    }
    return out;
  },
} satisfies ContainerEscape;
