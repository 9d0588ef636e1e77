import type { Control } from '../types';
import { containersOf, containerWord, isWindowsPod } from '../read';

const allowPrivilegeEscalation: Control = {
  id: 'allowPrivilegeEscalation',
  slug: 'allow-privilege-escalation',
  level: 'restricted',
  title: 'Privilege escalation allowed',
  versions: [8, 25],
  evaluate(_meta, spec, minor) {
    if (minor >= 25 && isWindowsPod(spec)) return null;
    // Unset means allowed (the runtime default), so only an explicit false passes.
    const bad = containersOf(spec).filter((c) => c.sc?.allowPrivilegeEscalation !== false);
    if (!bad.length) return null;
    return {
      control: 'allowPrivilegeEscalation',
      level: 'restricted',
      reason: 'allowPrivilegeEscalation != false',
      detail: `${containerWord(bad.map((c) => c.name))} must set securityContext.allowPrivilegeEscalation=false`,
      paths: bad.map((c) => `${c.path}.securityContext.allowPrivilegeEscalation`),
    };
  },
};

export default allowPrivilegeEscalation;
