import { restrictedVolumes } from '../../../pss/controls/index';
import { pssCheck } from '../support/pss-check';

export default pssCheck(restrictedVolumes, {
  id: 'pod-security.pss.restricted-volumes',
  title: 'Volume type outside the restricted set',
  severity: 'medium',
  remediation: `Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret volumes; reach NFS, iSCSI, cloud disks and the like through a PersistentVolume and a claim:
volumes:
- name: data
  persistentVolumeClaim:
    claimName: data`,
});
