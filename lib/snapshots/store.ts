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
  /** The dashboard source it was taken from (sourceKey); '' for an import. */
  scope: string;
  /** The cluster it belongs to (clusterKey): only requests about that cluster reach it. */
  clusterKey: string;
  origin: SnapshotOrigin;
}
export type SnapshotOrigin = 'manual' | 'scheduled' | 'import';
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
  scope: string;
  origin: SnapshotOrigin;
  cluster_key: string;
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
    scope: r.scope,
    origin: r.origin,
    clusterKey: r.cluster_key,
  };
}
const META = 'id, cluster, source, taken_at, label, score, created_at, scope, origin, cluster_key';

export interface ShareMeta {
  id: string;
  snapshotId: string;
  redact: boolean;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}
type ShareRow = { id: string; snapshot_id: string; redact: boolean; created_at: Date | string; expires_at: Date | string; revoked_at: Date | string | null };
const SHARE = 'id, snapshot_id, redact, created_at, expires_at, revoked_at';
const toShare = (r: ShareRow): ShareMeta => ({
  id: r.id,
  snapshotId: r.snapshot_id,
  redact: Boolean(r.redact),
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
});

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

  /** Stores a document as a snapshot of cluster `clusterKey` (an import: the cluster it was imported into). */
  async save(document: PostureDocument, label: string | null | undefined, opts: { clusterKey: string; scope?: string; origin?: SnapshotOrigin }): Promise<SnapshotMeta> {
    if (!opts.clusterKey) throw new Error('a snapshot must belong to a cluster');
    const id = randomUUID();
    const rows = await this.sql.query<Row>(
      `INSERT INTO snapshots (id, cluster, source, taken_at, label, score, document, scope, origin, cluster_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING ${META}`,
      [
        id,
        document.cluster.name,
        document.cluster.source,
        document.generatedAt,
        label?.trim() ? label.trim() : null,
        Math.round(document.score),
        JSON.stringify(document),
        opts.scope ?? '',
        opts.origin ?? 'manual',
        opts.clusterKey,
      ],
    );
    return toMeta(rows[0]!);
  }

  /** The snapshots of one cluster (clusterKey), newest first; `name` narrows to one document cluster name. */
  async list(clusterKey: string, name?: string): Promise<SnapshotMeta[]> {
    const rows =
      name !== undefined
        ? await this.sql.query<Row>(`SELECT ${META} FROM snapshots WHERE cluster_key = $1 AND cluster = $2 ORDER BY taken_at DESC, created_at DESC`, [
            clusterKey,
            name,
          ])
        : await this.sql.query<Row>(`SELECT ${META} FROM snapshots WHERE cluster_key = $1 ORDER BY cluster, taken_at DESC, created_at DESC`, [clusterKey]);
    return rows.map(toMeta);
  }

  /** The snapshots taken from one dashboard source, oldest first (the trend). */
  async listScope(scope: string): Promise<SnapshotMeta[]> {
    return (await this.sql.query<Row>(`SELECT ${META} FROM snapshots WHERE scope = $1 ORDER BY taken_at, created_at`, [scope])).map(toMeta);
  }

  /** A snapshot of cluster `clusterKey`; null when there is none with that id in that cluster. */
  async get(id: string, clusterKey: string): Promise<Snapshot | null> {
    return this.getRow(`SELECT ${META}, document FROM snapshots WHERE id = $1 AND cluster_key = $2`, [id, clusterKey]);
  }

  private async getRow(text: string, params: unknown[]): Promise<Snapshot | null> {
    const r = (await this.sql.query<Row>(text, params))[0];
    if (!r) return null;
    const document = typeof r.document === 'string' ? JSON.parse(r.document) : r.document;
    return { ...toMeta(r), document: document as PostureDocument };
  }

  async delete(id: string, clusterKey: string): Promise<boolean> {
    const rows = await this.sql.query('DELETE FROM snapshots WHERE id = $1 AND cluster_key = $2 RETURNING id', [id, clusterKey]);
    return rows.length > 0;
  }

  /** Rows from before cluster keys whose cluster could not be told (migration 3): they join `clusterKey`. */
  async adoptUnassigned(clusterKey: string): Promise<number> {
    const rows = await this.sql.query(`UPDATE snapshots SET cluster_key = $1 WHERE cluster_key = '' RETURNING id`, [clusterKey]);
    await this.sql.query(
      `UPDATE snapshot_shares SET cluster_key = (SELECT s.cluster_key FROM snapshots s WHERE s.id = snapshot_shares.snapshot_id) WHERE cluster_key = ''`,
    );
    return rows.length;
  }

  /**
   * Retention per cluster: keep the newest `keep` snapshots and/or those newer than `maxAgeDays`.
   * With `origin`, only snapshots of that origin are counted and deleted. Returns how many were deleted.
   */
  async prune(opts: { keep?: number; maxAgeDays?: number; now?: Date; origin?: SnapshotOrigin }): Promise<number> {
    let deleted = 0;
    // $1 = origin or NULL (every origin)
    const origin = opts.origin ?? null;
    if (opts.keep !== undefined) {
      const rows = await this.sql.query(
        `DELETE FROM snapshots WHERE id IN (
           SELECT id FROM (
             SELECT id, row_number() OVER (PARTITION BY cluster_key, cluster ORDER BY taken_at DESC, created_at DESC) AS n FROM snapshots
             WHERE $1::text IS NULL OR origin = $1::text
           ) ranked WHERE n > $2) RETURNING id`,
        [origin, Math.max(0, Math.floor(opts.keep))],
      );
      deleted += rows.length;
    }
    if (opts.maxAgeDays !== undefined) {
      const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.maxAgeDays * 86_400_000);
      const rows = await this.sql.query('DELETE FROM snapshots WHERE taken_at < $2 AND ($1::text IS NULL OR origin = $1::text) RETURNING id', [
        origin,
        cutoff.toISOString(),
      ]);
      deleted += rows.length;
    }
    return deleted;
  }

  /**
   * Records a share link by its token's hash (the token itself is never stored), for a snapshot of
   * cluster `clusterKey`; null when that cluster has no such snapshot. The share belongs to the same cluster.
   */
  async addShare(snapshotId: string, clusterKey: string, tokenHash: string, opts: { redact: boolean; expiresAt: Date }): Promise<ShareMeta | null> {
    const rows = await this.sql.query<ShareRow>(
      `INSERT INTO snapshot_shares (id, snapshot_id, token_hash, redact, expires_at, cluster_key)
       SELECT $1, id, $3, $4, $5, cluster_key FROM snapshots WHERE id = $2 AND cluster_key = $6 RETURNING ${SHARE}`,
      [randomUUID(), snapshotId, tokenHash, opts.redact, opts.expiresAt.toISOString(), clusterKey],
    );
    return rows[0] ? toShare(rows[0]) : null;
  }

  async listShares(snapshotId: string, clusterKey: string): Promise<ShareMeta[]> {
    return (
      await this.sql.query<ShareRow>(`SELECT ${SHARE} FROM snapshot_shares WHERE snapshot_id = $1 AND cluster_key = $2 ORDER BY created_at DESC`, [
        snapshotId,
        clusterKey,
      ])
    ).map(toShare);
  }

  /** The live share (not expired, not revoked) with this token hash, and its snapshot; null otherwise. */
  async findShare(tokenHash: string, now = new Date()): Promise<{ share: ShareMeta; snapshot: Snapshot } | null> {
    const rows = await this.sql.query<ShareRow>(`SELECT ${SHARE} FROM snapshot_shares WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`, [
      tokenHash,
      now.toISOString(),
    ]);
    if (!rows[0]) return null;
    // The token is the credential here: whoever holds it sees this one snapshot, of whichever cluster.
    const snapshot = await this.getRow(`SELECT ${META}, document FROM snapshots WHERE id = $1`, [rows[0].snapshot_id]);
    return snapshot ? { share: toShare(rows[0]), snapshot } : null;
  }

  /** Revokes a share of cluster `clusterKey` by its id; false when that cluster has no such unrevoked share. */
  async revokeShare(id: string, clusterKey: string, now = new Date()): Promise<boolean> {
    const rows = await this.sql.query('UPDATE snapshot_shares SET revoked_at = $2 WHERE id = $1 AND cluster_key = $3 AND revoked_at IS NULL RETURNING id', [
      id,
      now.toISOString(),
      clusterKey,
    ]);
    return rows.length > 0;
  }

  /** Records a signed-out session id until the session would have expired anyway (lib/server/auth/revocation.ts). */
  async revokeSession(id: string, expiresAt: Date, now = new Date()): Promise<void> {
    await this.sql.query('DELETE FROM revoked_sessions WHERE expires_at < $1', [now.toISOString()]);
    await this.sql.query('INSERT INTO revoked_sessions (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, expiresAt.toISOString()]);
  }

  async isSessionRevoked(id: string): Promise<boolean> {
    return (await this.sql.query('SELECT 1 FROM revoked_sessions WHERE id = $1', [id])).length > 0;
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}
