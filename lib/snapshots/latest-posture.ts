// The latest posture of each cluster (migration 5), written by the replica that scans it and
// read by every other replica (lib/server/replica). One row per cluster key.
import type { PostureDocument } from '@/lib/posture/types';
import type { Sql } from './db';

export interface LatestMeta {
  generatedAt: string;
  error: string | null;
  /** Counts writes: a replica re-reads the document only when it changed. */
  version: number;
  storedAt: string;
  refreshRequestedAt: string | null;
}

type MetaRow = { generated_at: Date | string; error: string | null; version: string | number; stored_at: Date | string; refresh_requested_at: Date | string | null };
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const META = 'generated_at, error, version, stored_at, refresh_requested_at';
const toMeta = (r: MetaRow): LatestMeta => ({
  generatedAt: iso(r.generated_at),
  error: r.error,
  version: Number(r.version),
  storedAt: iso(r.stored_at),
  refreshRequestedAt: r.refresh_requested_at === null ? null : iso(r.refresh_requested_at),
});

export class LatestPostureStore {
  constructor(private readonly sql: Pick<Sql, 'query'>) {}

  /**
   * Stores `body` (the document's JSON, exactly as serialized, so every replica serves the same
   * bytes) unless the row holds a newer document: a replica that lost the lock and has not noticed
   * yet cannot overwrite its successor's posture with an older one. Null when refused.
   */
  async put(clusterKey: string, body: string, generatedAt: string, error: string | null): Promise<LatestMeta | null> {
    if (!clusterKey) throw new Error('a posture must belong to a cluster');
    const rows = await this.sql.query<MetaRow>(
      `INSERT INTO latest_posture (cluster_key, document, generated_at, error) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cluster_key) DO UPDATE SET document = EXCLUDED.document, generated_at = EXCLUDED.generated_at,
         error = EXCLUDED.error, version = latest_posture.version + 1, stored_at = now()
       WHERE latest_posture.generated_at <= EXCLUDED.generated_at
       RETURNING ${META}`,
      [clusterKey, body, generatedAt, error],
    );
    return rows[0] ? toMeta(rows[0]) : null;
  }

  /** Records that the latest scan failed; the stored document stays (the last good one). */
  async setError(clusterKey: string, error: string | null): Promise<void> {
    await this.sql.query('UPDATE latest_posture SET error = $2, version = version + 1, stored_at = now() WHERE cluster_key = $1 AND error IS DISTINCT FROM $2', [clusterKey, error]);
  }

  async meta(clusterKey: string): Promise<LatestMeta | null> {
    const r = (await this.sql.query<MetaRow>(`SELECT ${META} FROM latest_posture WHERE cluster_key = $1`, [clusterKey]))[0];
    return r ? toMeta(r) : null;
  }

  async get(clusterKey: string): Promise<{ meta: LatestMeta; doc: PostureDocument } | null> {
    const r = (await this.sql.query<MetaRow & { document: string }>(`SELECT ${META}, document FROM latest_posture WHERE cluster_key = $1`, [clusterKey]))[0];
    return r ? { meta: toMeta(r), doc: JSON.parse(r.document) as PostureDocument } : null;
  }

  /** Asks the scanning replica to scan this cluster again (a rescan, or its exceptions changed). */
  /** When it was asked (the database's clock, which stored_at also uses); null before the first posture is stored. */
  async requestRefresh(clusterKey: string): Promise<string | null> {
    const rows = await this.sql.query<{ at: Date | string }>('UPDATE latest_posture SET refresh_requested_at = now() WHERE cluster_key = $1 RETURNING refresh_requested_at AS at', [clusterKey]);
    return rows[0] ? iso(rows[0].at) : null;
  }
}
