import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AuditAggregator } from '../posture/audit/aggregate';
import { auditEvent } from '../posture/audit/test-events';
import { AUDIT_DETECTIONS } from '../posture/checks/api-abuse/index';
import { MAX_LINE, readAuditLogs } from './read-log';

const dir = mkdtempSync(path.join(tmpdir(), 'audit-log-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const exec = (i: number) => auditEvent({ verb: 'create', resource: 'pods', namespace: 'shop', name: `web-${i}`, subresource: 'exec', auditID: `id-${i}` });
const lines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => JSON.stringify(exec(from + i))).join('\n') + '\n';

async function read(...files: string[]) {
  const agg = new AuditAggregator(AUDIT_DETECTIONS);
  const stats = await readAuditLogs(files, agg);
  const rows = agg.result(stats.sources).rows.filter((r) => r.detection === 'api-abuse.exec-by-people');
  return { stats, events: agg.events, execs: rows.reduce((n, r) => n + r.count, 0) };
}

describe('readAuditLogs', () => {
  it('reads JSON lines, a rotated gzipped file and a file without a final newline', async () => {
    const r = await read(file('audit.log', lines(3)), file('audit-2026-12-01T10-00-00.000.log.gz', gzipSync(lines(4, 3))), file('tail.log', lines(2, 7).trimEnd()));
    expect(r).toMatchObject({ events: 9, execs: 9, stats: { files: 3, skipped: 0 } });
  });

  it('reads EventList documents, on one line or pretty-printed, streamed item by item', async () => {
    const list = (from: number, n: number) => ({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', metadata: {}, items: Array.from({ length: n }, (_, i) => exec(from + i)) });
    const oneLine = file('batch.json', JSON.stringify(list(0, 2)) + '\n' + JSON.stringify(list(2, 2)) + '\n');
    const pretty = file('pretty.json', JSON.stringify(list(4, 3), null, 2));
    expect(await read(oneLine, pretty)).toMatchObject({ events: 7, execs: 7 });
  });

  it('skips what is not an audit event, and a line too long to hold, without losing the rest', async () => {
    const junk = `not json\n{"kind":"Pod","apiVersion":"v1"}\n{"verb":"get"}\n${'x'.repeat(MAX_LINE + 10)}\n`;
    const r = await read(file('mixed.log', lines(1) + junk + lines(1, 1)));
    expect(r).toMatchObject({ events: 2, stats: { skipped: 4 } });
  });

  it('names the file that cannot be read', async () => {
    await expect(read(path.join(dir, 'missing.log'))).rejects.toThrow(/cannot read audit log .*missing\.log/);
  });
});
