import { defineCheck, notAssessed } from '../../check';

/** No management tool is judged yet: the area says so rather than pass. */
export default defineCheck({
  id: 'management-tools.coverage',
  area: 'management-tools',
  severity: 'high',
  title: 'Management tools are recognised and checked',
  remediation:
    'Keep dashboards, GitOps controllers and cluster managers patched, unexposed (no NodePort, LoadBalancer or unauthenticated Ingress) and least-privileged, and check kubeconfigs for skipped TLS verification and inline credentials.',
  needs: [],
  evaluate: () => notAssessed('management tools are not examined yet'),
});
