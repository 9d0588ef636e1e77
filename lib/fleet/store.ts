// The hub's side of agents pushing postures (migration 6): pushed clusters, their ingest tokens
// (hashed), and the reports they send. Every row carries its cluster's key ('fleet:<name>'),
// and a token reaches only the cluster it was made for.
import { createHash, randomUUID } from 'node:crypto';
import { fixSummary, type FixSummary } from '@/lib/posture/fleet-fix-first';
import { countBySeverity } from '@/lib/posture/scoring';
import { isOpen, type PostureDocument, type SeverityCounts } from '@/lib/posture/types';
import type { Sql } from '@/lib/snapshots/db';
import { LatestPostureStore } from '@/lib/snapshots/latest-posture';
import { fleetKey } from './names';
import { ingestTokenHash, newIngestToken, sameHash } from './tokens';

export interface PushedCluster {
  key: string;
  name: string;
}

export interface FleetCluster extends PushedCluster {
  labels: Record<string, string>;
  groups: string[];
  createdAt: string;
  /** The latest report's summary; null before the first one. */
  last: {
    generatedAt: string;
    receivedAt: string;
    score: number;
    counts: SeverityCounts;
    failing: string[];
    /** The report's fix-first changes, cut down; empty for a report without attack paths. */
    fixes: FixSummary[];
    /** The score a day before this report (the latest report at least a day older, else the oldest older one); null without an older report. */
    dayBefore: number | null;
  } | null;
}

export interface TokenMeta {
  id: string;
  cluster: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export type RateOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type IngestOutcome = { status: 'stored' | 'duplicate'; generatedAt: string } | { status: 'older'; held: string };

type ClusterRow = {
  cluster_key: string;
  name: string;
  labels: unknown;
  groups: unknown;
  created_at: Date | string;
  last_generated_at: Date | string | null;
  last_received_at: Date | string | null;
  last_score: number | null;
  last_counts: unknown;
  last_failing: unknown;
  last_fixes: unknown;
  last_day_before_score: number | null;
};
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const CLUSTER =
  'cluster_key, name, labels, groups, created_at, last_generated_at, last_received_at, last_score, last_counts, last_failing, last_fixes, last_day_before_score';
function toCluster(r: ClusterRow): FleetCluster {
  return {
    key: r.cluster_key,
    name: r.name,
    labels: json(r.labels),
    groups: json(r.groups),
    createdAt: iso(r.created_at),
    last:
      r.last_generated_at === null
        ? null
        : {
            generatedAt: iso(r.last_generated_at),
            receivedAt: iso(r.last_received_at!),
            score: Number(r.last_score),
            counts: json(r.last_counts),
            failing: json(r.last_failing),
            fixes: json<FixSummary[] | null>(r.last_fixes) ?? [],
            dayBefore: r.last_day_before_score === null ? null : Number(r.last_day_before_score),
          },
  };
}

/** How long report rows (the trend) are kept. */
export const REPORT_DAYS = 90;

export class FleetStore {
  constructor(private readonly sql: Sql) {}

