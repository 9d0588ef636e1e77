// One audit intake per cluster, kept for the process (the aggregates are bounded) and in the store
// (lib/snapshots/audit-store.ts), so a restart keeps what was seen within the retention.
import type { AuditData } from '../posture/audit/aggregate';
import type { SourceSpec } from '../cluster/source';
import { AuditStore } from '../snapshots/audit-store';
import { AuditIntake, auditReceiverConfig } from './audit-receiver';
import { appStore } from './snapshot-store';

const g = globalThis as typeof globalThis & { __kpAuditIntakes?: Map<string, Promise<AuditIntake>> };
const intakes = (g.__kpAuditIntakes ??= new Map());

async function auditStore(): Promise<AuditStore> {
  return new AuditStore((await appStore().get()).sql);
}

/**
 * The cluster's intake, restored from the store on first use. New aggregates are saved after each
 * batch is folded, and the posture is rescanned at most once per AUDIT_REFRESH_SECONDS.
 */
export function intakeFor(clusterKey: string, spec: SourceSpec, env: Record<string, string | undefined> = process.env): Promise<AuditIntake> {
  let p = intakes.get(clusterKey);
  if (!p) {
    p = (async () => {
      const cfg = auditReceiverConfig(env);
      const refreshMs = Number(env.AUDIT_REFRESH_SECONDS ?? 60) * 1000;
      let last = 0;
      const intake = new AuditIntake(cfg.retentionHours, (changed) => {
        void auditStore()
          .then(async (s) => {
            await s.save(clusterKey, changed);
            await s.prune(intake.retainedFrom());
          })
          .catch((e) => console.error(`[audit] storing aggregates failed: ${(e as Error).message}`));
        if (Date.now() - last < refreshMs) return;
        last = Date.now();
        // Imported here: the posture service reads this module's aggregates.
        void import('./posture-service').then((m) => m.invalidatePosture(spec));
      });
      try {
        intake.restore(await (await auditStore()).load(clusterKey, intake.retainedFrom()));
      } catch (e) {
        console.error(`[audit] reading stored aggregates failed: ${(e as Error).message}`);
      }
      return intake;
    })();
    intakes.set(clusterKey, p);
  }
  return p;
}

/** The cluster's audit aggregates, or undefined when the webhook (bearer or mutual TLS) is off or no event has arrived (the detections are then not assessed). */
export async function auditDataFor(clusterKey: string, spec: SourceSpec, env: Record<string, string | undefined> = process.env): Promise<AuditData | undefined> {
  if (!env.POSTURE_AUDIT_TOKEN && !env.POSTURE_AUDIT_TLS_PORT && !intakes.has(clusterKey)) return undefined;
  const data = (await intakeFor(clusterKey, spec, env)).data();
  return data.events > 0 ? data : undefined;
}
