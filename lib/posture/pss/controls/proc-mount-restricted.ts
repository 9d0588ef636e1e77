import type { Control } from '../types';
import { unmaskedProcMounts } from './proc-mount-shared';

// Restricted keeps the default /proc masks even in a user namespace.
const procMountRestricted: Control = {
  id: 'procMount_restricted',
  slug: 'proc-mount-restricted',
  level: 'restricted',
  title: 'Unmasked /proc mount (user namespace)',
  versions: [35],
  overrides: 'procMount',
  evaluate(_meta, spec) {
    const bad = unmaskedProcMounts(spec);
    return bad && { control: 'procMount_restricted', level: 'restricted', reason: 'procMount', ...bad };
  },
};

export default procMountRestricted;
