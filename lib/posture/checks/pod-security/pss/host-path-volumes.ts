import { hostPathVolumes } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(hostPathVolumes, {
  id: 'pod-security.pss.host-path-volumes',
  title: 'Workload mounts a hostPath volume',
  severity: 'critical',
  remediation: `Replace hostPath volumes with a PersistentVolumeClaim, configMap, secret or emptyDir; node agents that truly need the host belong in a dedicated, privileged namespace:
volumes:
- name: data
  persistentVolumeClaim:
    claimName: data`,
});
