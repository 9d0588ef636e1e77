// Reading seccompProfile.type at pod and container level, shared by both seccomp controls.
import type { PodSpec } from '../../../cluster/types';
import { containersOf, isSet, obj, podSecurityContext, show } from '../read';

const VALID = new Set(['RuntimeDefault', 'Localhost']);

export interface SeccompReading {
  /** Pod-level profile: 'unset', 'valid', or the bad type. */
  pod: 'unset' | 'valid' | { bad: string };
  /** Containers that set an invalid type. */
  badContainers: { name: string; path: string; value: string }[];
  /** Containers that set nothing (covered only by a valid pod-level profile). */
  unsetContainers: { name: string; path: string }[];
}

function classify(sc: Record<string, unknown> | undefined): 'unset' | 'valid' | { bad: string } {
  if (!sc || !isSet(sc.seccompProfile)) return 'unset';
  const type = obj(sc.seccompProfile)?.type;
  return typeof type === 'string' && VALID.has(type) ? 'valid' : { bad: show(type ?? '') };
}

export function readSeccomp(spec: PodSpec): SeccompReading {
  const reading: SeccompReading = { pod: classify(podSecurityContext(spec)), badContainers: [], unsetContainers: [] };
  for (const c of containersOf(spec)) {
    const state = classify(c.sc);
    if (state === 'unset') reading.unsetContainers.push({ name: c.name, path: c.path });
    else if (state !== 'valid') reading.badContainers.push({ name: c.name, path: c.path, value: state.bad });
  }
  return reading;
}
