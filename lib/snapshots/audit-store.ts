// The audit webhook's hourly aggregates per cluster (migration 7), so findings outlive a restart.
// Every row carries its cluster's key; a save replaces the rows it names (the intake holds each
// hour's whole aggregate), and rows older than the retention are deleted.
import type { AuditAggregate } from '@/lib/posture/audit/aggregate';
import type { Sql } from './db';

export class AuditStore {
  constructor(private readonly sql: Sql) {}

  async save(clusterKey: string, rows: readonly AuditAggregate[]): Promise<void> {
    if (rows.length === 0) return;
    await this.sql.transaction(async (tx) => {
      for (const r of rows)
        await tx.query(
          `INSERT INTO audit_aggregates (cluster_key, detection, hour, actor, impersonated, object_kind, object_ns, object_name, count, row)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
           ON CONFLICT (cluster_key, detection, hour, actor, impersonated, object_kind, object_ns, object_name)
           DO UPDATE SET count = EXCLUDED.count, row = EXCLUDED.row`,
          [clusterKey, r.detection, r.hour, r.actor.user, r.actor.impersonated ?? '', r.object.kind, r.object.namespace ?? '', r.object.name, r.count, JSON.stringify(r)],
        );
    });
  }

  /** The cluster's rows from `sinceHour` on (ISO), oldest first. */
  async load(clusterKey: string, sinceHour: string): Promise<AuditAggregate[]> {
    const rows = await this.sql.query<{ row: unknown }>('SELECT row FROM audit_aggregates WHERE cluster_key = $1 AND hour >= $2 ORDER BY hour', [clusterKey, sinceHour]);
    return rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) : r.row) as AuditAggregate);
  }

  /** Deletes rows of every cluster older than `beforeHour`: the retention setting. */
  async prune(beforeHour: string): Promise<number> {
    return (await this.sql.query('DELETE FROM audit_aggregates WHERE hour < $1 RETURNING 1', [beforeHour])).length;
  }
}
