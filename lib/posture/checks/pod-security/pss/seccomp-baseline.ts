import { seccompProfileBaseline } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(seccompProfileBaseline, {
  id: 'pod-security.pss.seccomp-baseline',
  title: 'Seccomp explicitly disabled',
  severity: 'high',
  remediation: `Remove Unconfined seccomp profiles (and seccomp.security.alpha.kubernetes.io annotations other than runtime/default or localhost/*); set at pod level:
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault`,
});
