import type { PodSpec } from '../../../cluster/types';
import type { Control, PodMeta, Violation } from '../types';
import { containersOf, quoted, setters, sortedUnique } from '../read';
import { readSeccomp } from './seccomp-shared';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function validAnnotation(v: string): boolean {
  return v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
}

function violation(detail: string, paths: string[]): Violation {
  return { control: 'seccompProfile_baseline', level: 'baseline', reason: 'seccompProfile', detail, paths };
}

// Policies before 1.19 read the alpha annotations (only those naming the pod or one of its containers).
function byAnnotations(meta: PodMeta, spec: PodSpec): Violation | null {
  const keys = [POD_ANNOTATION, ...containersOf(spec).map((c) => CONTAINER_ANNOTATION_PREFIX + c.name)];
  const bad = sortedUnique(keys.filter((k) => Object.hasOwn(meta.annotations, k) && !validAnnotation(meta.annotations[k] ?? '')));
  if (!bad.length) return null;
  const shown = bad.map((k) => `${k}="${meta.annotations[k]}"`);
  return violation(
    `forbidden ${bad.length === 1 ? 'annotation' : 'annotations'} ${shown.join(', ')}`,
    bad.map((k) => `metadata.annotations[${k}]`),
  );
}

// From 1.19 the fields: unset is fine at baseline, a set type must be RuntimeDefault or Localhost.
function byFields(spec: PodSpec): Violation | null {
  const r = readSeccomp(spec);
  const podBad = typeof r.pod === 'object';
  if (!podBad && !r.badContainers.length) return null;
  const values = sortedUnique([...(typeof r.pod === 'object' ? [r.pod.bad] : []), ...r.badContainers.map((c) => c.value)]);
  return violation(
    `${setters(
      podBad,
      r.badContainers.map((c) => c.name),
    )} must not set securityContext.seccompProfile.type to ${quoted(values)}`,
    [...(podBad ? ['spec.securityContext.seccompProfile.type'] : []), ...r.badContainers.map((c) => `${c.path}.securityContext.seccompProfile.type`)],
  );
}

const seccompProfileBaseline: Control = {
  id: 'seccompProfile_baseline',
  slug: 'seccomp-baseline',
  level: 'baseline',
  title: 'Seccomp disabled',
  versions: [0, 19],
  evaluate(meta, spec, minor) {
    return minor >= 19 ? byFields(spec) : byAnnotations(meta, spec);
  },
};

export default seccompProfileBaseline;
