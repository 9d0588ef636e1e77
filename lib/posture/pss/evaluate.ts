// Pod Security Admission's evaluation, in TypeScript: which controls run for a level and
// policy version, and what a pod breaks. Pure.
import type { PodSpec } from '../../cluster/types';
import { CONTROLS } from './controls/index';
import { isObj } from './read';
import type { Control, PodInput, PodMeta, PssLevel, Violation } from './types';

/** The newest policy version any control defines; newer minors are evaluated as this one. */
export const LATEST_PSS_MINOR = 37;

/** The policy minor actually evaluated: clamped to [0, LATEST]; a non-number means latest. */
export function effectiveMinor(minor: number): number {
  if (!Number.isFinite(minor)) return LATEST_PSS_MINOR;
  return Math.min(Math.max(Math.floor(minor), 0), LATEST_PSS_MINOR);
}

export function appliesAt(control: Control, minor: number): boolean {
  return effectiveMinor(minor) >= (control.versions[0] ?? 0);
}

/**
 * The controls PSA runs for a level at a minor: none for privileged; the baseline ones for
 * baseline; for restricted, baseline + restricted minus the baseline controls that an
 * applicable restricted control overrides.
 */
export function controlsFor(level: PssLevel, minor: number): Control[] {
  if (level === 'privileged') return [];
  const applicable = CONTROLS.filter((c) => appliesAt(c, minor) && (level === 'restricted' || c.level === 'baseline'));
  const overridden = new Set(applicable.map((c) => c.overrides).filter(Boolean));
  return applicable.filter((c) => !overridden.has(c.id));
}

/** Annotations and spec made safe to read: non-objects become empty, non-string annotations are dropped. */
export function normalisePod(pod: PodInput): { meta: PodMeta; spec: PodSpec } {
  const annotations: Record<string, string> = {};
  if (isObj(pod?.annotations)) {
    for (const [k, v] of Object.entries(pod.annotations)) if (typeof v === 'string') annotations[k] = v;
  }
  return { meta: { annotations }, spec: (isObj(pod?.spec) ? pod.spec : {}) as PodSpec };
}

/** One control against one pod; null when the control passes or does not apply at that minor. */
export function evaluateControl(control: Control, minor: number, pod: PodInput): Violation | null {
  if (!appliesAt(control, minor)) return null;
  const { meta, spec } = normalisedOnce(pod);
  return control.evaluate(meta, spec, effectiveMinor(minor));
}

// ~20 controls are evaluated on each workload's pod, each check on its own: the pod is made safe
// to read once per spec and annotations object (inventory objects are replaced, never changed).
const normalised = new WeakMap<object, { annotations: unknown; pod: ReturnType<typeof normalisePod> }>();

function normalisedOnce(pod: PodInput): ReturnType<typeof normalisePod> {
  const spec = pod?.spec;
  if (!isObj(spec)) return normalisePod(pod);
  const hit = normalised.get(spec);
  if (hit && hit.annotations === pod.annotations) return hit.pod;
  const fresh = normalisePod(pod);
  normalised.set(spec, { annotations: pod.annotations, pod: fresh });
  return fresh;
}

export function evaluatePod(level: PssLevel, minor: number, pod: PodInput): Violation[] {
  const { meta, spec } = normalisePod(pod);
  const m = effectiveMinor(minor);
  return controlsFor(level, m).flatMap((c) => c.evaluate(meta, spec, m) ?? []);
}
