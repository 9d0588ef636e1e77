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
  {
    version: 2,
    name: 'snapshot scope, origin and share links',
    // scope: the dashboard source a snapshot was taken from (sourceKey), '' for imports.
    // origin: manual | scheduled | import; retention only ever deletes scheduled ones.
    // Share tokens are never stored: only their SHA-256 (hex), looked up by equality.
    sql: `
      ALTER TABLE snapshots ADD COLUMN scope text NOT NULL DEFAULT '';
      ALTER TABLE snapshots ADD COLUMN origin text NOT NULL DEFAULT 'manual';
      CREATE INDEX snapshots_scope_taken_at ON snapshots (scope, taken_at DESC);
      CREATE TABLE snapshot_shares (
        id          text PRIMARY KEY,
        snapshot_id text NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        token_hash  text NOT NULL UNIQUE,
        redact      boolean NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        revoked_at  timestamptz
      );
      CREATE INDEX snapshot_shares_snapshot ON snapshot_shares (snapshot_id);
    `,
  },
  {
    version: 3,
    name: 'cluster key on snapshots and shares; revoked sessions',
    // cluster_key: the cluster a row belongs to (clusterKey(): the source key with the kubeconfig
    // context resolved). Every read, list, share, revoke and delete is filtered by it, so a viewer
    // looking at one cluster can never reach another cluster's rows. Existing rows: a snapshot
    // taken from a picked context keeps that context (its scope); imports and snapshots of the
    // default context ('' and 'live::', whose context was not recorded) stay '' here and are
    // assigned to the deployment's default cluster when the server first opens the store
    // (SnapshotStore.adoptUnassigned). Shares take their snapshot's key.
    // revoked_sessions: signed-out session ids, kept until the session would have expired.
    sql: `
      ALTER TABLE snapshots ADD COLUMN cluster_key text NOT NULL DEFAULT '';
      UPDATE snapshots SET cluster_key = scope WHERE scope <> '' AND scope <> 'live::';
      CREATE INDEX snapshots_cluster_key_taken_at ON snapshots (cluster_key, taken_at DESC);
      ALTER TABLE snapshot_shares ADD COLUMN cluster_key text NOT NULL DEFAULT '';
      UPDATE snapshot_shares SET cluster_key = (SELECT s.cluster_key FROM snapshots s WHERE s.id = snapshot_shares.snapshot_id);
      CREATE TABLE revoked_sessions (
        id          text PRIMARY KEY,
        expires_at  timestamptz NOT NULL
      );
      CREATE INDEX revoked_sessions_expires_at ON revoked_sessions (expires_at);
    `,
  },
  {
    version: 4,
    name: 'posture exceptions, their audit trail, notifications sent',
    // posture_exceptions: accepted findings of one cluster (cluster_key), one check each, scoped
    // to an object, a namespace or a label selector (scope, JSON), until expires (YYYY-MM-DD).
    // exception_audit: every create, change and delete, with who, when and the row before/after;
    // rows are never updated or deleted by the dashboard.
    // notifications_sent: what each channel was sent, by finding fingerprint, so a restart
    // never sends the same finding twice (lib/server/notify).
    sql: `
      CREATE TABLE posture_exceptions (
        id          text PRIMARY KEY,
        cluster_key text NOT NULL,
        check_id    text NOT NULL,
        scope       jsonb NOT NULL,
        reason      text NOT NULL,
        owner       text NOT NULL,
        expires     text NOT NULL,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX posture_exceptions_cluster ON posture_exceptions (cluster_key, check_id);
      CREATE TABLE exception_audit (
        id           text PRIMARY KEY,
        cluster_key  text NOT NULL,
        exception_id text NOT NULL,
        action       text NOT NULL,
        actor        text NOT NULL,
        at           timestamptz NOT NULL DEFAULT now(),
        before       jsonb,
        after        jsonb
      );
      CREATE INDEX exception_audit_cluster_at ON exception_audit (cluster_key, at DESC);
      CREATE TABLE notifications_sent (
        cluster_key text NOT NULL,
        channel     text NOT NULL,
        fingerprint text NOT NULL,
        sent_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cluster_key, channel, fingerprint)
      )
    `,
  },
  {
    version: 5,
    name: 'latest posture per cluster, shared by replicas',
    // latest_posture: the posture the scanning replica (lib/server/replica) last computed for a
    // cluster, so every replica serves the same one. document is text, not jsonb: jsonb reorders
    // keys, and replicas must serve byte-identical JSON (the same ETag). version counts writes;
    // refresh_requested_at is set by a replica that is not scanning (a rescan was asked for, or
    // the cluster's exceptions changed) and read by the one that is.
    sql: `
      CREATE TABLE latest_posture (
        cluster_key          text PRIMARY KEY,
        document             text NOT NULL,
        generated_at         timestamptz NOT NULL,
        error                text,
        version              bigint NOT NULL DEFAULT 1,
        stored_at            timestamptz NOT NULL DEFAULT now(),
        refresh_requested_at timestamptz
      )
    `,
  },
  {
    version: 6,
    name: 'fleet: pushed clusters, ingest tokens, reports',
    // fleet_clusters: a cluster whose agent pushes its posture (lib/fleet), keyed 'fleet:<name>';
    // labels (env, region, …) to filter by; groups: who may see it (besides the hub's admins);
    // last_*: the latest report's summary, so /fleet reads one row per cluster, never a document.
    // ingest_tokens: only the SHA-256 of each token; revoked rows stay (revoked_at).
    // fleet_reports: one small row per report accepted (the trend), keyed by the hash of the
    // body as sent, so a retried push is recognised. The latest document is in latest_posture.
    sql: `
      CREATE TABLE fleet_clusters (
        cluster_key       text PRIMARY KEY,
        name              text NOT NULL UNIQUE,
        labels            jsonb NOT NULL DEFAULT '{}',
        groups            jsonb NOT NULL DEFAULT '[]',
        created_at        timestamptz NOT NULL DEFAULT now(),
        last_generated_at timestamptz,
        last_received_at  timestamptz,
        last_score        integer,
        last_counts       jsonb,
        last_failing      jsonb
      );
      CREATE TABLE ingest_tokens (
        id           text PRIMARY KEY,
        cluster_key  text NOT NULL REFERENCES fleet_clusters (cluster_key) ON DELETE CASCADE,
        token_hash   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz,
        last_used_at timestamptz
      );
      CREATE INDEX ingest_tokens_cluster ON ingest_tokens (cluster_key);
      CREATE TABLE fleet_reports (
        cluster_key  text NOT NULL,
        doc_hash     text NOT NULL,
        generated_at timestamptz NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        score        integer NOT NULL,
        counts       jsonb NOT NULL,
        bytes        integer NOT NULL,
        PRIMARY KEY (cluster_key, doc_hash)
      );
      CREATE INDEX fleet_reports_cluster_generated ON fleet_reports (cluster_key, generated_at DESC)
    `,
  },
  {
    version: 7,
    name: 'audit aggregates',
    // The api-abuse detections' hourly aggregates per cluster (lib/server/audit-receiver.ts): one
    // row per detection, hour, actor and object, its details in row. Raw events are never stored.
    sql: `
      CREATE TABLE audit_aggregates (
        cluster_key  text NOT NULL,
        detection    text NOT NULL,
        hour         timestamptz NOT NULL,
        actor        text NOT NULL,
        impersonated text NOT NULL,
        object_kind  text NOT NULL,
        object_ns    text NOT NULL,
        object_name  text NOT NULL,
        count        integer NOT NULL,
        row          jsonb NOT NULL,
        PRIMARY KEY (cluster_key, detection, hour, actor, impersonated, object_kind, object_ns, object_name)
      );
      CREATE INDEX audit_aggregates_cluster_hour ON audit_aggregates (cluster_key, hour)
    `,
  },
  {
    version: 8,
    name: 'fleet summaries and ingest rate',
    // Written when a report is ingested, so /fleet reads one row per cluster and no document: the
    // report's fix-first changes, cut down (lib/posture/fleet-fix-first.ts), and the score a day
    // before it (the trend); a version bumped at every change of the row, so a replica re-reads
    // only the rows that changed (lib/fleet/summary-cache.ts). The ingest rate cap's window per
    // cluster, shared by every replica.
    sql: `
      ALTER TABLE fleet_clusters ADD COLUMN last_fixes jsonb;
      ALTER TABLE fleet_clusters ADD COLUMN last_day_before_score integer;
      ALTER TABLE fleet_clusters ADD COLUMN version integer NOT NULL DEFAULT 0;
      CREATE TABLE fleet_ingest_rate (
        cluster_key  text PRIMARY KEY REFERENCES fleet_clusters (cluster_key) ON DELETE CASCADE,
        window_start timestamptz NOT NULL,
        hits         integer NOT NULL
      )
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
