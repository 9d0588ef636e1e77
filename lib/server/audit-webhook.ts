// The audit webhook as the server runs it: the deployment's own cluster (the API server that
// holds the webhook config is the one kube-posture reads) and its intake (audit-intakes.ts).
import { sourceFromEnv } from '../cluster/source';
import { auditReceiverConfig, handleAuditWebhook } from './audit-receiver';
import { intakeFor } from './audit-intakes';
import { auditTlsConfig, startAuditTlsListener } from './audit-tls';
import { AUDIT_WEBHOOK_PATH } from './audit-token';
import { clusterOf } from './request-source';

export async function serveAuditWebhook(request: Request): Promise<Response> {
  const cfg = auditReceiverConfig();
  if (!cfg.token) return handleAuditWebhook(request, cfg, null);
  const cluster = clusterOf(sourceFromEnv());
  return handleAuditWebhook(request, cfg, await intakeFor(cluster.key, cluster.spec));
}

/** The mutual-TLS listener (audit-tls.ts) when POSTURE_AUDIT_TLS_PORT is set; a bad setting is logged, the dashboard serves on. */
export async function startAuditTls(env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    const cfg = auditTlsConfig(env);
    if (!cfg) return;
    const cluster = clusterOf(sourceFromEnv());
    await startAuditTlsListener(cfg, auditReceiverConfig(env), () => intakeFor(cluster.key, cluster.spec, env));
    const who = cfg.names.length ? `certificates named ${cfg.names.join(', ')}` : 'any certificate POSTURE_AUDIT_TLS_CLIENT_CA signed (set POSTURE_AUDIT_TLS_CLIENT_NAMES unless that CA is for this alone)';
    console.log(`[audit] webhook over mutual TLS on port ${cfg.port} (POST ${AUDIT_WEBHOOK_PATH}), taking ${who}`);
  } catch (e) {
    console.error(`[audit] the mutual-TLS webhook listener did not start: ${(e as Error).message}`);
  }
}
