import { seLinuxOptions } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(seLinuxOptions, {
  id: 'pod-security.pss.selinux-options',
  title: 'Custom SELinux user, role or type',
  severity: 'high',
  remediation: `Leave seLinuxOptions user and role unset and use a container type (container_t, container_init_t, container_kvm_t, container_engine_t from policy v1.31); level is free:
securityContext:
  seLinuxOptions:
    type: container_t
    level: "s0:c123,c456"`,
});
