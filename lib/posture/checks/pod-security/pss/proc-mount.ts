import { procMount } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(procMount, {
  id: 'pod-security.pss.proc-mount',
  title: 'Unmasked /proc mount',
  severity: 'high',
  remediation: `Remove procMount (or set it to Default); from policy v1.35 baseline allows Unmasked only in a user namespace (spec.hostUsers: false):
containers:
- name: app
  securityContext:
    procMount: Default`,
});
