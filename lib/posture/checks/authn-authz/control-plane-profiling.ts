import { defineCheck } from '../../check';
import { evaluateControlPlane, examinesControlPlane, flag } from './support/apiserver-flags';

const COMPONENTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
const CIS = { 'kube-apiserver': '1.2.15', 'kube-controller-manager': '1.3.2', 'kube-scheduler': '1.4.1' } as const;

export default defineCheck({
  id: 'authn-authz.control-plane-profiling',
  references: [{ title: 'CIS Kubernetes Benchmark 1.2.15' }, { title: 'CIS Kubernetes Benchmark 1.3.2' }, { title: 'CIS Kubernetes Benchmark 1.4.1' }, { title: 'Kubescape C-0129' }, { title: 'Kubescape C-0145' }, { title: 'Kubescape C-0151' }],
  area: 'authn-authz',
  severity: 'low',
  title: 'Control-plane component serves profiling data (CIS 1.2.15, 1.3.2, 1.4.1: --profiling=false)',
  remediation: `Add --profiling=false to the command of kube-apiserver, kube-controller-manager and kube-scheduler
(kubeadm: the static pod manifests in /etc/kubernetes/manifests/):
  spec.containers[0].command:
    - --profiling=false`,
  needs: ['pods'],
  examines: examinesControlPlane(COMPONENTS),
  evaluate: (inv) =>
    evaluateControlPlane(inv, COMPONENTS, (cmd, name, component) => {
      const value = flag(cmd, 'profiling');
      if (value === 'false') return null;
      // A KubeSchedulerConfiguration file can turn profiling off (enableProfiling: false) where we cannot see it.
      const config = component === 'kube-scheduler' && value === undefined ? flag(cmd, 'config') : undefined;
      if (config) return { severity: 'info', message: `${name} sets no --profiling flag and reads ${config}, which is not visible through the API: whether it sets enableProfiling: false was not assessed (CIS 1.4.1).` };
      const how = value === undefined ? 'does not set --profiling=false (the default is true)' : `sets --profiling=${value}`;
      return {
        message: `${name} ${how}: /debug/pprof exposes the program's internals (heap, goroutines) to anyone allowed to read it, and profiling costs CPU (CIS ${CIS[component as keyof typeof CIS]}).`,
      };
    }),
});
