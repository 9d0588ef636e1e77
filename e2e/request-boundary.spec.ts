// The request boundary (lib/server/boundary, SECURITY.md "Request boundary"), attacked against a
// running server: what must be refused before authentication, before any body is buffered, and
// before start-up has finished.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AUTH_E2E } from './auth-fixtures';
import { OFF_SITE_NEXT } from './open-redirect-payloads';
import { FORGED_TARGETS, freePort, hammer, nextStartArgs, request, rssBytes, spawnLogged, type HammerResult, type Spawned } from './boundary-helpers';
import { PORTS } from './ports';

// The suite's servers (playwright.config.ts): AUTH_MODE=none on loopback, and AUTH_MODE=token.
const NONE = `http://127.0.0.1:${PORTS.base}`;
const TOKEN = `http://127.0.0.1:${PORTS.auth}`;

// AUTH_MODE=proxy whose only trusted proxy is 127.0.0.2: requests from 127.0.0.1 are outsiders.
const PROXY = '127.0.0.2';
const VIEWER = { 'x-forwarded-user': 'ops@example.com', 'x-forwarded-groups': 'sre' };
// An outsider's forgery: identity headers plus a peer-address header naming the trusted proxy.
const FORGED = { 'x-forwarded-user': 'mallory@example.com', 'x-forwarded-groups': 'sre', 'x-kp-peer-address': PROXY };

