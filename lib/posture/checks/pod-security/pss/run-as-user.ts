import { runAsUser } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(runAsUser, {
  id: 'pod-security.pss.run-as-user',
  title: 'Container runs as uid 0',
  severity: 'medium',
  remediation: `Remove runAsUser: 0 and run as an unprivileged uid:
securityContext:
  runAsUser: 10001
  runAsNonRoot: true`,
});
