// Numbered migrations, applied in order at open, each once, recorded in schema_migrations.
import type { Sql } from './db';

export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'snapshots',
    sql: `
      CREATE TABLE snapshots (
        id          text PRIMARY KEY,
        cluster     text NOT NULL,
        source      text NOT NULL,
        taken_at    timestamptz NOT NULL,
        label       text,
        score       integer NOT NULL,
        document    jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX snapshots_cluster_taken_at ON snapshots (cluster, taken_at DESC);
    `,
  },
];

export async function migrate(db: Sql): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // Serialise concurrent openers (several replicas on one PostgreSQL server).
      await tx.query('SELECT pg_advisory_xact_lock(781234001)');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows.length > 0) return false;
      for (const stmt of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean))
        await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
