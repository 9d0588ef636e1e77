import type { Control } from '../types';
import { containersOf, containerWord } from '../read';

const privileged: Control = {
  id: 'privileged',
  slug: 'privileged',
  level: 'baseline',
  title: 'Privileged containers',
  versions: [0],
  evaluate(_meta, spec) {
    const bad = containersOf(spec).filter((c) => c.sc?.privileged === true);
    if (!bad.length) return null;
    return {
      control: 'privileged',
      level: 'baseline',
      reason: 'privileged',
      detail: `${containerWord(bad.map((c) => c.name))} must not set securityContext.privileged=true`,
      paths: bad.map((c) => `${c.path}.securityContext.privileged`),
    };
  },
};

export default privileged;
