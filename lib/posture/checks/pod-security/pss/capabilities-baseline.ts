import { capabilitiesBaseline } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(capabilitiesBaseline, {
  id: 'pod-security.pss.capabilities-baseline',
  title: 'Container adds capabilities beyond the default set',
  severity: 'high',
  remediation: `Remove capabilities such as SYS_ADMIN, NET_ADMIN, NET_RAW or ALL from capabilities.add; baseline allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT:
containers:
- name: app
  securityContext:
    capabilities:
      drop: ["ALL"]
      add: ["NET_BIND_SERVICE"]   # only what the process needs`,
});
