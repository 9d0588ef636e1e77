import { defineCheck } from '../../check';
import { evaluateControlPlane, examinesControlPlane, flag } from './support/apiserver-flags';

const COMPONENTS = ['kube-controller-manager'] as const;

export default defineCheck({
  id: 'authn-authz.controller-manager-service-account-credentials',
  references: [{ title: 'CIS Kubernetes Benchmark 1.3.3' }, { title: 'Kubescape C-0146' }],
  area: 'authn-authz',
  severity: 'medium',
  title: 'Controllers share the controller manager\'s own credentials (CIS 1.3.3: --use-service-account-credentials=true)',
  remediation: `Run each controller under its own ServiceAccount (kubeadm does by default):
  spec.containers[0].command:
    - --use-service-account-credentials=true`,
  needs: ['pods'],
  examines: examinesControlPlane(COMPONENTS),
  evaluate: (inv) =>
    evaluateControlPlane(inv, COMPONENTS, (cmd, name) => {
      const value = flag(cmd, 'use-service-account-credentials');
      if (value === 'true') return null;
      const how = value === undefined ? 'does not set --use-service-account-credentials=true (the default is false)' : `sets --use-service-account-credentials=${value}`;
      return {
        message: `${name} ${how}: every controller then acts with the controller manager's own broad credentials instead of its narrow system:controller:* role (CIS 1.3.3).`,
      };
    }),
});
