// Notifications against a local HTTP receiver and a real (PGlite) store: delivery, no duplicate
// after a restart (a new notifier on the reopened store), retry while the receiver fails, and
// the URL's secret path never in a log line or an error.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationLog } from '../../snapshots/notification-log';
import { SnapshotStore } from '../../snapshots/store';
import type { Finding, PostureDocument } from '../../posture/types';
import { notifyConfig, type NotifyConfig } from './config';
import { Notifier } from './notifier';

const SECRET = 'T000/B000/XXXXsecretXXXX';
let server: Server;
let base: string;
let failuresLeft = 0;
const received: { path: string; body: any }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end();
        return;
      }
      received.push({ path: req.url!, body: JSON.parse(data) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const finding = (name: string, severity: Finding['severity'] = 'critical', extra: Partial<Finding> = {}): Finding => ({
  checkId: 'pod-security.pss.privileged',
  area: 'pod-security',
  severity,
  title: 'Privileged container',
  message: 'm',
  remediation: 'r',
  resource: { kind: 'Deployment', namespace: 'apps', name },
  ...extra,
});
const doc = (findings: Finding[]) => ({ cluster: { name: 'prod', version: null, source: 'live' }, findings }) as unknown as PostureDocument;

describe('notifications', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'notify-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const config = (): NotifyConfig => notifyConfig({ NOTIFY_SLACK_URL: `${base}/services/${SECRET}`, NOTIFY_TEAMS_URL: `${base}/teams/${SECRET}` });

  it('sends new critical findings once per channel, not accepted or expected ones, and not again after a restart', async () => {
    const logs: string[] = [];
    let store = await SnapshotStore.open({ dataDir: dir });
    const make = (s: SnapshotStore) =>
      new Notifier({ config: config(), log: async () => new NotificationLog(s.sql), minIntervalMs: 0, backoffMs: 1, warn: (m) => logs.push(m) });
    const d = doc([
      finding('web'),
      finding('low', 'high'),
      finding('cni', 'critical', { expected: { reason: 'r', source: 's', component: 'c' } }),
      finding('ok', 'critical', { accepted: { by: 'a', reason: 'r', owner: 'o', expires: '2099-01-01', source: 'store' } }),
    ]);
    await make(store).notify('live::prod', d);
    expect(received.map((r) => r.path).sort()).toEqual([`/services/${SECRET}`, `/teams/${SECRET}`]);
    const slack = received.find((r) => r.path.startsWith('/services'))!.body;
    expect(slack.text).toMatch(/1 new finding on prod/);
    expect(slack.blocks[1].text.text).toMatch(/Deployment apps\/web/);
    const teams = received.find((r) => r.path.startsWith('/teams'))!.body;
    expect(teams.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0].content.type).toBe('AdaptiveCard');

    // Restart: the store reopened, a new notifier; the same document sends nothing.
    await store.close();
    store = await SnapshotStore.open({ dataDir: dir });
    received.length = 0;
    await make(store).notify('live::prod', d);
    expect(received).toEqual([]);
    // A new finding is sent, alone.
    await make(store).notify('live::prod', doc([finding('web'), finding('api')]));
    expect(received).toHaveLength(2);
    expect(JSON.stringify(received[0]!.body)).toMatch(/apps\/api/);
    expect(JSON.stringify(received[0]!.body)).not.toMatch(/apps\/web/);
    await store.close();
    expect(logs).toEqual([]);
  }, 120_000);

  it('retries with backoff while the receiver fails, then delivers; logs never hold the secret path', async () => {
    received.length = 0;
    failuresLeft = 3;
    const logs: string[] = [];
    const waits: number[] = [];
    const sent = new Map<string, Set<string>>();
    const memoryLog = {
      unsent: async (k: string, c: string, f: readonly string[]) => f.filter((x) => !sent.get(`${k}${c}`)?.has(x)),
      record: async (k: string, c: string, f: readonly string[]) => void f.forEach((x) => (sent.get(`${k}${c}`) ?? sent.set(`${k}${c}`, new Set()).get(`${k}${c}`)!).add(x)),
    };
    const n = new Notifier({
      config: notifyConfig({ NOTIFY_WEBHOOK_URL: `${base}/hook/${SECRET}?token=${SECRET}` }),
      log: async () => memoryLog,
      backoffMs: 5,
      minIntervalMs: 0,
      sleep: async (ms) => void waits.push(ms),
      warn: (m) => logs.push(m),
    });
    await n.notify('k', doc([finding('web')]));
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toMatchObject({ cluster: 'prod', count: 1 });
    expect(waits).toEqual([5, 10, 20]);
    expect(logs).toHaveLength(3);
    for (const l of logs) expect(l).not.toContain(SECRET);

    // A receiver that never answers well: the final error is logged without the secret either.
    failuresLeft = 100;
    logs.length = 0;
    await n.notify('k', doc([finding('other')]));
    expect(logs.at(-1)).toMatch(/delivery failed after 6 attempts/);
    for (const l of logs) expect(l).not.toContain(SECRET);
    // Not recorded as sent: once the receiver is back, the next scan delivers it, once.
    failuresLeft = 0;
    received.length = 0;
    await n.notify('k', doc([finding('web'), finding('other')]));
    expect(received).toHaveLength(1);
    expect(received[0]!.body.findings.map((f: Finding) => f.resource.name)).toEqual(['other']);
    await n.notify('k', doc([finding('web'), finding('other')]));
    expect(received).toHaveLength(1);
  });

  it('sends one digest when many arrive at once, and waits out the rate limit', async () => {
    received.length = 0;
    let clock = 0;
    const waits: number[] = [];
    const sent = new Set<string>();
    const n = new Notifier({
      config: notifyConfig({ NOTIFY_WEBHOOK_URL: `${base}/digest` }),
      log: async () => ({ unsent: async (_k, _c, f) => f.filter((x) => !sent.has(x)), record: async (_k, _c, f) => void f.forEach((x) => sent.add(x)) }),
      minIntervalMs: 60_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    await n.notify('k', doc(Array.from({ length: 40 }, (_, i) => finding(`w${i}`))));
    expect(received).toHaveLength(1);
    expect(received[0]!.body.count).toBe(40);
    clock += 1_000;
    await n.notify('k', doc([finding('late')]));
    expect(waits).toEqual([59_000]);
    expect(received).toHaveLength(2);
  });

  it('never shows a URL in its configuration label, and reads a mounted file', () => {
    const c = notifyConfig({ NOTIFY_CONFIG_FILE: '/mnt/notify.json' }, () => JSON.stringify({ slackUrl: `https://hooks.slack.com/services/${SECRET}`, minSeverity: 'high' }));
    expect(c.channels).toEqual([{ kind: 'slack', url: `https://hooks.slack.com/services/${SECRET}`, label: 'slack (hooks.slack.com)' }]);
    expect(c.minSeverity).toBe('high');
  });
});
