import { allowed } from '../../audit/event';
import { defineDetection, ELASTIC_RULES, SIGMA_RULES } from './support/define-detection';

/** Identities that hold the cluster: impersonating one is acting as cluster-admin. */
function privileged(u: { username?: string; groups?: string[] }): boolean {
  const name = u.username ?? '';
  return (
    (u.groups ?? []).includes('system:masters') ||
    name === 'system:admin' ||
    name === 'kubernetes-admin' ||
    name.startsWith('system:node:') ||
    name.startsWith('system:kube-') ||
    name.startsWith('system:serviceaccount:kube-system:')
  );
}

export default defineDetection({
  id: 'api-abuse.impersonation-privileged',
  severity: 'critical',
  title: 'Nobody impersonates a privileged identity',
  remediation:
    'Impersonating system:masters, a node, a control-plane component or a kube-system ServiceAccount is acting as the cluster. Take impersonate on users, groups and serviceaccounts from whoever did it unless it is a known access proxy, and scope a proxy with resourceNames.',
  references: [ELASTIC_RULES, SIGMA_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match: (e) =>
      e.impersonatedUser && privileged(e.impersonatedUser) && allowed(e)
        ? { object: { kind: 'User', namespace: null, name: e.impersonatedUser.username ?? '(groups only)' }, what: 'made requests as the privileged identity' }
        : null,
  },
});
