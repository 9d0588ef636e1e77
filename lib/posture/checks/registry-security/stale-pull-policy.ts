import { defineCheck } from '../../check';
import { image, join, marked, msg, named, obj, prose } from '../../message';
import { allContainers, everyWorkloadRef, workloadRef } from '../helpers';
import { parseImage } from './support/image-ref';
import { containerFieldRemedy } from '../../remediation/workload-fixes';

export default defineCheck({
  id: 'registry-security.stale-pull-policy',
  area: 'registry-security',
  severity: 'low',
  title: 'Mutable tags are pulled every time',
  remediation:
    'Pin the image by digest; failing that, set imagePullPolicy: Always so every node runs what the tag points at now, and the registry re-checks the pull credentials.',
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      const bad = allContainers(w.spec).filter((c) => {
        const img = typeof c.image === 'string' ? parseImage(c.image) : null;
        if (!img || img.digest) return false;
        const mutable = img.tag === null || img.tag === 'latest';
        // Kubernetes defaults to Always for :latest and untagged images, so only an explicit policy counts here.
        return mutable && (c.imagePullPolicy === 'IfNotPresent' || c.imagePullPolicy === 'Never');
      });
      if (bad.length === 0) return [];
      return [
        {
          resource: workloadRef(w),
          ...containerFieldRemedy(w, bad.map((c) => c.name ?? ''), ['imagePullPolicy'], 'Always'),
          ...marked(msg`${named(w)}: ${join(bad.map((c) => msg`container ${obj(c.name ?? '', 'Container')} pulls ${image(c.image!)} with imagePullPolicy ${prose(c.imagePullPolicy ?? '')}`), '; ')}: each node keeps whatever version it pulled first, and pods reuse it without the registry checking their pull secret.`),
        },
      ];
    });
  },
});
