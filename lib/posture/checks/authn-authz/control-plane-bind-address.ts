import { defineCheck } from '../../check';
import { evaluateControlPlane, examinesControlPlane, flag } from './support/apiserver-flags';

const COMPONENTS = ['kube-controller-manager', 'kube-scheduler'] as const;
const CIS = { 'kube-controller-manager': '1.3.7', 'kube-scheduler': '1.4.2' } as const;
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]']);

export default defineCheck({
  id: 'authn-authz.control-plane-bind-address',
  references: [{ title: 'CIS Kubernetes Benchmark 1.3.7' }, { title: 'CIS Kubernetes Benchmark 1.4.2' }, { title: 'Kubescape C-0150' }, { title: 'Kubescape C-0152' }],
  area: 'authn-authz',
  severity: 'medium',
  title: 'Controller manager or scheduler listens on every interface (CIS 1.3.7, 1.4.2: --bind-address=127.0.0.1)',
  remediation: `Bind kube-controller-manager and kube-scheduler to loopback (kubeadm does by default):
  spec.containers[0].command:
    - --bind-address=127.0.0.1`,
  needs: ['pods'],
  examines: examinesControlPlane(COMPONENTS),
  evaluate: (inv) =>
    evaluateControlPlane(inv, COMPONENTS, (cmd, name, component) => {
      const value = flag(cmd, 'bind-address');
      if (value !== undefined && !ALL_INTERFACES.has(value)) return null;
      const how = value === undefined ? 'sets no --bind-address (the default is 0.0.0.0)' : `sets --bind-address=${value}`;
      return {
        message: `${name} ${how}: its secure port (health, metrics, profiling) is reachable from the network rather than from the node alone (CIS ${CIS[component as keyof typeof CIS]}).`,
      };
    }),
});
