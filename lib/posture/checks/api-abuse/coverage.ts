import { defineCheck, notAssessed } from '../../check';

/**
 * Whether API abuse is watched for needs the API server's audit configuration and its events,
 * which an inventory of objects does not hold: until they reach kube-posture the area is not
 * assessed, never passed.
 */
export default defineCheck({
  id: 'api-abuse.coverage',
  area: 'api-abuse',
  severity: 'high',
  title: "The API server's audit events are recorded and read by a detector",
  remediation:
    "Give kube-apiserver an audit policy (--audit-policy-file) and a log or webhook backend (--audit-log-path, --audit-webhook-config-file), and send the events to a detector: Falco's k8saudit plugin, a SIEM, or kube-posture (--audit-log, or its audit webhook receiver).",
  needs: [],
  references: [{ title: 'Kubernetes: Auditing', url: 'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/' }],
  evaluate: () => notAssessed('no audit configuration or audit events reached kube-posture: whether API abuse is detected is unknown'),
});
