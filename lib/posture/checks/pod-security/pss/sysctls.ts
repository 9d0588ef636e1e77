import { sysctls } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(sysctls, {
  id: 'pod-security.pss.sysctls',
  title: 'Unsafe sysctls',
  severity: 'high',
  remediation: `Set only the safe, namespaced sysctls (e.g. net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, kernel.shm_rmid_forced); tune node-wide ones on the node instead:
spec:
  securityContext:
    sysctls:
    - name: net.ipv4.ip_local_port_range
      value: "1024 65535"`,
});
