// Every Pod Security Standards control evaluated once per pod spec and policy minor, shared by
// the ~19 pod-security.pss.* checks: each check used to evaluate its own control on every one of
// 12,500 workloads, and the restricted ones the baseline control they override again. Keyed by
// the spec object (the inventory never mutates one; a change replaces it), like containers.ts,
// so it holds no read the incremental path could miss: reaching the spec is the read. Pure.
import { CONTROLS } from '../pss/controls/index';
import { appliesAt, effectiveMinor, normalisePod } from '../pss/evaluate';
import type { Control, PodInput, Violation } from '../pss/types';

/** Each control's violation (null: passes or does not apply at the minor), in CONTROLS' order. */
export type PodSecurityResults = readonly (Violation | null)[];

interface Entry {
  annotations: unknown;
  minor: number;
  results: PodSecurityResults;
}

const cache = new WeakMap<object, Entry>();

/** Where a control's result stands in PodSecurityResults. */
export function controlSlot(control: Control): number {
  const i = CONTROLS.indexOf(control);
  if (i === -1) throw new Error(`unknown PSS control ${control.id}`);
  return i;
}

/** The pod against every control at the policy minor, as evaluateControl gives for each. */
export function podSecurityResults(pod: PodInput, minor: number): PodSecurityResults {
  const m = effectiveMinor(minor);
  const spec = pod.spec;
  const keyed = typeof spec === 'object' && spec !== null;
  const hit = keyed ? cache.get(spec) : undefined;
  // One entry per spec: a workload's namespace has one policy minor at a time.
  if (hit && hit.annotations === pod.annotations && hit.minor === m) return hit.results;
  const { meta, spec: safe } = normalisePod(pod);
  const results = CONTROLS.map((c) => (appliesAt(c, m) ? c.evaluate(meta, safe, m) : null));
  if (keyed) cache.set(spec, { annotations: pod.annotations, minor: m, results });
  return results;
}
