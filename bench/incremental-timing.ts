// One pod changed: the incremental recompute (lib/posture/incremental.ts) against a full
// computePosture of the same inventory, in one process. `tsx bench/incremental-timing.ts [pods]`.
import { performance } from 'node:perf_hooks';
import { applyChange, type ResourceChange } from '../lib/cluster/apply-change';
import { buildInventory } from '../lib/cluster/build-inventory';
import type { Inventory } from '../lib/cluster/inventory';
import { computePosture } from '../lib/posture/engine';
import { initialPosture, updatePosture, type UpdateStats } from '../lib/posture/incremental';
import { generateCluster, type SyntheticSize } from '../lib/synthetic/generate';

export interface IncrementalTiming {
  pods: number;
  fullMs: number;
  /** Per changed pod: apply to the Inventory, then recompute; median and p95 over `changes`. */
  incrementalMedianMs: number;
  incrementalP95Ms: number;
  ratio: number;
  /** The slowest change's checks: run whole, run on its namespace, reused. */
  slowest: UpdateStats;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/**
 * `change`: 'pod-of-controller' edits a pod a Deployment owns (a restart, a status update: the
 * workloads stay as they were); 'bare-pod' adds a privileged pod of its own (a new workload).
 */
export function timeIncremental(fresh: () => Inventory, changes = 20, change: 'pod-of-controller' | 'bare-pod' = 'pod-of-controller'): IncrementalTiming {
  const now = new Date('2026-11-22T00:00:00Z');
  // The full computation on an inventory of its own: what it memoises outside a recording
  // would make the incremental path treat every read as unknown ('*') and re-run everything.
  let t = performance.now();
  computePosture(fresh(), { now });
  const fullMs = performance.now() - t;
  const inventory = fresh();
  t = performance.now();
  let state = initialPosture(inventory, { now });
  let inv = inventory;
  const times: number[] = [];
  let slowest: UpdateStats = { full: 0, perNamespace: 0, reused: 0 };
  for (let i = 0; i < changes; i++) {
    // A pod somewhere in the cluster gets a privileged container, as a bad deploy would.
    const target = inv.objects.pods[Math.floor((i * 7919) % inv.objects.pods.length)]!;
    const changed = structuredClone(target);
    changed.spec.containers[0].securityContext = { privileged: i % 2 === 0 };
    if (change === 'bare-pod') changed.metadata = { name: `probe-${i}`, namespace: target.metadata.namespace };
    const event: ResourceChange = { type: change === 'bare-pod' ? 'ADDED' : 'MODIFIED', resource: 'pods', object: changed };
    t = performance.now();
    const applied = applyChange(inv, event);
    // As the live follower does (lib/server/live-follow.ts): the attack paths follow once changes pause.
    const r = updatePosture(state, applied.inventory, applied.touched, { now, attackPaths: 'defer' });
    state = r.posture;
    const took = performance.now() - t;
    if (times.every((x) => x < took)) slowest = r.stats;
    times.push(took);
    inv = applied.inventory;
  }
  const median = pct(times, 0.5);
  return {
    pods: inventory.objects.pods.length,
    fullMs,
    incrementalMedianMs: median,
    incrementalP95Ms: pct(times, 0.95),
    ratio: pct(times, 0.95) / fullMs,
    slowest,
  };
}

export function syntheticInventory(size: SyntheticSize): Inventory {
  const { objects } = generateCluster(size);
  return buildInventory(objects, { cluster: { name: 'synthetic', version: 'v1.35.1', source: 'live' }, readAt: new Date('2026-11-22T00:00:00Z') });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pods = Number(process.argv[2] ?? 50_000);
  const size: SyntheticSize = {
    namespaces: Math.max(10, Math.round(pods / 25)),
    pods,
    bindings: Math.round(pods * 0.4),
    nodes: Math.max(3, Math.round(pods / 100)),
    seed: 1,
  };
  const fresh = () => syntheticInventory(size);
  console.log(JSON.stringify({ podOfController: timeIncremental(fresh, 20), barePod: timeIncremental(fresh, 20, 'bare-pod') }, null, 2));
}
