import type { Control } from '../types';
import { containersOf, inUserNamespace, podSecurityContext, setters } from '../read';

const runAsUser: Control = {
  id: 'runAsUser',
  slug: 'run-as-user',
  level: 'restricted',
  title: 'Containers set runAsUser=0',
  versions: [23, 35],
  evaluate(_meta, spec, minor) {
    // From 1.35 uid 0 inside a user namespace maps to an unprivileged host uid.
    if (minor >= 35 && inUserNamespace(spec)) return null;
    const pod = podSecurityContext(spec)?.runAsUser === 0;
    const bad = containersOf(spec).filter((c) => c.sc?.runAsUser === 0);
    if (!pod && !bad.length) return null;
    return {
      control: 'runAsUser',
      level: 'restricted',
      reason: 'runAsUser=0',
      detail: `${setters(
        pod,
        bad.map((c) => c.name),
      )} must not set runAsUser=0`,
      paths: [...(pod ? ['spec.securityContext.runAsUser'] : []), ...bad.map((c) => `${c.path}.securityContext.runAsUser`)],
    };
  },
};

export default runAsUser;
