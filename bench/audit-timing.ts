// Audit log ingest (issue 18): events per second through the streamed reader and the
// detections, against reading the same lines and JSON.parse alone, over a log generated
// streamed to disk (BENCH_AUDIT_BYTES, default 2 GiB); RSS sampled during the ingest to show it
// stays flat whatever the size.
import { createWriteStream, createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { READ_CHUNK, readAuditLogs } from '../lib/audit/read-log';
import { AuditAggregator } from '../lib/posture/audit/aggregate';
import { AUDIT_DETECTIONS } from '../lib/posture/checks/api-abuse/index';

export interface AuditTiming {
  bytes: number;
  events: number;
  parseMs: number;
  ingestMs: number;
  /** CPU time of the same two, which other processes on the machine do not inflate. */
  parseCpuMs: number;
  ingestCpuMs: number;
  rssEarlyBytes: number;
  rssPeakBytes: number;
  rows: number;
}

const USERS = ['alice@example.com', 'bob@example.com', 'system:serviceaccount:shop:web', 'system:serviceaccount:ci:deployer', 'system:node:worker-1', 'system:kube-controller-manager'];
const SHAPES = [
  (i: number, u: string, t: string) => ({ verb: 'get', uri: `/api/v1/namespaces/ns-${i % 50}/pods/web-${i % 997}`, objectRef: { resource: 'pods', namespace: `ns-${i % 50}`, name: `web-${i % 997}`, apiVersion: 'v1' }, u, t }),
  (i: number, u: string, t: string) => ({ verb: 'get', uri: `/api/v1/namespaces/ns-${i % 50}/secrets/s-${i % 313}`, objectRef: { resource: 'secrets', namespace: `ns-${i % 50}`, name: `s-${i % 313}`, apiVersion: 'v1' }, u, t }),
  (i: number, u: string, t: string) => ({ verb: 'watch', uri: `/api/v1/configmaps?watch=true`, objectRef: { resource: 'configmaps', apiVersion: 'v1' }, u, t }),
  (i: number, u: string, t: string) => ({ verb: 'create', uri: `/api/v1/namespaces/ns-${i % 50}/pods/web-${i % 997}/exec?command=sh`, objectRef: { resource: 'pods', namespace: `ns-${i % 50}`, name: `web-${i % 997}`, subresource: 'exec', apiVersion: 'v1' }, u, t }),
  (i: number, u: string, t: string) => ({ verb: 'update', uri: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-${i % 40}`, objectRef: { resource: 'leases', namespace: 'kube-node-lease', name: `worker-${i % 40}`, apiGroup: 'coordination.k8s.io', apiVersion: 'v1' }, u, t }),
];

function line(i: number, start: number): string {
  // Mostly reads and lease renewals, as real logs are; an exec in every 500 events.
  const shape = SHAPES[i % 500 === 0 ? 3 : [0, 1, 2, 4][i % 4]!]!;
  const t = new Date(start + i * 7).toISOString().replace('Z', '123Z');
  const s = shape(i, USERS[(i * 7) % USERS.length]!, t);
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    stage: 'ResponseComplete',
    requestURI: s.uri,
    verb: s.verb,
    user: { username: s.u, uid: `uid-${i % 17}`, groups: ['system:authenticated'] },
    sourceIPs: [`10.0.${i % 250}.${i % 200}`],
    userAgent: 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46',
    objectRef: s.objectRef,
    responseStatus: { metadata: {}, code: i % 41 === 0 ? 403 : 200 },
    requestReceivedTimestamp: s.t,
    stageTimestamp: s.t,
    annotations: { 'authorization.k8s.io/decision': i % 41 === 0 ? 'forbid' : 'allow', 'authorization.k8s.io/reason': 'RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to User "z"' },
  });
}

/** Writes ~bytes of audit log, streamed (never held), and returns its path and event count. */
async function generate(bytes: number): Promise<{ file: string; events: number }> {
  const file = path.join(os.tmpdir(), `kp-bench-audit-${process.pid}.log`);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const start = Date.parse('2026-12-01T00:00:00Z');
  let written = 0;
  let i = 0;
  while (written < bytes) {
    let chunk = '';
    for (let k = 0; k < 2000; k++) chunk += line(i++, start) + '\n';
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { file, events: i };
}

/** The same lines, split the same way, each through JSON.parse and nothing else. */
async function parseOnly(file: string): Promise<number> {
  let carry = '';
  let n = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK, encoding: 'utf8' })) {
    const text = carry + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      if (JSON.parse(text.slice(from, nl))) n++;
      from = nl + 1;
    }
    carry = text.slice(from);
  }
  return n;
}

export async function timeAuditIngest(bytes = Number(process.env.BENCH_AUDIT_BYTES ?? 2 * 1024 ** 3)): Promise<AuditTiming> {
  const { file, events } = await generate(bytes);
  try {
    const size = (await stat(file)).size;
    const cpuMs = (from: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(from);
      return (d.user + d.system) / 1000;
    };
    let c = process.cpuUsage();
    let t = performance.now();
    await parseOnly(file);
    const parseMs = performance.now() - t;
    const parseCpuMs = cpuMs(c);
    const samples: { at: number; rss: number }[] = [];
    const timer = setInterval(() => samples.push({ at: performance.now(), rss: process.memoryUsage().rss }), 100);
    const agg = new AuditAggregator(AUDIT_DETECTIONS);
    c = process.cpuUsage();
    t = performance.now();
    await readAuditLogs([file], agg);
    const ingestMs = performance.now() - t;
    const ingestCpuMs = cpuMs(c);
    clearInterval(timer);
    // RSS a tenth of the way in, against the highest seen: flat means the second is not much above the first.
    const early = samples.find((s) => s.at - t >= ingestMs / 10) ?? samples[0];
    return {
      bytes: size,
      events,
      parseMs,
      ingestMs,
      parseCpuMs,
      ingestCpuMs,
      rssEarlyBytes: early?.rss ?? 0,
      rssPeakBytes: Math.max(0, ...samples.map((s) => s.rss)),
      rows: agg.result([]).rows.length,
    };
  } finally {
    await rm(file, { force: true });
  }
}

if (process.argv[1]?.endsWith('audit-timing.ts')) timeAuditIngest().then((t) => console.log(t));
