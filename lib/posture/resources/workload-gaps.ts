// Per workload, the containers that end up without a CPU/memory request or limit. Pure.
import type { Inventory } from '../../cluster/inventory';
import type { Container, Workload } from '../../cluster/types';
import { join, msg, named, obj, prose, type Message } from '../message';
import { effectiveResources, limitRangeDefaults, type Kind } from './container-resources';

export interface ContainerGap {
  container: string;
  missing: string[];
}

export interface WorkloadGaps {
  workload: Workload;
  gaps: ContainerGap[];
  /** The namespace LimitRange that already fills some fields, if any. */
  limitRange: string | null;
}

/** Containers that run and hold resources: init and app containers (ephemeral ones cannot set resources). */
function runningContainers(w: Workload): Container[] {
  const lists = [w.spec.initContainers, w.spec.containers];
  return lists.flatMap((l) => (Array.isArray(l) ? l.filter((c): c is Container => typeof c === 'object' && c !== null) : []));
}

/**
 * Workloads with at least one container missing `kind` after defaulting. Pods read from the
 * API already carry the LimitRange defaults; templates do not, so they are applied here (it is
 * idempotent for pods).
 */
export function workloadGaps(inv: Inventory, kind: Kind): WorkloadGaps[] {
  const defaults = limitRangeDefaults(inv.objects.limitranges);
  return inv.workloads.flatMap((w) => {
    const d = defaults.get(w.namespace);
    const gaps = runningContainers(w)
      .map((c) => ({ container: String(c.name), missing: effectiveResources(c, kind, d).missing }))
      .filter((g) => g.missing.length > 0);
    return gaps.length ? [{ workload: w, gaps, limitRange: d?.source ?? null }] : [];
  });
}

/** The gaps in words, with the workload, containers and LimitRange marked as names (lib/posture/message.ts). */
export function describeGaps(g: WorkloadGaps): Message {
  const each = join(
    g.gaps.map((c) => msg`container ${obj(c.container, 'Container')} has no ${prose(c.missing.join(' or '))}`),
    '; ',
  );
  const lr = g.limitRange ? msg` (LimitRange ${obj(g.limitRange, 'LimitRange')} supplies no default for it either)` : msg` (the namespace has no LimitRange default)`;
  return msg`${named(g.workload)}: ${each}${lr}`;
}
