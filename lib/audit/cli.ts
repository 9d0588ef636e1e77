// Audit log files folded into the aggregates the api-abuse detections read: the CLI's --audit-log,
// and the demo's own log (lib/demo/audit/audit.log, with planted abuse).
import { AuditAggregator, type AuditData } from '../posture/audit/aggregate';
import { AUDIT_DETECTIONS } from '../posture/checks/api-abuse/index';
import { readAuditLogs } from './read-log';

export async function readAuditData(files: readonly string[], opts: { quiet?: boolean } = {}): Promise<AuditData> {
  const agg = new AuditAggregator(AUDIT_DETECTIONS);
  const { sources, skipped } = await readAuditLogs(files, agg);
  if (skipped > 0 && !opts.quiet) process.stderr.write(`kube-posture: ${skipped} audit log line(s) or value(s) were not audit events and were skipped\n`);
  return agg.result(sources);
}
