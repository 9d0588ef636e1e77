// The server's one snapshot store (PGlite under DATA_DIR, or PostgreSQL at DATABASE_URL),
// opened on first use and shared: two PGlite instances must never open the same directory.
import { SnapshotStore, type OpenOptions } from '../snapshots/store';
import type { StoreState } from './health';

export interface StoreHandle {
  /** The open store; a failed open is not remembered, so the next call tries again. */
  get(): Promise<SnapshotStore>;
  /** Opens (if needed) and runs a trivial query, within `timeoutMs`. */
  probe(timeoutMs?: number): Promise<StoreState>;
  /** Closes the store if it was opened (shutdown); a later get() opens it again. */
  close(): Promise<void>;
}

export function storeHandle(opts: OpenOptions): StoreHandle {
  let opening: Promise<SnapshotStore> | null = null;
  const backend = opts.databaseUrl ? 'PostgreSQL' : 'PGlite';
  const get = () =>
    (opening ??= SnapshotStore.open(opts).catch((e) => {
      opening = null;
      throw e;
    }));
  return {
    get,
    async close() {
      const open = opening;
      opening = null;
      if (open) await (await open.catch(() => null))?.close();
    },
    async probe(timeoutMs = 5000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([get().then((s) => s.sql.query('SELECT 1')), timeout]);
        return { ok: true };
      } catch (e) {
        // The detail goes to the server log only; the probe's answer is public.
        console.error(`snapshot store (${backend}) unavailable: ${(e as Error)?.message || String(e)}`);
        return { ok: false, reason: `snapshot store (${backend}) cannot be opened` };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const g = globalThis as typeof globalThis & { __kubePostureStore?: StoreHandle };

/** The store this server process uses, configured from the environment. */
export function appStore(): StoreHandle {
  return (g.__kubePostureStore ??= storeHandle({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || '.data' }));
}
