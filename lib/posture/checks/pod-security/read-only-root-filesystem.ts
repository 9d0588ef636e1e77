import type { Container } from '../../../cluster/types';
import { defineCheck } from '../../check';
import { workloadRef } from '../helpers';
import { containerFieldRemedy } from '../../remediation/workload-fixes';

/**
 * Hardening beyond the Pod Security Standards (no PSS level requires it): a writable root
 * filesystem lets an intruder drop tools and change binaries inside the container. Counterparts:
 * Kubescape C-0017, Trivy KSV-0014, Polaris notReadOnlyRootFilesystem. Only the container's own
 * securityContext counts: the field does not exist at pod level. Ephemeral (debug) containers and
 * Windows pods (the field is not supported there) are left out.
 */
export default defineCheck({
  id: 'pod-security.read-only-root-filesystem',
  references: [{ title: 'Kubescape C-0017' }],
  area: 'pod-security',
  severity: 'low',
  title: 'Containers have a read-only root filesystem (readOnlyRootFilesystem: true)',
  remediation: `Make the image's filesystem read-only and mount an emptyDir where the program must write:
  containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: tmp, mountPath: /tmp}
  volumes:
  - {name: tmp, emptyDir: {}}`,
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => inv.workloads.filter((w) => w.spec.os?.name !== 'windows').map(workloadRef),
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      if (w.spec.os?.name === 'windows') return [];
      const lists = [w.spec.initContainers, w.spec.containers].map((l) => (Array.isArray(l) ? l.filter((c): c is Container => typeof c === 'object' && c !== null) : []));
      const writable = lists.flat().filter((c) => c.securityContext?.readOnlyRootFilesystem !== true);
      if (writable.length === 0) return [];
      const names = writable.map((c) => c.name ?? '(unnamed)').join(', ');
      return [
        {
          resource: workloadRef(w),
          ...containerFieldRemedy(w, writable.map((c) => c.name ?? ''), ['securityContext', 'readOnlyRootFilesystem'], true),
          message: `${w.kind} ${w.namespace}/${w.name}: container${writable.length > 1 ? 's' : ''} ${names} can write to ${writable.length > 1 ? 'their' : 'its'} root filesystem (securityContext.readOnlyRootFilesystem is not true).`,
        },
      ];
    });
  },
});
