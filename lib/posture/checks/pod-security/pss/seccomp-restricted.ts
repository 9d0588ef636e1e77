import { seccompProfileRestricted } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(seccompProfileRestricted, {
  id: 'pod-security.pss.seccomp-restricted',
  title: 'Containers set a seccomp profile',
  severity: 'medium',
  remediation: `Set a seccomp profile at pod level so every container inherits it:
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault   # or Localhost with localhostProfile: <file>`,
});
