// A detection: which audit events it counts, and how many (or how many distinct things) an
// actor must reach on one object within one hour before it is a finding. Events are folded
// into hourly aggregates as they stream in (aggregate.ts); a detection's check
// (checks/api-abuse/<id>.ts) turns the aggregates that reach its threshold into findings.
import type { AuditEvent } from './event';

export interface DetectionHit {
  /** The object the finding names: what was read, created, bound, or the actor itself. */
  object: { kind: string; namespace: string | null; name: string };
  /** What the actor did, in a few words with no cluster names ("exec into the pod"). */
  what: string;
  /** For a threshold on distinct things (Secrets read in a burst): the thing this event touched. */
  distinct?: string;
}

export interface DetectionRule {
  /** Aggregates are per hour: a threshold is reached within one clock hour. */
  window: 'hour';
  /** Events per actor, object and hour (count), or distinct things among them (distinct); both must hold when both are set. */
  threshold: { count?: number; distinct?: number };
  /** Where the rule comes from and what noise it avoids, for the catalogue. */
  match(e: AuditEvent): DetectionHit | null;
}

export interface Detection extends DetectionRule {
  id: string;
}

/** Whether an hour's aggregate reaches the rule's threshold. */
export function reaches(rule: Pick<DetectionRule, 'threshold'>, row: { count: number; distinct: string[] }): boolean {
  const { count = 1, distinct } = rule.threshold;
  return row.count >= count && (distinct === undefined || row.distinct.length >= distinct);
}
