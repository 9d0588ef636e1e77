// The fix for one Pod Security Standards violation: each offending field the evaluator names
// (Violation.paths, e.g. spec.containers[0].securityContext.privileged) becomes the edit that
// satisfies the control on that container, pod field or volume. Pure.
import type { PodSpec } from '../../cluster/types';
import { BASELINE_CAPABILITIES } from '../pss/controls/capabilities-baseline';
import type { Violation } from '../pss/types';
import type { ContainerList, PodEdit } from './patch';
import { mountsOf } from './pod-fix';

const CONTAINER = /^spec\.(containers|initContainers|ephemeralContainers)\[(\d+)\]\.(.+)$/;

export function pssEdits(spec: PodSpec, v: Violation): PodEdit[] {
  const s = spec as unknown as Record<string, unknown>;
  const edits: PodEdit[] = [];
  for (const path of v.paths ?? []) {
    const c = CONTAINER.exec(path);
    if (c) {
      const list = c[1] as ContainerList;
      const raw = (Array.isArray(s[list]) ? (s[list] as unknown[]) : [])[Number(c[2])] as Record<string, unknown> | undefined;
      if (typeof raw?.name !== 'string') continue;
      const port = /^ports\[(\d+)\]\.hostPort$/.exec(c[3]!);
      if (port) {
        const containerPort = (Array.isArray(raw.ports) ? raw.ports : [])[Number(port[1])]?.containerPort;
        if (typeof containerPort === 'number') edits.push({ at: 'port', list, container: raw.name, containerPort, field: 'hostPort', value: null });
        continue;
      }
      const field = c[3]!.split('.');
      const value = fixedValue(v, field, raw);
      if (value !== undefined) edits.push({ at: 'container', list, container: raw.name, field, value });
      continue;
    }
    const vol = /^spec\.volumes\[(\d+)\](\.hostPath)?$/.exec(path);
    if (vol) {
      const name = (Array.isArray(spec.volumes) ? spec.volumes : [])[Number(vol[1])]?.name;
      if (typeof name === 'string') edits.push({ at: 'remove-volume', volume: name, mounts: mountsOf(spec, name) });
      continue;
    }
    const sysctl = /^spec\.securityContext\.sysctls\[\d+\]\.name$/.exec(path);
    if (sysctl) continue; // handled once below
    const ann = /^metadata\.annotations\[(.+)\]$/.exec(path);
    if (ann) {
      edits.push({ at: 'pod-annotation', key: ann[1]!, value: null });
      continue;
    }
    if (path.startsWith('spec.')) {
      const field = path.slice(5).split('.');
      const value = fixedValue(v, field, s);
      if (value !== undefined) edits.push({ at: 'pod', field, value });
    }
  }
  if (v.control === 'sysctls') {
    const bad = new Set((v.paths ?? []).map((p) => Number(/sysctls\[(\d+)\]/.exec(p)?.[1])));
    const sysctls = (s.securityContext as { sysctls?: unknown } | undefined)?.sysctls;
    // A list without a merge key: the patch replaces it whole, with the forbidden ones left out.
    if (Array.isArray(sysctls)) edits.push({ at: 'pod', field: ['securityContext', 'sysctls'], value: sysctls.filter((_x, i) => !bad.has(i)) });
  }
  return edits;
}

/** The value that satisfies the control at this field (below a container or the pod spec); undefined: no safe value. */
function fixedValue(v: Violation, field: string[], at: Record<string, unknown>): unknown {
  const leaf = field[field.length - 1]!;
  const parent = field[field.length - 2];
  switch (leaf) {
    case 'privileged':
    case 'allowPrivilegeEscalation':
    case 'hostProcess':
    case 'hostNetwork':
    case 'hostPID':
    case 'hostIPC':
      return false;
    case 'runAsNonRoot':
      return true;
    case 'runAsUser':
      return 1000; // any non-zero UID the image can run as
    case 'procMount':
      return 'Default';
    case 'drop':
      return ['ALL'];
    case 'add': {
      const added = (at.securityContext as { capabilities?: { add?: unknown } } | undefined)?.capabilities?.add;
      const keep =
        v.control === 'capabilities_baseline'
          ? (a: unknown) => typeof a === 'string' && BASELINE_CAPABILITIES.has(a)
          : (a: unknown) => a === 'NET_BIND_SERVICE';
      return (Array.isArray(added) ? added : []).filter(keep);
    }
    case 'type':
      return parent === 'seccompProfile' || parent === 'appArmorProfile' ? 'RuntimeDefault' : undefined;
    case 'host':
      return null; // a probe or hook on the pod's own address
    default:
      return parent === 'seLinuxOptions' ? null : undefined;
  }
}
