import { allowPrivilegeEscalation } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(allowPrivilegeEscalation, {
  id: 'pod-security.pss.allow-privilege-escalation',
  title: 'Containers disable privilege escalation',
  severity: 'medium',
  remediation: `Set it explicitly on every container, init and ephemeral ones included (unset means allowed):
containers:
- name: app
  securityContext:
    allowPrivilegeEscalation: false`,
});
