import type { Container, Workload } from '../../../cluster/types';
import { containerFieldFix } from '../fixes';
import { addedCaps } from '../security-context';

/** Dropping capabilities from a container's add list (the list is replaced whole by the patch). */
export function dropCapsFix(w: Workload, c: Container, drop: string[]) {
  const keep = addedCaps(c).filter((x) => !drop.includes(x) && x !== 'ALL');
  return containerFieldFix(w, c.name, 'securityContext.capabilities.add', JSON.stringify(keep), `stop adding ${drop.join(', ')} to container ${c.name}`);
}
