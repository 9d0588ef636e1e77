import { defineCheck } from '../../check';
import { image, marked, msg, named } from '../../message';
import { allContainers, everyWorkloadRef, workloadRef } from '../helpers';
import { parseImage } from './support/image-ref';
import { pinImagesRemedy } from '../../remediation/workload-fixes';

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}|blake3:[a-f0-9]{64})$/;

export default defineCheck({
  id: 'registry-security.image-without-digest',
  area: 'registry-security',
  severity: 'low',
  title: 'Images are pinned to a digest',
  remediation:
    'Reference the image as repo:tag@sha256:<digest> (tools like Renovate or kbld keep digests current), so a re-pushed tag cannot change what runs.',
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      const bad = allContainers(w.spec).filter((c) => {
        const img = typeof c.image === 'string' ? parseImage(c.image) : null;
        // Images with no tag or :latest are the mutable-image-tag check's; this one catches release tags.
        return img !== null && img.tag !== null && img.tag !== 'latest' && !(img.digest && DIGEST.test(img.digest));
      });
      if (bad.length === 0) return [];
      return [
        {
          resource: workloadRef(w),
          ...pinImagesRemedy(w, bad.map((c) => ({ name: c.name ?? '', image: c.image! }))),
          ...marked(msg`${named(w)} references ${bad.map((c) => image(c.image!))} by tag only: whoever can push that tag decides what runs next.`),
        },
      ];
    });
  },
});
