import { privileged } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(privileged, {
  id: 'pod-security.pss.privileged',
  title: 'Privileged container',
  severity: 'critical',
  remediation: `Run the container unprivileged and add only the capabilities it needs:
containers:
- name: app
  securityContext:
    privileged: false
    capabilities:
      drop: ["ALL"]
      add: ["NET_BIND_SERVICE"]   # only if needed`,
});
