// The follower's attack paths analysed apart from its state (a worker thread's copy of the
// inventory, kept current by the same batches) and adopted later: the document must be what a
// full computation gives, or say which version its paths are of.
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges, type ResourceChange } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { scanDemo } from '../cluster/offline';
import type { K8sObject } from '../cluster/types';
import { analyseAttackPaths } from '../posture/attack-paths';
import { computePosture, withAttackAnalysis } from '../posture/engine';
import { adoptAttackPaths, initialPosture, updatePosture } from '../posture/incremental';
import { analyserState, type FromWorker } from './attack-paths-protocol';
import { workerRunner, type AttackPathsRunner } from './attack-paths-thread';

const NOW = new Date('2026-11-22T12:00:00Z');
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
const pod = (name: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'payments' },
  spec: { containers: [{ name: 'sh', image: 'busybox', securityContext: { privileged: true } }] },
});
const privileged = (name: string): ResourceChange => ({ type: 'ADDED', resource: 'pods', object: pod(name) });

async function demo(): Promise<Inventory> {
  return { ...(await scanDemo()), readAt: '2026-11-22T00:00:00.000Z' };
}

describe('attack paths analysed on a copy of the inventory (attack-paths-protocol.ts)', () => {
  it('adopts an analysis of an earlier version, says which, and equals a full computation once current', async () => {
    const inv = await demo();
    const s0 = initialPosture(inv, { now: NOW });
    // The worker's copy, as postMessage makes it, kept current by the same batches.
    const worker = analyserState();
    worker.handle({ type: 'reset', epoch: 1, inventory: structuredClone(inv) });
    const a1 = applyChanges(inv, [privileged('debug')]);
    const s1 = updatePosture(s0, a1.inventory, a1.touched, { now: at(1), attackPaths: 'defer' }).posture;
    worker.handle({ type: 'changes', epoch: 1, changes: [privileged('debug')] });
    const answer = structuredClone(worker.handle({ type: 'analyse', epoch: 1, id: 7 })) as Extract<FromWorker, { refresh: unknown }>;
    expect(answer.id).toBe(7);
    // Another change reaches the main thread while the worker analysed.
    const a2 = applyChanges(a1.inventory, [privileged('debug2')]);
    const s2 = updatePosture(s1, a2.inventory, a2.touched, { now: at(2), attackPaths: 'defer' }).posture;
    expect(s2.doc.attackPathsAsOf).toBe(s0.doc.generatedAt);
    const adopted = adoptAttackPaths(s2, answer.refresh, s1.doc.generatedAt);
    const full2 = computePosture(a2.inventory, { now: at(2) });
    expect(adopted.doc).toEqual({ ...withAttackAnalysis(full2, analyseAttackPaths(a1.inventory)), attackPathsAsOf: s1.doc.generatedAt });
    expect(adopted.doc.attackPaths!.counts.node).toBeGreaterThan(s0.doc.attackPaths!.counts.node);
    // Still behind: a change it reads keeps saying so; a fresh analysis of the latest makes it exact.
    worker.handle({ type: 'changes', epoch: 1, changes: [privileged('debug2')] });
    const latest = worker.handle({ type: 'analyse', epoch: 1, id: 8 }) as Extract<FromWorker, { refresh: unknown }>;
    expect(adoptAttackPaths(adopted, structuredClone(latest.refresh)).doc).toEqual(full2);
    // Later updates on the adopted state stay exact (what its analysis read travelled with it).
    const current = adoptAttackPaths(adopted, structuredClone(latest.refresh));
    const a3 = applyChanges(a2.inventory, [{ type: 'DELETED', resource: 'pods', object: pod('debug') }]);
    const s3 = updatePosture(current, a3.inventory, a3.touched, { now: at(3) }).posture;
    expect(s3.doc).toEqual(computePosture(a3.inventory, { now: at(3) }));
  });

  it('answers a request of another epoch (a full recompute since) with an error, not a wrong analysis', async () => {
    const worker = analyserState();
    worker.handle({ type: 'reset', epoch: 2, inventory: await demo() });
    worker.handle({ type: 'changes', epoch: 1, changes: [privileged('stale')] }); // dropped
    expect(worker.handle({ type: 'analyse', epoch: 1, id: 1 })).toMatchObject({ id: 1, error: expect.any(String) });
    const ok = worker.handle({ type: 'analyse', epoch: 2, id: 2 }) as Extract<FromWorker, { refresh: unknown }>;
    expect(ok.refresh.analysis.summary).toEqual(analyseAttackPaths(await demo()).summary);
  });
});

describe('the worker thread (attack-paths-thread.ts)', () => {
  let runner: AttackPathsRunner | undefined;
  afterEach(() => runner?.stop());

  it('analyses on a worker thread, from the inventory it was sent once and the batches since', async () => {
    const inv = await demo();
    runner = workerRunner();
    runner.reset(inv);
    const a1 = applyChanges(inv, [privileged('debug')]);
    runner.applied([privileged('debug')], a1.inventory);
    const refresh = await runner.analyse();
    expect(runner.where()).toBe('worker');
    expect(refresh.analysis.summary).toEqual(analyseAttackPaths(a1.inventory).summary);
    expect(refresh.analysis.throughObject).toEqual(analyseAttackPaths(a1.inventory).throughObject);
    expect(refresh.reads.has('objects.pods')).toBe(true);
  }, 60_000);
});
