import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag, flagList } from '../authn-authz/support/apiserver-flags';

export default defineCheck({
  id: 'encryption.apiserver-etcd-tls',
  references: [{ title: 'CIS Kubernetes Benchmark 1.2.23' }, { title: 'CIS Kubernetes Benchmark 1.2.26' }, { title: 'Kubescape C-0137' }, { title: 'Kubescape C-0140' }],
  area: 'encryption',
  severity: 'high',
  title: 'kube-apiserver talks to etcd over full TLS (CIS 1.2.23, 1.2.26: --etcd-cafile, --etcd-certfile, --etcd-keyfile)',
  remediation: `Give the API server a CA to verify etcd and a client certificate to present to it (kubeadm sets all three):
  spec.containers[0].command:
    - --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt
    - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt
    - --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key
    - --etcd-servers=https://…:2379`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const plain = flagList(cmd, 'etcd-servers').filter((u) => u.toLowerCase().startsWith('http://'));
      const missing = ['etcd-cafile', 'etcd-certfile', 'etcd-keyfile'].filter((f) => !flag(cmd, f));
      if (plain.length === 0 && missing.length === 0) return null;
      const parts = [
        plain.length > 0 ? `reaches etcd over plain HTTP (${plain.join(', ')})` : '',
        missing.length > 0 ? `sets no ${missing.map((f) => `--${f}`).join(', ')}` : '',
      ].filter(Boolean);
      return {
        message: `${name} ${parts.join(' and ')}: etcd holds every Secret, so the link to it must be encrypted, the server verified (--etcd-cafile) and the API server authenticated by certificate (--etcd-certfile/--etcd-keyfile) (CIS 1.2.23, 1.2.26).`,
      };
    }),
});
