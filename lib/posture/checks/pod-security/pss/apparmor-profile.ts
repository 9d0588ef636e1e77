import { appArmorProfile } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(appArmorProfile, {
  id: 'pod-security.pss.apparmor-profile',
  title: 'AppArmor disabled or overridden',
  severity: 'high',
  remediation: `Keep the runtime's AppArmor profile (or a Localhost one): remove "unconfined" annotations and set
securityContext:
  appArmorProfile:
    type: RuntimeDefault   # or Localhost with localhostProfile: <name>`,
});
