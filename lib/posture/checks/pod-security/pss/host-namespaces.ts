import { hostNamespaces } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(hostNamespaces, {
  id: 'pod-security.pss.host-namespaces',
  title: 'Workload shares the host network, PID or IPC namespace',
  severity: 'critical',
  // hostPID / hostNetwork see or reach the whole node; hostIPC alone is narrower.
  severityOf: (v) => (v.paths?.some((p) => p !== 'spec.hostIPC') ? 'critical' : 'high'),
  remediation: `Remove the host namespaces from the pod template (or set them to false); expose ports through a Service instead of hostNetwork:
spec:
  hostNetwork: false
  hostPID: false
  hostIPC: false`,
});
