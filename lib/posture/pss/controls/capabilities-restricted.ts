import type { Control } from '../types';
import { containersOf, containerWord, isWindowsPod, list, obj, quoted, show, sortedUnique } from '../read';

const capabilitiesRestricted: Control = {
  id: 'capabilities_restricted',
  slug: 'capabilities-restricted',
  level: 'restricted',
  title: 'Capabilities not dropped',
  versions: [22, 25],
  overrides: 'capabilities_baseline',
  evaluate(_meta, spec, minor) {
    if (minor >= 25 && isWindowsPod(spec)) return null;
    const missingDrop: string[] = [];
    const adding: string[] = [];
    const added: string[] = [];
    const paths: string[] = [];
    for (const c of containersOf(spec)) {
      const caps = obj(c.sc?.capabilities);
      if (!list(caps?.drop).includes('ALL')) {
        missingDrop.push(c.name);
        paths.push(`${c.path}.securityContext.capabilities.drop`);
      }
      const extra = list(caps?.add).filter((a) => a !== 'NET_BIND_SERVICE');
      if (extra.length) {
        adding.push(c.name);
        added.push(...extra.map(show));
        paths.push(`${c.path}.securityContext.capabilities.add`);
      }
    }
    const details = [
      ...(missingDrop.length ? [`${containerWord(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`] : []),
      ...(adding.length ? [`${containerWord(adding)} must not include ${quoted(sortedUnique(added))} in securityContext.capabilities.add`] : []),
    ];
    if (!details.length) return null;
    return { control: 'capabilities_restricted', level: 'restricted', reason: 'unrestricted capabilities', detail: details.join('; '), paths };
  },
};

export default capabilitiesRestricted;
