import type { Control } from '../types';
import { containersOf, containerWord, list, obj, quoted, show, sortedUnique } from '../read';

// Exact, case-sensitive names: PSA does not normalise "CAP_" prefixes or case.
export const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const capabilitiesBaseline: Control = {
  id: 'capabilities_baseline',
  slug: 'capabilities-baseline',
  level: 'baseline',
  title: 'Capabilities beyond the default set',
  versions: [0],
  evaluate(_meta, spec) {
    const names: string[] = [];
    const caps: string[] = [];
    const paths: string[] = [];
    for (const c of containersOf(spec)) {
      const added = list(obj(c.sc?.capabilities)?.add).filter((a) => !(typeof a === 'string' && BASELINE_CAPABILITIES.has(a)));
      if (!added.length) continue;
      names.push(c.name);
      caps.push(...added.map(show));
      paths.push(`${c.path}.securityContext.capabilities.add`);
    }
    if (!names.length) return null;
    return {
      control: 'capabilities_baseline',
      level: 'baseline',
      reason: 'non-default capabilities',
      detail: `${containerWord(names)} must not include ${quoted(sortedUnique(caps))} in securityContext.capabilities.add`,
      paths,
    };
  },
};

export default capabilitiesBaseline;
