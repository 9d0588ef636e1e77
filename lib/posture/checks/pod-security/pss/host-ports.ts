import { hostPorts } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(hostPorts, {
  id: 'pod-security.pss.host-ports',
  title: 'Container binds a host port',
  severity: 'high',
  remediation: `Drop hostPort and publish the containerPort through a Service (ClusterIP, NodePort or LoadBalancer):
containers:
- name: app
  ports:
  - containerPort: 8080   # no hostPort`,
});
