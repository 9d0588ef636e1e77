import type { Control } from '../types';
import { inUserNamespace } from '../read';
import { unmaskedProcMounts } from './proc-mount-shared';

const procMount: Control = {
  id: 'procMount',
  slug: 'proc-mount',
  level: 'baseline',
  title: 'Unmasked /proc mount',
  versions: [0, 35],
  evaluate(_meta, spec, minor) {
    // From 1.35 a pod in its own user namespace may use any procMount.
    if (minor >= 35 && inUserNamespace(spec)) return null;
    const bad = unmaskedProcMounts(spec);
    return bad && { control: 'procMount', level: 'baseline', reason: 'procMount', ...bad };
  },
};

export default procMount;
