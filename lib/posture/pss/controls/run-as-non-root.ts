import type { Control } from '../types';
import { containersOf, containerWord, inUserNamespace, podSecurityContext, setters } from '../read';

const runAsNonRoot: Control = {
  id: 'runAsNonRoot',
  slug: 'run-as-non-root',
  level: 'restricted',
  title: 'Containers may run as root',
  versions: [0, 35],
  evaluate(_meta, spec, minor) {
    // From 1.35 root inside a user namespace is not root on the host (KEP-127).
    if (minor >= 35 && inUserNamespace(spec)) return null;
    const podValue = podSecurityContext(spec)?.runAsNonRoot;
    const containers = containersOf(spec);
    const explicit = containers.filter((c) => c.sc?.runAsNonRoot === false);
    const base = { control: 'runAsNonRoot', level: 'restricted', reason: 'runAsNonRoot != true' } as const;
    if (podValue === false || explicit.length) {
      return {
        ...base,
        detail: `${setters(
          podValue === false,
          explicit.map((c) => c.name),
        )} must not set securityContext.runAsNonRoot=false`,
        paths: [...(podValue === false ? ['spec.securityContext.runAsNonRoot'] : []), ...explicit.map((c) => `${c.path}.securityContext.runAsNonRoot`)],
      };
    }
    if (podValue === true) return null;
    const implicit = containers.filter((c) => c.sc?.runAsNonRoot !== true);
    if (!implicit.length) return null;
    return {
      ...base,
      detail: `pod or ${containerWord(implicit.map((c) => c.name))} must set securityContext.runAsNonRoot=true`,
      paths: implicit.map((c) => `${c.path}.securityContext.runAsNonRoot`),
    };
  },
};

export default runAsNonRoot;
