// With TEST_DATABASE_URL set, each test worker gets a PostgreSQL database of its own, made here
// and dropped at the end: the store tests empty whole tables and migrate a fresh database, which
// two workers sharing one database would do at the same time. vitest.setup.ts points each worker's
// TEST_DATABASE_URL at its own (VITEST_POOL_ID runs from 1 to maxWorkers).
import type { TestProject } from 'vitest/node';

/** The database of one test worker: the given URL's database name with `_w<pool id>`. */
export function workerDatabaseUrl(url: string, poolId: string | number): string {
  const u = new URL(url);
  u.pathname = `${u.pathname}_w${poolId}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const { default: pg } = await import('pg');
  const names = Array.from({ length: project.config.maxWorkers }, (_, i) => new URL(workerDatabaseUrl(url, i + 1)).pathname.slice(1));
  const each = async (sql: (name: string) => string) => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const name of names) await admin.query(sql(pg.escapeIdentifier(name)));
    } finally {
      await admin.end();
    }
  };
  await each((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await each((name) => `CREATE DATABASE ${name}`);
  return () => each((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
