import { defineCheck } from '../../check';
import { image, join, marked, msg, named, obj, prose, registry } from '../../message';
import { allContainers, everyWorkloadRef, workloadRef } from '../helpers';
import { parseImage, type ImageRef } from './support/image-ref';
import { isPublicHub } from './support/public-registries';

/** With an allow-list, anything outside it; without one, the public hubs anyone can push to. */
function disallowed(img: ImageRef, allowed: string[] | undefined): string | null {
  if (allowed) {
    const full = `${img.registry}/${img.repository}`.toLowerCase();
    return allowed.some((a) => full === a || full.startsWith(`${a}/`) || img.registry.toLowerCase() === a) ? null : 'outside the allowed registries';
  }
  return isPublicHub(img.registry) ? 'a public registry anyone can publish to' : null;
}

export default defineCheck({
  id: 'registry-security.image-from-public-registry',
  area: 'registry-security',
  severity: 'medium',
  title: 'Image pulled from a public or unapproved registry',
  remediation:
    'Mirror the image into a registry you control (scanned, access-controlled, with retention), reference it from there, and pin registries with an admission policy. Set POSTURE_ALLOWED_REGISTRIES to the registries you approve.',
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    const allowed = inv.settings?.allowedRegistries;
    return inv.workloads.flatMap((w) => {
      const bad = allContainers(w.spec).flatMap((c) => {
        const img = typeof c.image === 'string' ? parseImage(c.image) : null;
        const why = img && disallowed(img, allowed);
        if (!img || !why) return [];
        // A public hub's name is public; any other registry is the cluster's own.
        const from = isPublicHub(img.registry) ? prose(img.registry) : registry(img.registry);
        return [msg`container ${obj(c.name ?? '', 'Container')} pulls ${image(c.image!)} from ${from}, ${prose(why)}`];
      });
      if (bad.length === 0) return [];
      return [{ resource: workloadRef(w), ...marked(msg`${named(w)}: ${join(bad, '; ')}.`) }];
    });
  },
});
