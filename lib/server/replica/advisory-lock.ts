// Leadership by PostgreSQL session-level advisory lock, held on one dedicated connection (never a
// pooled one: a pool would hand the session, and the lock with it, to whichever query came next).
// The server releases the lock when that session ends: at once when the process dies (the kernel
// closes its socket), after TCP keepalive (~11 s) when its host or network vanishes. The holder
// pings the connection every tick and steps down on the first failure, before the server gives
// the lock away.
import type pg from 'pg';

/** Advisory-lock namespace of kube-posture's replica leadership (the migrations use 781234001). */
const LOCK_NAMESPACE = 781234002;

export interface LeaderLocks {
  /** Tries to take the lock of `name` (a cluster key); true while this process holds it. */
  tryHold(name: string): Promise<boolean>;
  /** Whether the lock of `name` is still ours: the connection answered within the timeout. */
  stillHeld(name: string): Promise<boolean>;
  close(): Promise<void>;
}

export function advisoryLocks(url: string, timeoutMs: number): LeaderLocks {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  const held = new Set<string>();

  const lose = (c: pg.Client | null) => {
    if (c === null || c !== client) return;
    held.clear();
    client = null;
    c.end().catch(() => undefined);
  };
  const connect = () =>
    (connecting ??= (async () => {
      const { default: pgLib } = await import('pg');
      const c = new pgLib.Client({
        connectionString: url,
        application_name: 'kube-posture leader lock',
        keepAlive: true,
        keepAliveInitialDelayMillis: 5_000,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
      });
      c.on('error', () => lose(c));
      c.on('end', () => lose(c));
      try {
        await c.connect();
        // The server side of the same bound: a holder whose host vanished is let go after ~11 s.
        await c.query('SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3');
      } catch (e) {
        c.end().catch(() => undefined);
        throw e;
      }
      client = c;
      return c;
    })().finally(() => (connecting = null)));

  const query = async (text: string, params: unknown[]) => {
    const c = client ?? (await connect());
    try {
      return (await c.query(text, params)).rows as Record<string, unknown>[];
    } catch (e) {
      lose(c); // a failed or timed-out query: the session (and every lock) is presumed gone
      throw e;
    }
  };

  return {
    async tryHold(name) {
      if (held.has(name)) return this.stillHeld(name);
      const rows = await query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, name]);
      if (rows[0]?.ok === true) held.add(name);
      return held.has(name);
    },
    async stillHeld(name) {
      if (!held.has(name)) return false;
      try {
        await query('SELECT 1', []);
      } catch {
        return false;
      }
      return held.has(name);
    },
    async close() {
      const c = client;
      lose(c);
    },
  };
}
