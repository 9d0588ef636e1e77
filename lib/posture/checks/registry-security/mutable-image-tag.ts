import { defineCheck } from '../../check';
import { image, join, marked, msg, obj } from '../../message';
import { allContainers, everyWorkloadRef, workloadRef } from '../helpers';
import { parseImage } from './support/image-ref';

export default defineCheck({
  id: 'registry-security.mutable-image-tag',
  area: 'registry-security',
  severity: 'medium',
  title: 'Image referenced by a mutable tag',
  remediation: 'Reference the image by digest (image: repo@sha256:…) or at least by an immutable release tag, so what runs is what was reviewed and scanned.',
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      const bad = allContainers(w.spec).filter((c) => {
        const img = typeof c.image === 'string' ? parseImage(c.image) : null;
        return img !== null && !img.digest && (img.tag === null || img.tag === 'latest');
      });
      if (bad.length === 0) return [];
      return [
        {
          resource: workloadRef(w),
          ...marked(msg`${join(bad.map((c) => msg`container ${obj(c.name ?? '', 'Container')} uses ${image(c.image!)}`), '; ')}: a tag like latest (or none) points at whatever was pushed last.`),
        },
      ];
    });
  },
});
