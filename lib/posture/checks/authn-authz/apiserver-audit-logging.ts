import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag } from './support/apiserver-flags';

// CIS 1.2.17–1.2.19: keep 30 days, 10 files, 100 MB each.
const MIN_RETENTION = { 'audit-log-maxage': 30, 'audit-log-maxbackup': 10, 'audit-log-maxsize': 100 } as const;

export default defineCheck({
  id: 'authn-authz.apiserver-audit-logging',
  references: [{ title: 'CIS Kubernetes Benchmark 1.2.17' }, { title: 'CIS Kubernetes Benchmark 1.2.18' }, { title: 'CIS Kubernetes Benchmark 1.2.19' }],
  area: 'authn-authz',
  severity: 'high',
  severityRange: ['low', 'high'], // a log kept too briefly: medium by age, low by size or backups
  title: 'kube-apiserver keeps audit logs, long enough',
  remediation: `Give the kube-apiserver an audit policy and a log (or webhook) backend, kept at least 30 days:
  spec.containers[0].command:
    - --audit-policy-file=/etc/kubernetes/audit-policy.yaml
    - --audit-log-path=/var/log/kubernetes/audit/audit.log
    - --audit-log-maxage=30
    - --audit-log-maxbackup=10
    - --audit-log-maxsize=100
and mount both paths into the pod (hostPath volumes). Ship the log off the node if you can.`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      const policy = flag(cmd, 'audit-policy-file');
      const path = flag(cmd, 'audit-log-path');
      const webhook = flag(cmd, 'audit-webhook-config-file');
      if (!policy) return { message: `${name} sets no --audit-policy-file: without a policy the API server records no audit events at all.` };
      if (!path && !webhook) return { message: `${name} sets an audit policy but no --audit-log-path or --audit-webhook-config-file: the events go nowhere.` };
      if (!path) return null; // audit goes to a webhook; its retention is the receiver's business
      const short = Object.entries(MIN_RETENTION).flatMap(([f, min]) => {
        const raw = flag(cmd, f);
        // Unset or 0 means no limit for age and backups, and the 100 MB default for size.
        if (raw === undefined || Number(raw) === 0 || Number(raw) >= min) return [];
        return [`--${f}=${raw} (at least ${min})`];
      });
      if (short.length === 0) return null;
      const maxage = short.some((s) => s.startsWith('--audit-log-maxage'));
      return {
        severity: maxage ? 'medium' : 'low',
        message: `${name} keeps its audit log too briefly: ${short.join(', ')}. An incident found weeks later has no trail left.`,
      };
    }),
});
