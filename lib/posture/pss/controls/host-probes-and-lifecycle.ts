import type { Control } from '../types';
import { containersOf, containerWord, isSet, obj, quoted, show, sortedUnique } from '../read';

const HANDLERS = [['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop']] as const;

// A probe or hook with a host makes the kubelet connect to another machine on the pod's behalf.
const hostProbesAndHostLifecycle: Control = {
  id: 'hostProbesAndHostLifecycle',
  slug: 'host-probes-and-lifecycle',
  level: 'baseline',
  title: 'Probe or lifecycle hook with a host',
  versions: [34],
  evaluate(_meta, spec) {
    const names: string[] = [];
    const hosts: string[] = [];
    const paths: string[] = [];
    for (const c of containersOf(spec)) {
      let bad = false;
      for (const handlerPath of HANDLERS) {
        const handler = handlerPath.reduce<unknown>((o, k) => obj(o)?.[k], c.raw);
        for (const action of ['httpGet', 'tcpSocket'] as const) {
          const host = obj(obj(handler)?.[action])?.host;
          if (!isSet(host) || host === '') continue;
          bad = true;
          hosts.push(show(host));
          paths.push(`${c.path}.${handlerPath.join('.')}.${action}.host`);
        }
      }
      if (bad) names.push(c.name);
    }
    if (!names.length) return null;
    const unique = sortedUnique(hosts);
    return {
      control: 'hostProbesAndHostLifecycle',
      level: 'baseline',
      reason: 'probe or lifecycle host',
      detail: `${containerWord(sortedUnique(names))} ${names.length === 1 ? 'uses' : 'use'} ${unique.length === 1 ? 'probe or lifecycle host' : 'probe or lifecycle hosts'} ${quoted(unique)}`,
      paths,
    };
  },
};

export default hostProbesAndHostLifecycle;
