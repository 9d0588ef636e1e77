import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag } from './support/apiserver-flags';

export default defineCheck({
  id: 'authn-authz.apiserver-anonymous-auth',
  area: 'authn-authz',
  severity: 'medium',
  title: 'kube-apiserver accepts anonymous requests',
  remediation: `Add --anonymous-auth=false to the kube-apiserver command (kubeadm: /etc/kubernetes/manifests/kube-apiserver.yaml):
  spec.containers[0].command:
    - --anonymous-auth=false
On Kubernetes 1.32+ you can instead keep anonymous access to health checks only, with an AuthenticationConfiguration
passed as --authentication-config:
  anonymous:
    enabled: true
    conditions: [{path: /livez}, {path: /readyz}, {path: /healthz}]`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const value = flag(cmd, 'anonymous-auth');
      if (value === 'false') return null;
      const config = flag(cmd, 'authentication-config');
      const how = value === undefined ? 'does not set --anonymous-auth=false (the default is true)' : `sets --anonymous-auth=${value}`;
      if (config) {
        return {
          severity: 'low',
          message: `${name} ${how}, but reads an authentication config (${config}): on Kubernetes 1.32+ that file can limit anonymous requests to some endpoints (anonymous.conditions). Check it does.`,
        };
      }
      return {
        message: `${name} ${how}: requests without credentials are accepted as system:anonymous and get whatever RBAC grants that user or system:unauthenticated. (Kubernetes 1.32+ can limit anonymous access to chosen endpoints with --authentication-config; none is set.)`,
      };
    }),
});
