// The attack paths of a followed cluster, analysed on a worker thread (attack-paths-worker.ts):
// the analysis is ~2 s of CPU at 50,000 pods, and on the main thread every request and every
// watched change waited for it. The worker gets the inventory once and then each batch of
// changes, as the main thread applied them, so it is never sent the whole inventory again.
// Where no worker can start (or one fails) the analysis runs on the main thread, as before.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResourceChange } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { analyseForAdoption, type AttackRefresh } from '../posture/incremental';
import type { FromWorker, ToWorker } from './attack-paths-protocol';

export interface AttackPathsRunner {
  /** The inventory from now on (a scan, a full recompute). */
  reset(inventory: Inventory): void;
  /** A batch of changes, and the inventory the main thread made of it. */
  applied(changes: ResourceChange[], inventory: Inventory): void;
  /** The analysis of the inventory as of the last reset or batch. */
  analyse(): Promise<AttackRefresh>;
  where(): 'worker' | 'main thread';
  stop(): void;
}

export function mainThreadRunner(): AttackPathsRunner {
  let latest: Inventory | null = null;
  return {
    reset: (inventory) => void (latest = inventory),
    applied: (_changes, inventory) => void (latest = inventory),
    analyse: async () => analyseForAdoption(latest!),
    where: () => 'main thread',
    stop: () => void (latest = null),
  };
}

/**
 * POSTURE_PATHS_WORKER=1 analyses on a worker thread. Off by default: the worker's copy of the
 * inventory took the bench's dashboard from 1.26 to 1.63 GiB RSS at 50,000 pods (the target is
 * 1.5 GiB), for a watch p95 of 560 ms against 606 ms on the main thread (same build, idle machine).
 */
export function attackPathsRunner(env: Record<string, string | undefined> = process.env): AttackPathsRunner {
  const on = ['1', 'true', 'on'].includes(env.POSTURE_PATHS_WORKER?.toLowerCase() ?? '');
  return on ? workerRunner() : mainThreadRunner();
}

export function workerRunner(): AttackPathsRunner {
  const fallback = mainThreadRunner();
  const pending = new Map<number, { resolve(r: AttackRefresh): void; reject(e: Error): void }>();
  let epoch = 0;
  let nextId = 0;
  let worker: Worker | null = null;
  const fail = (why: Error) => {
    if (!worker) return;
    console.warn(`[attack-paths] the worker thread failed (${why.message}); analysing on the main thread from now on`);
    const w = worker;
    worker = null;
    void w.terminate();
    for (const p of pending.values()) p.reject(why);
    pending.clear();
  };
  try {
    worker = spawn();
    worker.unref(); // a follower never keeps the process alive (tests, the CLI)
    worker.on('message', (m: FromWorker) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ('error' in m) p.reject(new Error(m.error));
      else p.resolve(m.refresh);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with ${code}`)));
  } catch (e) {
    console.warn(`[attack-paths] no worker thread (${(e as Error).message}); analysing on the main thread`);
    worker = null;
  }
  const post = (m: ToWorker) => {
    try {
      worker?.postMessage(m);
    } catch (e) {
      fail(e as Error); // an object that does not clone: the main thread has it all
    }
  };
  return {
    reset(inventory) {
      fallback.reset(inventory);
      post({ type: 'reset', epoch: ++epoch, inventory });
    },
    applied(changes, inventory) {
      fallback.applied(changes, inventory);
      post({ type: 'changes', epoch, changes });
    },
    analyse() {
      if (!worker) return fallback.analyse();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ type: 'analyse', epoch, id });
      });
    },
    where: () => (worker ? 'worker' : 'main thread'),
    stop() {
      fallback.stop();
      const w = worker;
      worker = null;
      for (const p of pending.values()) p.reject(new Error('stopped'));
      pending.clear();
      void w?.terminate();
    },
  };
}

// In the Next.js server the worker is bundled (the `new Worker(new URL(…, import.meta.url))` form);
// run from source (tsx, vitest) it loads the TypeScript through tsx.
function spawn(): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./attack-paths-worker.ts', import.meta.url));
  const file = fileURLToPath(new URL('./attack-paths-worker.ts', import.meta.url));
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true });
}
