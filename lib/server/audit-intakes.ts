// One audit intake per cluster, kept for the process (the aggregates are bounded), and what the
// posture is computed with: the cluster's aggregates once events have arrived.
import type { AuditData } from '../posture/audit/aggregate';
import { AuditIntake } from './audit-receiver';

const g = globalThis as typeof globalThis & { __kpAuditIntakes?: Map<string, AuditIntake> };
const intakes = (g.__kpAuditIntakes ??= new Map());

export function intakeFor(clusterKey: string, make: () => AuditIntake): AuditIntake {
  let i = intakes.get(clusterKey);
  if (!i) intakes.set(clusterKey, (i = make()));
  return i;
}

/** The cluster's audit aggregates, or undefined when no event has arrived (the detections are then not assessed). */
export function auditDataFor(clusterKey: string): AuditData | undefined {
  const data = intakes.get(clusterKey)?.data();
  return data && data.events > 0 ? data : undefined;
}
