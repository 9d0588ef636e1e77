// The /proc mount test shared by the baseline and restricted procMount controls.
import type { PodSpec } from '../../../cluster/types';
import { containersOf, containerWord, isSet, quoted, show, sortedUnique } from '../read';

export function unmaskedProcMounts(spec: PodSpec): { detail: string; paths: string[] } | null {
  const names: string[] = [];
  const values: string[] = [];
  const paths: string[] = [];
  for (const c of containersOf(spec)) {
    const v = c.sc?.procMount;
    if (!isSet(v) || v === 'Default') continue;
    names.push(c.name);
    values.push(show(v));
    paths.push(`${c.path}.securityContext.procMount`);
  }
  if (!names.length) return null;
  const unique = sortedUnique(values);
  return { detail: `${containerWord(names)} must not set securityContext.procMount to ${quoted(unique)}`, paths };
}
