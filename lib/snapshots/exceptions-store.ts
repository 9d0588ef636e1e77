// Stored exceptions (migration 4), one cluster's at a time: every read, change and delete is
// bound to a cluster key, and every change writes its audit row in the same transaction.
import { randomUUID } from 'node:crypto';
import type { ExceptionScope, PostureException } from '@/lib/posture/triage/exceptions';
import type { Sql } from './db';

export interface StoredException extends PostureException {
  clusterKey: string;
  createdAt: string;
  updatedAt: string;
}

export type ExceptionFields = Pick<PostureException, 'checkId' | 'scope' | 'reason' | 'owner' | 'expires'>;

export interface AuditEntry {
  id: string;
  exceptionId: string;
  action: 'create' | 'update' | 'delete';
  actor: string;
  at: string;
  before: StoredException | null;
  after: StoredException | null;
}

type Row = {
  id: string;
  cluster_key: string;
  check_id: string;
  scope: ExceptionScope | string;
  reason: string;
  owner: string;
  expires: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};
type AuditRow = { id: string; exception_id: string; action: AuditEntry['action']; actor: string; at: Date | string; before: unknown; after: unknown };

const COLS = 'id, cluster_key, check_id, scope, reason, owner, expires, created_by, created_at, updated_at';
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function toException(r: Row): StoredException {
  return {
    id: r.id,
    clusterKey: r.cluster_key,
    checkId: r.check_id,
    scope: json<ExceptionScope>(r.scope),
    reason: r.reason,
    owner: r.owner,
    expires: r.expires,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export class ExceptionStore {
  constructor(private readonly sql: Sql) {}

  async list(clusterKey: string): Promise<StoredException[]> {
    return (await this.sql.query<Row>(`SELECT ${COLS} FROM posture_exceptions WHERE cluster_key = $1 ORDER BY created_at, id`, [clusterKey])).map(toException);
  }

  async get(id: string, clusterKey: string): Promise<StoredException | null> {
    const r = (await this.sql.query<Row>(`SELECT ${COLS} FROM posture_exceptions WHERE id = $1 AND cluster_key = $2`, [id, clusterKey]))[0];
    return r ? toException(r) : null;
  }

  async create(clusterKey: string, fields: ExceptionFields, actor: string, now = new Date()): Promise<StoredException> {
    if (!clusterKey) throw new Error('an exception must belong to a cluster');
    return this.sql.transaction(async (tx) => {
      const rows = await tx.query<Row>(
        `INSERT INTO posture_exceptions (id, cluster_key, check_id, scope, reason, owner, expires, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $9) RETURNING ${COLS}`,
        [randomUUID(), clusterKey, fields.checkId, JSON.stringify(fields.scope), fields.reason, fields.owner, fields.expires, actor, now.toISOString()],
      );
      const created = toException(rows[0]!);
      await audit(tx, clusterKey, created.id, 'create', actor, null, created, now);
      return created;
    });
  }

  /** Changes an exception of cluster `clusterKey`; null when that cluster has no such exception. */
  async update(id: string, clusterKey: string, changes: Partial<ExceptionFields>, actor: string, now = new Date()): Promise<StoredException | null> {
    return this.sql.transaction(async (tx) => {
      const r = (await tx.query<Row>(`SELECT ${COLS} FROM posture_exceptions WHERE id = $1 AND cluster_key = $2 FOR UPDATE`, [id, clusterKey]))[0];
      if (!r) return null;
      const before = toException(r);
      const next = { ...before, ...changes };
      const rows = await tx.query<Row>(
        `UPDATE posture_exceptions SET check_id = $3, scope = $4::jsonb, reason = $5, owner = $6, expires = $7, updated_at = $8
         WHERE id = $1 AND cluster_key = $2 RETURNING ${COLS}`,
        [id, clusterKey, next.checkId, JSON.stringify(next.scope), next.reason, next.owner, next.expires, now.toISOString()],
      );
      const after = toException(rows[0]!);
      await audit(tx, clusterKey, id, 'update', actor, before, after, now);
      return after;
    });
  }

  async delete(id: string, clusterKey: string, actor: string, now = new Date()): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const r = (await tx.query<Row>(`DELETE FROM posture_exceptions WHERE id = $1 AND cluster_key = $2 RETURNING ${COLS}`, [id, clusterKey]))[0];
      if (!r) return false;
      await audit(tx, clusterKey, id, 'delete', actor, toException(r), null, now);
      return true;
    });
  }

  /** The audit trail of one cluster's exceptions, newest first. */
  async auditTrail(clusterKey: string, limit = 500): Promise<AuditEntry[]> {
    const rows = await this.sql.query<AuditRow>(
      `SELECT id, exception_id, action, actor, at, before, after FROM exception_audit WHERE cluster_key = $1 ORDER BY at DESC, id LIMIT $2`,
      [clusterKey, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      exceptionId: r.exception_id,
      action: r.action,
      actor: r.actor,
      at: iso(r.at),
      before: r.before === null ? null : json<StoredException>(r.before),
      after: r.after === null ? null : json<StoredException>(r.after),
    }));
  }
}

async function audit(
  tx: Pick<Sql, 'query'>,
  clusterKey: string,
  exceptionId: string,
  action: AuditEntry['action'],
  actor: string,
  before: StoredException | null,
  after: StoredException | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO exception_audit (id, cluster_key, exception_id, action, actor, at, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [randomUUID(), clusterKey, exceptionId, action, actor, now.toISOString(), before && JSON.stringify(before), after && JSON.stringify(after)],
  );
}
