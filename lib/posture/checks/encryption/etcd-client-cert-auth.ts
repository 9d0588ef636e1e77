import { defineCheck } from '../../check';
import { evaluateControlPlane, examinesControlPlane, flag } from '../authn-authz/support/apiserver-flags';

const COMPONENTS = ['etcd'] as const;

export default defineCheck({
  id: 'encryption.etcd-client-cert-auth',
  references: [{ title: 'CIS Kubernetes Benchmark 2.1' }, { title: 'CIS Kubernetes Benchmark 2.2' }, { title: 'CIS Kubernetes Benchmark 2.3' }, { title: 'Kubescape C-0153' }, { title: 'Kubescape C-0154' }, { title: 'Kubescape C-0155' }],
  area: 'encryption',
  severity: 'high',
  title: 'etcd accepts only clients with verified certificates (CIS 2.1-2.3: --cert-file/--key-file, --client-cert-auth=true, no --auto-tls)',
  remediation: `Serve etcd with a real certificate and require client certificates (kubeadm's etcd pod does):
  spec.containers[0].command:
    - --cert-file=/etc/kubernetes/pki/etcd/server.crt
    - --key-file=/etc/kubernetes/pki/etcd/server.key
    - --client-cert-auth=true
    - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
  and remove --auto-tls=true.`,
  needs: ['pods'],
  examines: examinesControlPlane(COMPONENTS),
  evaluate: (inv) =>
    evaluateControlPlane(inv, COMPONENTS, (cmd, name) => {
      // With --config-file, etcd ignores its other flags: the settings live in a file we cannot read.
      const file = flag(cmd, 'config-file');
      if (file) return { severity: 'info', message: `${name} reads its settings from ${file} (its flags are then ignored), which is not visible through the API: client TLS was not assessed.` };
      const problems = [
        !flag(cmd, 'cert-file') || !flag(cmd, 'key-file') ? 'sets no --cert-file/--key-file (clients talk to it in plain text; CIS 2.1)' : '',
        flag(cmd, 'client-cert-auth') !== 'true' ? 'does not set --client-cert-auth=true, so any client that reaches it is served (CIS 2.2)' : '',
        flag(cmd, 'auto-tls') === 'true' ? 'sets --auto-tls=true, a self-signed certificate no client can verify (CIS 2.3)' : '',
      ].filter(Boolean);
      if (problems.length === 0) return null;
      return { message: `${name} ${problems.join('; ')}. etcd holds every Secret of the cluster.` };
    }),
});
