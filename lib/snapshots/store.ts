// The snapshot store: posture documents in SQL, the same queries on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { PostureDocument } from '@/lib/posture/types';
import { openPglite, openPostgres, type Sql } from './db';
import { migrate } from './migrations';

export interface SnapshotMeta {
  id: string;
  cluster: string;
  source: string;
  takenAt: string;
  label: string | null;
  score: number;
  createdAt: string;
}
export interface Snapshot extends SnapshotMeta {
  document: PostureDocument;
}

export interface OpenOptions {
  /** PostgreSQL URL; unset = embedded PGlite under dataDir. */
  databaseUrl?: string;
  dataDir?: string;
}

type Row = {
  id: string;
  cluster: string;
  source: string;
  taken_at: Date | string;
  label: string | null;
  score: number;
  created_at: Date | string;
  document?: PostureDocument | string;
};

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
function toMeta(r: Row): SnapshotMeta {
  return {
    id: r.id,
    cluster: r.cluster,
    source: r.source,
    takenAt: iso(r.taken_at),
    label: r.label,
    score: Number(r.score),
    createdAt: iso(r.created_at),
  };
}
const META = 'id, cluster, source, taken_at, label, score, created_at';

export class SnapshotStore {
  private constructor(readonly sql: Sql) {}

  static async open(opts: OpenOptions = {}): Promise<SnapshotStore> {
    const sql = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir ?? process.env.DATA_DIR ?? '.data');
    try {
      await migrate(sql);
    } catch (e) {
      await sql.close();
      throw e;
    }
    return new SnapshotStore(sql);
  }

  get backend() {
    return this.sql.backend;
  }

  async save(document: PostureDocument, label?: string | null): Promise<SnapshotMeta> {
    const id = randomUUID();
    const rows = await this.sql.query<Row>(
      `INSERT INTO snapshots (id, cluster, source, taken_at, label, score, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING ${META}`,
      [
        id,
        document.cluster.name,
        document.cluster.source,
        document.generatedAt,
        label?.trim() ? label.trim() : null,
        Math.round(document.score),
        JSON.stringify(document),
      ],
    );
    return toMeta(rows[0]!);
  }

  async list(cluster?: string): Promise<SnapshotMeta[]> {
    const rows = cluster
      ? await this.sql.query<Row>(`SELECT ${META} FROM snapshots WHERE cluster = $1 ORDER BY taken_at DESC, created_at DESC`, [cluster])
      : await this.sql.query<Row>(`SELECT ${META} FROM snapshots ORDER BY cluster, taken_at DESC, created_at DESC`);
    return rows.map(toMeta);
  }

  async get(id: string): Promise<Snapshot | null> {
    const rows = await this.sql.query<Row>(`SELECT ${META}, document FROM snapshots WHERE id = $1`, [id]);
    const r = rows[0];
    if (!r) return null;
    const document = typeof r.document === 'string' ? JSON.parse(r.document) : r.document;
    return { ...toMeta(r), document: document as PostureDocument };
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.sql.query('DELETE FROM snapshots WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  /** Retention per cluster: keep the newest `keep` snapshots and/or those newer than `maxAgeDays`. Returns how many were deleted. */
  async prune(opts: { keep?: number; maxAgeDays?: number; now?: Date }): Promise<number> {
    let deleted = 0;
    if (opts.keep !== undefined) {
      const rows = await this.sql.query(
        `DELETE FROM snapshots WHERE id IN (
           SELECT id FROM (
             SELECT id, row_number() OVER (PARTITION BY cluster ORDER BY taken_at DESC, created_at DESC) AS n FROM snapshots
           ) ranked WHERE n > $1) RETURNING id`,
        [Math.max(0, Math.floor(opts.keep))],
      );
      deleted += rows.length;
    }
    if (opts.maxAgeDays !== undefined) {
      const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.maxAgeDays * 86_400_000);
      const rows = await this.sql.query('DELETE FROM snapshots WHERE taken_at < $1 RETURNING id', [cutoff.toISOString()]);
      deleted += rows.length;
    }
    return deleted;
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}
