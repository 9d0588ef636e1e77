// Keeps the heap a scan of a large cluster grows near what lives in it. V8 lets the heap grow to
// its allocation limit (about twice the live heap at the last collection) before collecting, and
// keeps the pages it committed: its memory reducer runs only once the process idles, which a
// dashboard with viewers does not. So a rescan collects at the two moments most of the heap is
// garbage: once the last scan's inventory and watch are let go (posture-service's
// releaseLastScan), before the new posture is computed into the space they held; and once the new
// document replaces the last, before it is serialized for anyone. At 50,000 pods that kept the
// dashboard at ~1.3 GiB through two rescans where it peaked at 1.58 GiB.
// Not a compacting collection: moving ~500 MB of live objects needs their new pages before the old
// go, which took the process to 1.65 GiB for a moment (measured), and what it gave back was taken
// again by the next answers.
import v8 from 'node:v8';
import vm from 'node:vm';

/** Below this many objects a scan's garbage is too small to matter: no extra GC (tests, small clusters). */
export const RECLAIM_MIN_OBJECTS = 20_000;

let collect: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  try {
    // Node started without --expose-gc: the flag still gives a new context its gc().
    if (!exposed) v8.setFlagsFromString('--expose-gc');
    collect = exposed ?? (vm.runInNewContext('gc') as () => void);
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * A full GC now (it blocks: ~1–3 s at 50,000 pods) when a scan or recompute of `objects` objects
 * has just left its garbage. POSTURE_RECLAIM_HEAP=0 turns it off. Whether it ran.
 */
export function reclaimHeap(objects: number, env: Record<string, string | undefined> = process.env): boolean {
  if (objects < RECLAIM_MIN_OBJECTS || ['0', 'false', 'off'].includes(env.POSTURE_RECLAIM_HEAP?.toLowerCase() ?? '')) return false;
  const gc = gcFunction();
  gc?.();
  return gc !== null;
}