test.describe('request boundary: a proxy-mode server of its own', () => {
  test.setTimeout(120_000);

  let server: Spawned;
  let base = '';
  let dataDir = '';
  let startup: HammerResult;
  let readyAfterMs = 0;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kp-boundary-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', POSTURE_SOURCE: 'demo', DATA_DIR: dataDir };
    for (const k of Object.keys(env)) if (k.startsWith('AUTH_') || ['METRICS_TOKEN', 'ALLOWED_HOSTS', 'DATABASE_URL', 'KUBECONFIG'].includes(k)) delete env[k];
    Object.assign(env, { AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED_CIDRS: `${PROXY}/32`, AUTH_ADMIN_GROUPS: 'sre' });
    server = spawnLogged(process.execPath, nextStartArgs('127.0.0.1', port), { env });
    // The attack starts before the port opens and runs until the server serves the real proxy.
    const flood = hammer(base, FORGED_TARGETS, FORGED);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const res = await request(`${base}/api/posture/overview`, { headers: VIEWER, localAddress: PROXY }).catch(() => null);
      if (res?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`the server never served the trusted proxy:\n${server.log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    readyAfterMs = Date.now() - deadline + 90_000;
    await new Promise((r) => setTimeout(r, 500));
    startup = await flood.stop();
  });

  test.afterEach(async ({}, info) => {
    if (info.status !== info.expectedStatus) await info.attach('server log', { body: server.log(), contentType: 'text/plain' });
  });

  test.afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('boundary-startup: forged identity headers are never served, from the moment the port opens', async () => {
    test.info().annotations.push({ type: 'statuses during start-up', description: `${JSON.stringify(startup.statuses)}, ready after ${readyAfterMs} ms` });
    expect(startup.served, `served to forged headers: ${JSON.stringify(startup.served.slice(0, 5))}`).toEqual([]);
    // The flood reached the server, and after start-up the gate refused it.
    expect(startup.statuses[401] ?? 0).toBeGreaterThan(0);
  });

  test('boundary-nopreload: AUTH_MODE=proxy refuses to start without the preload', async () => {
    const port = await freePort();
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', POSTURE_SOURCE: 'demo', AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED_CIDRS: `${PROXY}/32`, DATA_DIR: dataDir };
    const bare = spawnLogged(process.execPath, nextStartArgs('127.0.0.1', port, false), { env });
    const timer = setTimeout(() => bare.child.kill('SIGKILL'), 60_000);
    const code = await bare.exited;
    clearTimeout(timer);
    expect(bare.log()).toContain('AUTH_MODE=proxy needs the request boundary loaded before the server');
    expect(code).toBe(1);
  });

  test('boundary-body-rss: 50 concurrent unauthenticated 10 MiB POSTs are refused before they are buffered', async () => {
    const pid = server.child.pid!;
    const before = rssBytes(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 25);
    const body = Buffer.alloc(10 * 1024 * 1024, 'a');
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(`${base}/api/no-such-route`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }).then(
          (r) => r.status,
          () => 'reset',
        ),
      ),
    );
    await new Promise((r) => setTimeout(r, 200));
    clearInterval(sampler);
    const growthMiB = (peak - before) / 1024 / 1024;
    test.info().annotations.push({ type: 'RSS', description: `before ${(before / 2 ** 20).toFixed(0)} MiB, peak growth ${growthMiB.toFixed(1)} MiB` });
    expect(outcomes.filter((o) => o !== 401 && o !== 'reset'), 'only refusals').toEqual([]);
    expect(outcomes).toContain(401);
    // Refused at the boundary the growth is about 1 MiB; buffered by the framework (the bug) it was 167 MiB and more.
    expect(growthMiB).toBeLessThan(64);
  });

  test('boundary-body-declared: an unauthenticated or oversized declared body is refused before it is sent', async () => {
    // Headers only: the refusal must come without the server waiting for (or reading) the body.
    const head = (method: string, p: string, headers: Record<string, string>) =>
      `${method} ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`;
    const json = { 'Content-Type': 'application/json' };
    expect(await rawStatus(base, head('POST', '/api/snapshots', { ...json, 'Content-Length': String(10 * 2 ** 20) }))).toBe(401);
    expect(await rawStatus(base, head('POST', '/api/scan', { ...json, ...FORGED, 'Content-Length': '100' }))).toBe(401);
    // A viewer (through the trusted proxy): 16 KiB for small JSON, 20 MiB for an import.
    expect(await rawStatus(base, head('POST', '/api/contexts', { ...json, ...VIEWER, 'Content-Length': String(16 * 1024 + 1) }), PROXY)).toBe(413);
    expect(await rawStatus(base, head('POST', '/api/snapshots/import', { ...json, ...VIEWER, 'Content-Length': String(20 * 2 ** 20 + 1) }), PROXY)).toBe(413);
    // A chunked body is counted as it arrives: refused once past the limit, however long it goes on.
    expect(await rawStatus(base, head('POST', '/api/contexts', { ...json, ...VIEWER, 'Transfer-Encoding': 'chunked' }), PROXY, 64 * 1024)).toBe(413);
  });

  test('boundary-import-15mib: a valid 15 MiB export imports for a cluster viewer', async () => {
    const current = await request(`${base}/api/posture`, { headers: VIEWER, localAddress: PROXY });
    expect(current.status).toBe(200);
    const doc = JSON.parse(current.body);
    const findings = doc.findings as unknown[];
    expect(findings.length).toBeGreaterThan(0);
    // The same findings repeated: still a valid posture document, now 15 MiB of it.
    const per = Buffer.byteLength(JSON.stringify(findings)) / findings.length;
    doc.findings = Array.from({ length: Math.ceil((15 * 2 ** 20) / per) }, (_, i) => findings[i % findings.length]);
    // The figures follow the findings, as the import holds them to (lib/snapshots/consistency.ts).
    recount(doc);
    const body = JSON.stringify(doc);
    expect(body.length).toBeGreaterThan(15 * 2 ** 20);
    expect(body.length).toBeLessThan(20 * 2 ** 20);
    const res = await request(`${base}/api/snapshots/import?label=fifteen-mib`, {
      method: 'POST',
      body,
      headers: { ...VIEWER, 'content-type': 'application/json' },
      localAddress: PROXY,
      timeoutMs: 60_000,
    });
    expect(res.status, res.body.slice(0, 300)).toBe(201);
    expect(JSON.parse(res.body).snapshot).toMatchObject({ label: 'fifteen-mib' });
  });

  test('boundary-hsts: Strict-Transport-Security only when a trusted proxy says the browser used https', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await request(`${base}/healthz`, { headers: https, localAddress: PROXY })).headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await request(`${base}/api/posture`, { headers: { ...https, ...VIEWER }, localAddress: PROXY })).headers['strict-transport-security']).toBe(
      'max-age=31536000',
    );
    // A client's own claim, or plain http from the proxy: no HSTS.
    expect((await request(`${base}/healthz`, { headers: https })).headers['strict-transport-security']).toBeUndefined();
    expect((await request(`${base}/healthz`, { localAddress: PROXY })).headers['strict-transport-security']).toBeUndefined();
  });

  test('boundary-malformed-path: a malformed percent-encoding is a 400 with the security headers', async () => {
    for (const p of ['/namespaces/%E0%A4%A', '/namespaces/%E0%A4', '/api/rbac/subjects/User/%ZZ']) {
      const res = await request(base + p, { headers: VIEWER, localAddress: PROXY });
      expect(res.status, p).toBe(400);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      });
    }
  });
});

test.describe('request boundary: the suite servers', () => {
  test('boundary-prefetch: prefetch headers do not skip authentication', async () => {
    const prefetches: Record<string, string>[] = [{ 'next-router-prefetch': '1' }, { purpose: 'prefetch' }];
    for (const prefetch of prefetches) {
      const say = JSON.stringify(prefetch);
      expect((await request(`${TOKEN}/api/contexts`, { headers: prefetch })).status, say).toBe(401);
      expect((await request(`${TOKEN}/api/posture/stamp`, { headers: prefetch })).status, say).toBe(401);
      const post = await request(`${TOKEN}/api/contexts`, {
        method: 'POST',
        headers: { ...prefetch, 'content-type': 'application/json' },
        body: JSON.stringify({ context: 'fake-cluster' }),
      });
      expect(post.status, say).toBe(401);
      expect(post.headers['set-cookie'], say).toBeUndefined();
      const page = await request(`${TOKEN}/findings`, { headers: prefetch });
      expect(page.status, say).toBe(303);
      expect(page.headers.location, say).toMatch(/^\/signin\?next=%2Ffindings$/);
    }
  });

  test('boundary-host: AUTH_MODE=none answers only to its own names (DNS rebinding)', async () => {
    const port = new URL(NONE).port;
    const foreign = { host: `rebound.evil.example:${port}`, origin: `http://rebound.evil.example:${port}` };
    const read = await request(`${NONE}/api/posture`, { headers: foreign });
    expect(read.status).toBe(421);
    expect(read.body).not.toContain('"findings"');
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    const snap = await request(`${NONE}/api/snapshots`, { method: 'POST', headers: { ...foreign, 'content-type': 'application/json' }, body: '{}' });
    expect(snap.status).toBe(421);
    const share = await request(`${NONE}/api/snapshots/1/shares`, { method: 'POST', headers: { ...foreign, 'content-type': 'application/json' }, body: '{}' });
    expect(share.status).toBe(421);
    expect((await request(`${NONE}/`, { headers: foreign })).status).toBe(421);
    // Its own names: loopback by name or address.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST.:${port}`, `[::1]:${port}`]) {
      expect((await request(`${NONE}/api/posture/overview`, { headers: { host } })).status, host).toBe(200);
    }
  });

  test('boundary-open-redirect: sign-in sends the browser back only to a path on this origin', async () => {
    const origin = new URL(TOKEN).origin;
    let i = 0;
    for (const next of OFF_SITE_NEXT) {
      // A fresh client address for each attempt: the sign-in rate limit counts per address.
      const localAddress = `127.0.3.${++i}`;
      const res = await request(`${TOKEN}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: AUTH_E2E.tokens.admin, next }).toString(),
        localAddress,
      });
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers['set-cookie'], 'signed in').toBeDefined();
      expect(new URL(res.headers.location!, origin).origin, `${JSON.stringify(next)} → ${JSON.stringify(res.headers.location)}`).toBe(origin);
    }
  });
});

/**
 * The status line a server sends for `head` (and, if chunkBytes is given, then an endless chunked
 * body of that chunk size); fails if no answer comes within 10 s.
 */
function rawStatus(base: string, head: string, localAddress?: string, chunkBytes?: number): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress });
    let got = '';
    let sending: NodeJS.Timeout | undefined;
    const done = (fn: () => void) => {
      clearTimeout(timer);
      clearInterval(sending);
      socket.destroy();
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`no answer to ${head.split('\r\n')[0]}`))), 10_000);
    socket.on('connect', () => {
      socket.write(head);
      if (chunkBytes) {
        const chunk = `${chunkBytes.toString(16)}\r\n${'a'.repeat(chunkBytes)}\r\n`;
        sending = setInterval(() => socket.writable && socket.write(chunk), 5);
      }
    });
    socket.on('data', (d) => {
      got += d;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m) done(() => resolve(Number(m[1])));
    });
    socket.on('error', (e) => done(() => reject(e)));
  });
}

type Counted = { severity: string; area: string; checkId: string; expected?: unknown; accepted?: unknown; resource: { kind: string; namespace: string | null; name: string } };
/** Counts, per check, area and namespace, of a document whose open findings were repeated: the severities present stay, so do the scores. */
function recount(doc: {
  findings: Counted[];
  checks: { id: string; findings: number }[];
  areas: { id: string; counts: Record<string, number> }[];
  namespaces: { name: string; counts: Record<string, number> }[];
}): void {
  const open = doc.findings.filter((f) => !f.expected && !f.accepted);
  const tally = (list: Counted[]) => {
    const c: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const f of list) c[f.severity]!++;
    return c;
  };
  for (const c of doc.checks) c.findings = open.filter((f) => f.checkId === c.id).length;
  for (const a of doc.areas) a.counts = tally(open.filter((f) => f.area === a.id));
  const nsOf = (f: Counted) => f.resource.namespace ?? (f.resource.kind === 'Namespace' ? f.resource.name : null);
  for (const n of doc.namespaces) n.counts = tally(open.filter((f) => nsOf(f) === n.name));
}