  /** Registers the cluster (or updates its labels and groups when given) and makes a token for it; the token is returned this once. */
  async createToken(name: string, opts: { labels?: Record<string, string>; groups?: string[] } = {}): Promise<{ id: string; token: string }> {
    const key = fleetKey(name);
    const token = newIngestToken();
    const id = randomUUID();
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO fleet_clusters (cluster_key, name, labels, groups) VALUES ($1, $2, $3::jsonb, $4::jsonb)
         ON CONFLICT (cluster_key) DO UPDATE SET labels = CASE WHEN $5 THEN EXCLUDED.labels ELSE fleet_clusters.labels END,
           groups = CASE WHEN $6 THEN EXCLUDED.groups ELSE fleet_clusters.groups END, version = fleet_clusters.version + 1`,
        [key, name, JSON.stringify(opts.labels ?? {}), JSON.stringify(opts.groups ?? []), opts.labels !== undefined, opts.groups !== undefined],
      );
      await tx.query('INSERT INTO ingest_tokens (id, cluster_key, token_hash) VALUES ($1, $2, $3)', [id, key, ingestTokenHash(token)]);
    });
    return { id, token };
  }

  /** Revokes one token (by id) or every token of a cluster (by name); how many were live. */
  async revoke(idOrName: string): Promise<number> {
    const rows = await this.sql.query('UPDATE ingest_tokens SET revoked_at = now() WHERE (id = $1 OR cluster_key = $2) AND revoked_at IS NULL RETURNING id', [
      idOrName,
      fleetKey(idOrName),
    ]);
    return rows.length;
  }

  async tokens(): Promise<TokenMeta[]> {
    const rows = await this.sql.query<{ id: string; name: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }>(
      `SELECT t.id, c.name, t.created_at, t.revoked_at, t.last_used_at FROM ingest_tokens t JOIN fleet_clusters c USING (cluster_key) ORDER BY c.name, t.created_at`,
    );
    return rows.map((r) => ({
      id: r.id,
      cluster: r.name,
      createdAt: iso(r.created_at),
      revokedAt: isoOrNull(r.revoked_at),
      lastUsedAt: isoOrNull(r.last_used_at),
    }));
  }

  /** The cluster a live token was made for; null for an unknown or revoked one. */
  async authenticate(token: string): Promise<PushedCluster | null> {
    const hash = ingestTokenHash(token);
    const r = (
      await this.sql.query<{ id: string; token_hash: string; cluster_key: string; name: string }>(
        `SELECT t.id, t.token_hash, c.cluster_key, c.name FROM ingest_tokens t JOIN fleet_clusters c USING (cluster_key)
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
        [hash],
      )
    )[0];
    if (!r || !sameHash(hash, r.token_hash)) return null;
    await this.sql.query('UPDATE ingest_tokens SET last_used_at = now() WHERE id = $1', [r.id]);
    return { key: r.cluster_key, name: r.name };
  }

  /**
   * Counts one report of the cluster against `limit` a minute, in the database: one row per cluster
   * (a fixed window, as the sign-in limiter's), updated by one atomic upsert, so every replica on
   * the same PostgreSQL shares the count and the database's clock. `at` replaces that clock in tests.
   */
  async countReport(key: string, limit: number, at?: Date): Promise<RateOutcome> {
    const r = (
      await this.sql.query<{ hits: number; left_ms: number | string }>(
        `WITH t AS (SELECT COALESCE($2::timestamptz, now()) AS now)
         INSERT INTO fleet_ingest_rate AS r (cluster_key, window_start, hits) SELECT $1, t.now, 1 FROM t
         ON CONFLICT (cluster_key) DO UPDATE SET
           window_start = CASE WHEN r.window_start <= (SELECT now FROM t) - interval '1 minute' OR r.window_start > (SELECT now FROM t) THEN EXCLUDED.window_start ELSE r.window_start END,
           hits = CASE WHEN r.window_start <= (SELECT now FROM t) - interval '1 minute' OR r.window_start > (SELECT now FROM t) THEN 1 ELSE LEAST(r.hits + 1, 1000000) END
         RETURNING r.hits, extract(epoch FROM r.window_start + interval '1 minute' - (SELECT now FROM t)) * 1000 AS left_ms`,
        [key, at?.toISOString() ?? null],
      )
    )[0]!;
    if (Number(r.hits) <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(r.left_ms) / 1000)) };
  }

  /**
   * Stores a validated report of `cluster`: once per body (a retry of the same push is a
   * duplicate, answered as a success), never older than the report held.
   */
  async ingest(cluster: PushedCluster, body: string, doc: PostureDocument): Promise<IngestOutcome> {
    const hash = createHash('sha256').update(body, 'utf8').digest('hex');
    const counts = countBySeverity(doc.findings.filter(isOpen));
    const failing = doc.checks.filter((c) => c.assessed && c.findings > 0).map((c) => c.id);
    const fixes = fixSummary(doc);
    return this.sql.transaction(async (tx) => {
      // One report of a cluster at a time: the row lock orders concurrent pushes.
      const held = (
        await tx.query<{ last_generated_at: Date | string | null }>('SELECT last_generated_at FROM fleet_clusters WHERE cluster_key = $1 FOR UPDATE', [
          cluster.key,
        ])
      )[0];
      if (!held) throw new Error(`unknown pushed cluster ${cluster.name}`);
      if ((await tx.query('SELECT 1 FROM fleet_reports WHERE cluster_key = $1 AND doc_hash = $2', [cluster.key, hash])).length > 0)
        return { status: 'duplicate', generatedAt: doc.generatedAt };
      if (held.last_generated_at !== null && Date.parse(doc.generatedAt) <= Date.parse(iso(held.last_generated_at)))
        return { status: 'older', held: iso(held.last_generated_at) };
      // The trend, fixed once per report: the score a day before it, from the reports held before it.
      const dayBefore = (
        await tx.query<{ score: number | null }>(
          `SELECT COALESCE(
             (SELECT score FROM fleet_reports WHERE cluster_key = $1 AND generated_at <= $2::timestamptz - interval '1 day' ORDER BY generated_at DESC LIMIT 1),
             (SELECT score FROM fleet_reports WHERE cluster_key = $1 AND generated_at < $2::timestamptz ORDER BY generated_at LIMIT 1)) AS score`,
          [cluster.key, doc.generatedAt],
        )
      )[0]?.score;
      await tx.query('INSERT INTO fleet_reports (cluster_key, doc_hash, generated_at, score, counts, bytes) VALUES ($1, $2, $3, $4, $5::jsonb, $6)', [
        cluster.key,
        hash,
        doc.generatedAt,
        Math.round(doc.score),
        JSON.stringify(counts),
        Buffer.byteLength(body),
      ]);
      await tx.query(
        `UPDATE fleet_clusters SET last_generated_at = $2, last_received_at = now(), last_score = $3, last_counts = $4::jsonb, last_failing = $5::jsonb,
           last_fixes = $6::jsonb, last_day_before_score = $7, version = version + 1 WHERE cluster_key = $1`,
        [cluster.key, doc.generatedAt, Math.round(doc.score), JSON.stringify(counts), JSON.stringify(failing), JSON.stringify(fixes), dayBefore ?? null],
      );
      await new LatestPostureStore(tx).put(cluster.key, JSON.stringify(doc), doc.generatedAt, null);
      await tx.query(`DELETE FROM fleet_reports WHERE cluster_key = $1 AND generated_at < now() - interval '${REPORT_DAYS} days'`, [cluster.key]);
      return { status: 'stored', generatedAt: doc.generatedAt };
    });
  }

  async clusters(): Promise<FleetCluster[]> {
    return (await this.sql.query<ClusterRow>(`SELECT ${CLUSTER} FROM fleet_clusters ORDER BY name`)).map(toCluster);
  }

  /** Every cluster's row version (bumped at each change of its row): what a summary cache compares. */
  async versions(): Promise<Map<string, number>> {
    const rows = await this.sql.query<{ cluster_key: string; version: number }>('SELECT cluster_key, version FROM fleet_clusters');
    return new Map(rows.map((r) => [r.cluster_key, Number(r.version)]));
  }

  /** These clusters' rows, with the version each was read at. */
  async clustersAt(keys: string[]): Promise<{ cluster: FleetCluster; version: number }[]> {
    if (keys.length === 0) return [];
    const rows = await this.sql.query<ClusterRow & { version: number }>(`SELECT ${CLUSTER}, version FROM fleet_clusters WHERE cluster_key = ANY($1::text[])`, [
      keys,
    ]);
    return rows.map((r) => ({ cluster: toCluster(r), version: Number(r.version) }));
  }

  async cluster(name: string): Promise<FleetCluster | null> {
    const r = (await this.sql.query<ClusterRow>(`SELECT ${CLUSTER} FROM fleet_clusters WHERE cluster_key = $1`, [fleetKey(name)]))[0];
    return r ? toCluster(r) : null;
  }

  async reportCount(key: string): Promise<number> {
    return Number((await this.sql.query<{ n: string }>('SELECT count(*) AS n FROM fleet_reports WHERE cluster_key = $1', [key]))[0]!.n);
  }
}
