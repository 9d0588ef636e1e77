import type { Control } from '../types';
import { containerWord, isWindowsPod, quoted, setters, sortedUnique } from '../read';
import { readSeccomp } from './seccomp-shared';

const seccompProfileRestricted: Control = {
  id: 'seccompProfile_restricted',
  slug: 'seccomp-restricted',
  level: 'restricted',
  title: 'Seccomp profile not set to RuntimeDefault or Localhost',
  versions: [19, 25],
  overrides: 'seccompProfile_baseline',
  evaluate(_meta, spec, minor) {
    // From 1.25 Windows pods are exempt: the API rejects seccomp on them anyway.
    if (minor >= 25 && isWindowsPod(spec)) return null;
    const r = readSeccomp(spec);
    const base = { control: 'seccompProfile_restricted', level: 'restricted', reason: 'seccompProfile' } as const;
    const podBad = typeof r.pod === 'object';
    if (podBad || r.badContainers.length) {
      const values = sortedUnique([...(typeof r.pod === 'object' ? [r.pod.bad] : []), ...r.badContainers.map((c) => c.value)]);
      return {
        ...base,
        detail: `${setters(
          podBad,
          r.badContainers.map((c) => c.name),
        )} must not set securityContext.seccompProfile.type to ${quoted(values)}`,
        paths: [
          ...(podBad ? ['spec.securityContext.seccompProfile.type'] : []),
          ...r.badContainers.map((c) => `${c.path}.securityContext.seccompProfile.type`),
        ],
      };
    }
    // Containers may leave it unset only when the pod sets a valid profile.
    if (r.pod === 'valid' || !r.unsetContainers.length) return null;
    return {
      ...base,
      detail: `pod or ${containerWord(r.unsetContainers.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      paths: r.unsetContainers.map((c) => `${c.path}.securityContext.seccompProfile.type`),
    };
  },
};

export default seccompProfileRestricted;
