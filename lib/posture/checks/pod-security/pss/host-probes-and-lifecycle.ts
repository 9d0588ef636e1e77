import { hostProbesAndHostLifecycle } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(hostProbesAndHostLifecycle, {
  id: 'pod-security.pss.host-probes-and-lifecycle',
  title: 'Probe or lifecycle hook targets another host',
  severity: 'high',
  remediation: `Remove host from httpGet/tcpSocket probes and lifecycle hooks so the kubelet only connects to the pod itself:
livenessProbe:
  httpGet:
    path: /healthz
    port: 8080   # no host:`,
});
