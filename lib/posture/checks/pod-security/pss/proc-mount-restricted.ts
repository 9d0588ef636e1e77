import { procMountRestricted } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(procMountRestricted, {
  id: 'pod-security.pss.proc-mount-restricted',
  title: 'Unmasked /proc mount in a user namespace',
  severity: 'medium',
  remediation: `Restricted keeps the default /proc masks even with hostUsers: false; remove procMount or set
securityContext:
  procMount: Default`,
});
