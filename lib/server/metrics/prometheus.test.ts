// /metrics' text, parsed as a Prometheus server would: the families it promises exist with the
// right types, and they move when a scan runs or a request is answered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { scanDemo } from '../../cluster/offline';
import { computePosture } from '../../posture/engine';
import { rescan, scanStats } from '../posture-service';
import { postureMetrics } from './prometheus';
import { installRequestTiming, routeLabeller } from './request-timing';
import { parseExposition, sampleValue as value, type Exposition } from './test-exposition';
import { isOpen } from '../../posture/types';

const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });
const stats = { lastDurationMs: 1234, succeeded: 3, failed: 1, error: null };

async function scrape(d: typeof doc | null = doc, s: Parameters<typeof postureMetrics>[1] = stats): Promise<Exposition> {
  return parseExposition(await postureMetrics(d, s));
}

describe('/metrics text', () => {
  it('parses, with the standard process and Node.js metrics', async () => {
    const f = await scrape();
    expect(f.types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(f.types.get('process_resident_memory_bytes')).toBe('gauge');
    expect(f.types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(f.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(f.types.get('nodejs_gc_duration_seconds')).toBe('histogram');
    expect(value(f, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('reports scores per area and namespace, findings by severity, checks and the last scan', async () => {
    const f = await scrape();
    expect(value(f, 'kube_posture_score', { cluster: doc.cluster.name })).toBe(doc.score);
    const scored = doc.areas.find((a) => a.score !== null)!;
    expect(value(f, 'kube_posture_area_score', { area: scored.id })).toBe(scored.score);
    expect(value(f, 'kube_posture_namespace_score', { namespace: 'payments' })).toBe(doc.namespaces.find((n) => n.name === 'payments')!.score);
    const critical = doc.findings.filter((x) => x.severity === 'critical' && isOpen(x)).length;
    expect(critical).toBeGreaterThan(0);
    expect(value(f, 'kube_posture_findings', { severity: 'critical' })).toBe(critical);
    expect(value(f, 'kube_posture_checks', { status: 'not_assessed' })).toBe(doc.checks.filter((c) => !c.assessed).length);
    expect(value(f, 'kube_posture_last_scan_duration_seconds')).toBe(1.234);
    expect(value(f, 'kube_posture_scan_up')).toBe(1);
    expect(f.types.get('kube_posture_scan_duration_seconds')).toBe('histogram');
    expect(f.types.get('kube_posture_http_request_duration_seconds')).toBe('histogram');
    expect(f.types.get('kube_posture_scans_total')).toBe('counter');
  });

  it('drops a namespace gone since the last scrape, and answers before any document with up=0', async () => {
    expect(value(await scrape(), 'kube_posture_namespace_score', { namespace: 'payments' })).toBeDefined();
    const without = { ...doc, namespaces: doc.namespaces.filter((n) => n.name !== 'payments') };
    expect(value(await scrape(without), 'kube_posture_namespace_score', { namespace: 'payments' })).toBeUndefined();
    const text = await postureMetrics(null, { ...stats, error: 'cannot reach https://10.0.0.1' });
    const f = parseExposition(text);
    expect(value(f, 'kube_posture_scan_up')).toBe(0);
    expect(value(f, 'kube_posture_score')).toBeUndefined();
    expect(text).not.toContain('10.0.0.1'); // error text stays out of label values
  });

  it('counts a scan in the scan histogram and counters when the posture service scans', async () => {
    const spec = { kind: 'demo' } as const;
    const before = await scrape();
    const labels = { source: 'demo', outcome: 'success' };
    const count = (f: Exposition) => value(f, 'kube_posture_scan_duration_seconds_count', labels) ?? 0;
    await rescan(spec);
    const after = await scrape(doc, scanStats(spec));
    expect(count(after)).toBe(count(before) + 1);
    expect(value(after, 'kube_posture_scans_total')).toBe((value(before, 'kube_posture_scans_total') ?? 0) + 1);
    expect(value(after, 'kube_posture_scan_duration_seconds_sum', labels)).toBeGreaterThan(
      value(before, 'kube_posture_scan_duration_seconds_sum', labels) ?? 0,
    );
    expect(value(after, 'kube_posture_scan_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(count(after));
    expect(value(after, 'kube_posture_last_scan_duration_seconds')).toBeGreaterThan(0);
  });

  it('times each request by its app route, method and status', async () => {
    installRequestTiming(['/', '/namespaces/[name]', '/api/snapshots/[id]', '/api/snapshots/import']);
    const server = http.createServer((req, res) => {
      res.statusCode = req.url?.startsWith('/namespaces/') ? 200 : 404;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const count = async (labels: Record<string, string>) => value(await scrape(), 'kube_posture_http_request_duration_seconds_count', labels) ?? 0;
      const page = { route: '/namespaces/[name]', method: 'GET', status: '200' };
      const before = await count(page);
      await fetch(`${base}/namespaces/payments?tab=x`);
      await fetch(`${base}/namespaces/legacy-crm`);
      await fetch(`${base}/no/such/page`);
      expect(await count(page)).toBe(before + 2);
      expect(await count({ route: 'other', status: '404' })).toBeGreaterThan(0);
    } finally {
      server.close();
    }
  });
});

describe('routeLabeller', () => {
  const label = routeLabeller(['/', '/namespaces', '/namespaces/[name]', '/api/snapshots/[id]', '/api/snapshots/import', '/docs/[...slug]', '/icon.svg']);
  it.each([
    ['/', '/'],
    ['/namespaces', '/namespaces'],
    ['/namespaces/payments', '/namespaces/[name]'],
    ['/api/snapshots/import', '/api/snapshots/import'],
    ['/api/snapshots/42', '/api/snapshots/[id]'],
    ['/docs/a/b/c', '/docs/[...slug]'],
    ['/icon.svg', '/icon.svg'],
    ['/iconXsvg', 'other'],
    ['/_next/static/chunks/x.js', '/_next/static'],
    ['/namespaces/a/b', 'other'],
  ])('%s -> %s', (p, want) => {
    expect(label(p)).toBe(want);
  });
});
