// One SQL interface over two backends: embedded PGlite (file-backed under DATA_DIR) and a
// PostgreSQL server (DATABASE_URL). The store only writes SQL that both accept.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface Sql {
  readonly backend: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn on one connection inside BEGIN/COMMIT (ROLLBACK on throw). */
  transaction<R>(fn: (tx: Pick<Sql, 'query'>) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export async function openPglite(dataDir: string): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true, mode: 0o700 }); // snapshots describe a cluster's weak spots: owner only
  const db = await PGlite.create(dir);
  return {
    backend: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    async transaction(fn) {
      return db.transaction((tx) => fn({ query: async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows }));
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}

export async function openPostgres(url: string): Promise<Sql> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    backend: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const r = await fn({ query: async <T>(t: string, p: unknown[] = []) => (await client.query(t, p)).rows as T[] });
        await client.query('COMMIT');
        return r;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
