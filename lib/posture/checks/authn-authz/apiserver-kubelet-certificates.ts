import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag } from './support/apiserver-flags';

export default defineCheck({
  id: 'authn-authz.apiserver-kubelet-certificates',
  area: 'authn-authz',
  severity: 'medium',
  title: 'kube-apiserver verifies (and authenticates to) kubelets',
  remediation: `Have kubelets serve certificates signed by the cluster CA (kubelet serverTLSBootstrap: true, then approve
their CSRs), and give the kube-apiserver the CA and a client certificate:
  spec.containers[0].command:
    - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt
    - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt
    - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const missing = ['kubelet-certificate-authority', 'kubelet-client-certificate', 'kubelet-client-key'].filter((f) => !flag(cmd, f));
      if (missing.length === 0) return null;
      const noCa = missing.includes('kubelet-certificate-authority');
      const noClient = missing.some((f) => f !== 'kubelet-certificate-authority');
      const effects = [
        noCa &&
          "it does not check the kubelets' serving certificates, so exec, logs and port-forward traffic can be intercepted by anyone who can impersonate a node",
        noClient && 'it cannot authenticate to kubelets with a client certificate',
      ].filter(Boolean);
      return {
        severity: noClient ? 'high' : 'medium',
        message: `${name} sets no ${missing.map((f) => `--${f}`).join(', ')}: ${effects.join('; ')}.`,
      };
    }),
});
