import { describe, expect, it } from 'vitest';
import { RECLAIM_MIN_OBJECTS, reclaimHeapAfterScan } from './reclaim-heap';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reclaiming the heap after a scan', () => {
  it('runs a full GC after a large scan, without --expose-gc', async () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    let garbage: object[] | null = Array.from({ length: 1000 }, (_, i) => ({ i }));
    const gone = new WeakRef(garbage);
    garbage = null;
    expect(reclaimHeapAfterScan(RECLAIM_MIN_OBJECTS, 0)).toBe(true);
    await later(50);
    expect(gone.deref()).toBeUndefined();
  });

  it('leaves small scans alone, and is off with POSTURE_RECLAIM_HEAP=0', () => {
    expect(reclaimHeapAfterScan(RECLAIM_MIN_OBJECTS - 1, 0)).toBe(false);
    expect(reclaimHeapAfterScan(RECLAIM_MIN_OBJECTS, 0, { POSTURE_RECLAIM_HEAP: '0' })).toBe(false);
  });
});
