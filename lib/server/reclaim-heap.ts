// Gives back the heap a scan of a large cluster grew. While a rescan computes its posture V8
// lets the heap grow to its allocation limit (about twice the live heap) before collecting, and
// keeps those pages committed afterwards: its memory reducer runs only once the process idles,
// which a dashboard with viewers does not. At 50,000 pods that is ~400 MB of RSS after each rescan
// for ~550 MB live. What the rescan holds cannot change that (posture-service releases the last
// inventory early, which lowers the live peak, not the limit); one full GC when it is done does.
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

let timer: NodeJS.Timeout | null = null;

/**
 * A full GC shortly after a scan of `objects` objects (once for several scans in a row), when the
 * last document's answers in flight are done with it. POSTURE_RECLAIM_HEAP=0 turns it off.
 */
export function reclaimHeapAfterScan(objects: number, delayMs = 2_000, env: Record<string, string | undefined> = process.env): boolean {
  if (objects < RECLAIM_MIN_OBJECTS || ['0', 'false', 'off'].includes(env.POSTURE_RECLAIM_HEAP?.toLowerCase() ?? '')) return false;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    gcFunction()?.();
  }, delayMs);
  timer.unref();
  return true;
}
