import { describe, expect, it } from 'vitest';
import { RECLAIM_MIN_OBJECTS, reclaimHeap } from './reclaim-heap';

describe('reclaiming the heap after a scan', () => {
  it('runs a full GC at once after a large scan, without --expose-gc', async () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    let garbage: object[] | null = Array.from({ length: 1000 }, (_, i) => ({ i }));
    const gone = new WeakRef(garbage);
    garbage = null;
    // A WeakRef keeps its target to the end of the job that made it: collect in the next one.
    await new Promise((r) => setTimeout(r, 0));
    expect(reclaimHeap(RECLAIM_MIN_OBJECTS)).toBe(true);
    expect(gone.deref()).toBeUndefined();
  });

  it('leaves small scans alone, and is off with POSTURE_RECLAIM_HEAP=0', () => {
    expect(reclaimHeap(RECLAIM_MIN_OBJECTS - 1)).toBe(false);
    expect(reclaimHeap(RECLAIM_MIN_OBJECTS, { POSTURE_RECLAIM_HEAP: '0' })).toBe(false);
  });
});
