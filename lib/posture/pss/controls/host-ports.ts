import type { Control } from '../types';
import { containersOf, containerWord, isObj, isSet, list, show, sortedUnique } from '../read';

const hostPorts: Control = {
  id: 'hostPorts',
  slug: 'host-ports',
  level: 'baseline',
  title: 'Host ports',
  versions: [0],
  evaluate(_meta, spec) {
    const names: string[] = [];
    const ports: string[] = [];
    const paths: string[] = [];
    for (const c of containersOf(spec)) {
      let bad = false;
      list(c.raw.ports).forEach((p, i) => {
        if (!isObj(p) || !isSet(p.hostPort) || p.hostPort === 0) return;
        bad = true;
        ports.push(show(p.hostPort));
        paths.push(`${c.path}.ports[${i}].hostPort`);
      });
      if (bad) names.push(c.name);
    }
    if (!names.length) return null;
    const unique = sortedUnique(ports);
    return {
      control: 'hostPorts',
      level: 'baseline',
      reason: 'hostPort',
      detail: `${containerWord(names)} ${names.length === 1 ? 'uses' : 'use'} ${unique.length === 1 ? 'hostPort' : 'hostPorts'} ${unique.join(', ')}`,
      paths,
    };
  },
};

export default hostPorts;
