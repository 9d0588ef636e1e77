import { defineCheck, notAssessed, ref, type RawFinding } from '../../check';
import { marked, msg, named, prose } from '../../message';
import { apiServerCommandLines, flag, NOT_VISIBLE } from '../authn-authz/support/apiserver-flags';
import { auditEventsArrived, falcoAuditReaders } from './support/audit-detectors';

/**
 * Whether API abuse can be seen at all: the API server records audit events (a policy and a log
 * or webhook backend, where its flags are visible) and something reads them. On a managed
 * control plane the flags are out of sight: not assessed, unless events reach kube-posture.
 */
export default defineCheck({
  id: 'api-abuse.coverage',
  area: 'api-abuse',
  severity: 'high',
  severityRange: ['medium', 'high'],
  title: "The API server's audit events are recorded and read by a detector",
  remediation:
    "Give kube-apiserver an audit policy (--audit-policy-file) and a log or webhook backend (--audit-log-path, --audit-webhook-config-file), and send the events to a detector: Falco's k8saudit plugin, a SIEM, or kube-posture (--audit-log, or its audit webhook receiver; see deploy/optional/audit-webhook.kubeconfig).",
  needs: [],
  references: [
    { title: 'Kubernetes: Auditing', url: 'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/' },
    { title: 'CIS Kubernetes Benchmark 1.2.16-1.2.19 (audit log flags), 3.2.1 (audit policy)' },
  ],
  evaluate(inv) {
    if (auditEventsArrived(inv)) return [];
    const readers = falcoAuditReaders(inv);
    const apiservers = apiServerCommandLines(inv);
    if (apiservers.length === 0) {
      return readers.length > 0 ? [] : notAssessed(`${NOT_VISIBLE}, and no audit events reached kube-posture: whether API requests are audited and read is unknown`);
    }
    const findings: RawFinding[] = [];
    for (const cmd of apiservers) {
      const pod = named(ref(cmd.pod));
      const policy = flag(cmd, 'audit-policy-file');
      const log = flag(cmd, 'audit-log-path');
      const webhook = flag(cmd, 'audit-webhook-config-file');
      if (!policy) findings.push({ resource: ref(cmd.pod), ...marked(msg`${pod} runs without --audit-policy-file: the API server records no audit events, so abuse of the API leaves no trace.`) });
      else if (!log && !webhook)
        findings.push({ resource: ref(cmd.pod), ...marked(msg`${pod} has an audit policy but neither --audit-log-path nor --audit-webhook-config-file: the events go nowhere.`) });
      else if (readers.length === 0)
        findings.push({
          resource: ref(cmd.pod),
          severity: 'medium',
          ...marked(msg`${pod} records audit events (${prose(log ? 'log backend' : 'webhook backend')}), but no detector that reads them is visible and none reached kube-posture: nobody is alerted to abuse.`),
        });
    }
    return findings;
  },
});
