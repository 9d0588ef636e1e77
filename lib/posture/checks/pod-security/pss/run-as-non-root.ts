import { runAsNonRoot } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(runAsNonRoot, {
  id: 'pod-security.pss.run-as-non-root',
  title: 'Containers must run as non-root',
  severity: 'medium',
  remediation: `Require a non-root user at pod level (and give the image a non-root USER or set runAsUser):
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001`,
});
