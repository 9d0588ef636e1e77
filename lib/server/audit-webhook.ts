// The audit webhook as the server runs it: the deployment's own cluster (the API server that
// holds the webhook config is the one kube-posture reads) and its intake (audit-intakes.ts).
import { sourceFromEnv } from '../cluster/source';
import { auditReceiverConfig, handleAuditWebhook } from './audit-receiver';
import { intakeFor } from './audit-intakes';
import { clusterOf } from './request-source';

export async function serveAuditWebhook(request: Request): Promise<Response> {
  const cfg = auditReceiverConfig();
  if (!cfg.token) return handleAuditWebhook(request, cfg, null);
  const cluster = clusterOf(sourceFromEnv());
  return handleAuditWebhook(request, cfg, await intakeFor(cluster.key, cluster.spec));
}
