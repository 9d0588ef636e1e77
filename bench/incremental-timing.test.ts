// Each kind of change the bench times (incremental-timing.ts CHANGES) is bounded: no check
// re-runs on the whole cluster for it, and the document still equals a full computation.
import { describe, expect, it } from 'vitest';
import { applyChange } from '../lib/cluster/apply-change';
import { computePosture } from '../lib/posture/engine';
import { initialPosture, updatePosture } from '../lib/posture/incremental';
import { CHANGE_KINDS, CHANGES, syntheticInventory } from './incremental-timing';

const NOW = new Date('2026-11-22T00:00:00Z');

describe('the changes the bench times', () => {
  it('re-run no check whole, and leave the document a full computation gives', () => {
    let inv = syntheticInventory({ namespaces: 40, pods: 1000, bindings: 400, nodes: 10, seed: 1 });
    let state = initialPosture(inv, { now: NOW });
    const whole: Record<string, string[]> = {};
    for (const kind of CHANGE_KINDS) {
      // Two of each: the second undoes or repeats the first (as the bench alternates them).
      for (let i = 0; i < 2; i++) {
        const applied = applyChange(inv, CHANGES[kind](inv, i));
        inv = applied.inventory;
        const r = updatePosture(state, inv, applied.touched, { now: NOW });
        state = r.posture;
        whole[kind] = [...(whole[kind] ?? []), ...r.stats.whole];
        expect(JSON.stringify(state.doc) === JSON.stringify(computePosture(inv, { now: NOW })), `${kind} ${i}`).toBe(true);
      }
    }
    expect(whole).toEqual(Object.fromEntries(CHANGE_KINDS.map((k) => [k, []])));
  }, 300_000);
});
