import { windowsHostProcess } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(windowsHostProcess, {
  id: 'pod-security.pss.windows-host-process',
  title: 'Windows HostProcess container',
  severity: 'critical',
  remediation: `Run as a normal Windows container; HostProcess containers run on the host with full access and belong only in a dedicated privileged namespace:
securityContext:
  windowsOptions:
    hostProcess: false`,
});
