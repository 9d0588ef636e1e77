import { capabilitiesRestricted } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(capabilitiesRestricted, {
  id: 'pod-security.pss.capabilities-restricted',
  title: 'Containers drop all capabilities',
  severity: 'medium',
  remediation: `Drop all capabilities on every container and add back at most NET_BIND_SERVICE:
containers:
- name: app
  securityContext:
    capabilities:
      drop: ["ALL"]
      add: ["NET_BIND_SERVICE"]   # only if it binds a port below 1024`,
});
