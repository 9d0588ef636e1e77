// Issue 19, agent → hub end to end: `kube-posture fleet token create` prints a token once (only
// its hash is stored); `kube-posture scan --push URL` sends the posture to a hub over HTTP (the
// real ingest handler behind a bare server); a revoked token makes the push fail with exit 3.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../lib/cli/main';
import { FleetStore } from '../lib/fleet/store';
import { handleIngest } from '../lib/server/fleet-ingest';
import { LatestPostureStore } from '../lib/snapshots/latest-posture';
import { SnapshotStore } from '../lib/snapshots/store';

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    for (const [k, v] of Object.entries(saved)) (v === undefined ? delete process.env[k] : (process.env[k] = v));
  }
}

describe('fleet tokens on the command line', () => {
  it('create prints the token once; list never shows it; revoke ends it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kp-fleet-cli-'));
    try {
      const env = { DATA_DIR: dir, DATABASE_URL: '' };
      const made = await run(['fleet', 'token', 'create', 'prod-eu', '--label', 'env=prod', '--label', 'region=eu', '--group', 'platform'], env);
      expect(made.code).toBe(0);
      const token = made.out.trim();
      expect(token).toMatch(/^kpi_[A-Za-z0-9_-]{43}$/);
      expect(made.err).not.toContain(token);
      const listed = await run(['fleet', 'token', 'list'], env);
      expect(listed.out).toMatch(/prod-eu\tcreated .*\tlive/);
      expect(listed.out + listed.err).not.toContain(token);
      expect((await run(['fleet', 'token', 'create', 'Not_A_Name'], env)).code).toBe(2);
      expect((await run(['fleet', 'token', 'create', 'x', '--label', 'novalue'], env)).code).toBe(2);
      expect((await run(['fleet', 'token', 'revoke', 'prod-eu'], env)).code).toBe(0);
      expect((await run(['fleet', 'token', 'list'], env)).out).toMatch(/prod-eu\tcreated .*\trevoked /);
      const store = await SnapshotStore.open({ dataDir: dir });
      const stored = JSON.stringify(await store.sql.query('SELECT * FROM ingest_tokens'));
      expect(stored).not.toContain(token);
      expect((await new FleetStore(store.sql).cluster('prod-eu'))).toMatchObject({ labels: { env: 'prod', region: 'eu' }, groups: ['platform'] });
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('scan --push', () => {
  let dir: string;
  let store: SnapshotStore;
  let server: http.Server;
  let hub: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kp-fleet-hub-'));
    store = await SnapshotStore.open({ dataDir: dir });
    const deps = { fleet: async () => new FleetStore(store.sql), perMinute: 100, maxBytes: 20 * 1024 * 1024 };
    server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const answer = await handleIngest(new Request(`http://hub${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }), deps);
      res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    hub = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the whole posture to the hub under the token’s cluster; a revoked token fails the scan with exit 3', async () => {
    const fleet = new FleetStore(store.sql);
    const { id, token } = await fleet.createToken('edge-1');
    const sent = await run(['scan', '--demo', '--format', 'json', '--min-severity', 'critical', '--push', hub], { KUBE_POSTURE_INGEST_TOKEN: token });
    expect(sent.err).toMatch(/report sent to the hub \(stored\)/);
    expect(sent.code).toBe(0);
    const listed = JSON.parse(sent.out) as { generatedAt: string; findings: { severity: string }[] };
    const held = await new LatestPostureStore(store.sql).get('fleet:edge-1');
    expect(held?.doc.generatedAt).toBe(listed.generatedAt);
    // The hub gets the whole document, not the listing's filter.
    expect(held!.doc.findings.length).toBeGreaterThan(listed.findings.length);
    expect(sent.out + sent.err).not.toContain(token);

    await fleet.revoke(id);
    const refused = await run(['scan', '--demo', '--format', 'json', '--push', hub], { KUBE_POSTURE_INGEST_TOKEN: token });
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/did not take the report \(401\)/);
    expect((await run(['scan', '--demo', '--push', hub], { KUBE_POSTURE_INGEST_TOKEN: '' })).code).toBe(2);
    expect((await run(['scan', '--demo', '--push', 'http://hub.example'], { KUBE_POSTURE_INGEST_TOKEN: token })).err).toMatch(/use https/);
  }, 120_000);
});
