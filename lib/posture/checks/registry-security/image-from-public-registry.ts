import { defineCheck } from '../../check';
import { allContainers, workloadRef } from '../helpers';
import { parseImage } from './image-ref';
import { isPublicHub } from './public-registries';

export default defineCheck({
  id: 'registry-security.image-from-public-registry',
  area: 'registry-security',
  severity: 'medium',
  title: 'Image pulled straight from a public registry',
  remediation:
    'Mirror the image into a registry you control (scanned, access-controlled, with retention), reference it from there, and pin registries with an admission policy.',
  needs: ['pods'],
  examines: (inv) => inv.workloads.map(workloadRef),
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      const pub = allContainers(w.spec).flatMap((c) => {
        const img = typeof c.image === 'string' ? parseImage(c.image) : null;
        return img && isPublicHub(img.registry) ? [`container ${c.name} pulls ${c.image} from ${img.registry}`] : [];
      });
      if (pub.length === 0) return [];
      return [{ resource: workloadRef(w), message: `${w.kind} ${w.namespace}/${w.name}: ${pub.join('; ')}, a public registry anyone can publish to.` }];
    });
  },
});
