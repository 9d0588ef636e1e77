// The last audit events kept for display (at most RING_SIZE, never bodies): the webhook
// intake's ring for the request's cluster, and for the demo its own audit log's last events.
// Cluster-wide viewers only: the events name any namespace's objects (/audit: 404 to others,
// GET /api/audit/events: 403).
import { readAuditFile } from '../audit/read-log';
import { DEMO_AUDIT_LOG } from '../cluster/offline';
import type { AuditEvent } from '../posture/audit/event';
import { recentEvent, ringEntry, type RecentAuditEvent } from '../posture/audit/recent';
import { intakeFor } from './audit-intakes';
import { RING_SIZE } from './audit-receiver';
import { requireClusterIdentity } from './auth/guard';
import { getPosture } from './posture-service';
import type { ClusterRef } from './request-source';

export interface RecentAuditEvents {
  /** Newest first. */
  events: RecentAuditEvent[];
  /** Whether the webhook receiver is on (POSTURE_AUDIT_TOKEN or POSTURE_AUDIT_TLS_PORT). */
  receiving: boolean;
  demo: boolean;
}

let demoRing: Promise<AuditEvent[]> | null = null;

function demoEvents(): Promise<AuditEvent[]> {
  demoRing ??= (async () => {
    const ring: AuditEvent[] = [];
    await readAuditFile(DEMO_AUDIT_LOG, (e) => (ring.push(ringEntry(e)), ring.length > RING_SIZE && ring.shift()), { files: 0, lines: 0, skipped: 0 });
    return ring;
  })();
  return demoRing;
}

export async function recentAuditEvents(cluster: ClusterRef, env: Record<string, string | undefined> = process.env): Promise<RecentAuditEvents> {
  const receiving = Boolean(env.POSTURE_AUDIT_TOKEN || env.POSTURE_AUDIT_TLS_PORT);
  const demo = cluster.spec.kind === 'demo';
  const kept = [...(demo ? await demoEvents() : []), ...(receiving ? (await intakeFor(cluster.key, cluster.spec, env)).ring : [])];
  return { events: kept.slice(-RING_SIZE).map(recentEvent).reverse(), receiving, demo };
}

/** What /audit shows. */
export async function loadAuditEventsPage() {
  const identity = await requireClusterIdentity();
  const [{ doc }, recent] = await Promise.all([getPosture(identity.cluster.spec), recentAuditEvents(identity.cluster)]);
  return { doc, ...recent };
}

export type AuditEventsPageData = Awaited<ReturnType<typeof loadAuditEventsPage>>;
