// The audit webhook as the server runs it: the deployment's own cluster (the API server that
// holds the webhook config is the one kube-posture reads), its intake, and a rescan at most once
// per AUDIT_REFRESH_SECONDS after new events were folded, so findings follow without a scan per batch.
import { sourceFromEnv } from '../cluster/source';
import { AuditIntake, auditReceiverConfig, handleAuditWebhook } from './audit-receiver';
import { intakeFor } from './audit-intakes';
import { invalidatePosture } from './posture-service';
import { clusterOf } from './request-source';

export function serveAuditWebhook(request: Request): Promise<Response> {
  const cfg = auditReceiverConfig();
  const cluster = clusterOf(sourceFromEnv());
  const refreshMs = Number(process.env.AUDIT_REFRESH_SECONDS ?? 60) * 1000;
  let last = 0;
  const intake = intakeFor(
    cluster.key,
    () =>
      new AuditIntake(cfg.retentionHours, () => {
        if (Date.now() - last < refreshMs) return;
        last = Date.now();
        invalidatePosture(cluster.spec);
      }),
  );
  return handleAuditWebhook(request, cfg, intake);
}
