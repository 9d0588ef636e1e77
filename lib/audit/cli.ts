// The CLI's audit input: files folded into the aggregates the api-abuse detections read.
import { AuditAggregator, type AuditData } from '../posture/audit/aggregate';
import { AUDIT_DETECTIONS } from '../posture/checks/api-abuse/index';
import { readAuditLogs } from './read-log';

export async function readAuditData(files: readonly string[]): Promise<AuditData> {
  const agg = new AuditAggregator(AUDIT_DETECTIONS);
  const { sources, skipped } = await readAuditLogs(files, agg);
  if (skipped > 0) process.stderr.write(`kube-posture: ${skipped} audit log line(s) or value(s) were not audit events and were skipped\n`);
  return agg.result(sources);
}
