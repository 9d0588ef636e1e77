// `kube-posture scan --audit-log FILE…` as a user runs it: a real process reading a rotated,
// gzipped log beside a plain one, the api-abuse detections in its JSON output. The CLI bundled once
// (lib/cli/test-bundle.ts; lib/cli/scan.test.ts runs bin/kube-posture.mjs itself).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../cli/test-bundle';
import { auditEvent } from '../posture/audit/test-events';
import type { PostureDocument } from '../posture/types';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'audit-cli-'));
const home = mkdtempSync(path.join(tmpdir(), 'audit-cli-home-'));

let cli: Awaited<ReturnType<typeof bundleCli>>;
beforeAll(async () => {
  cli = await bundleCli();
}, 60_000);
afterAll(() => cli?.remove());

async function scan(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli.file, 'scan', '--from', 'lib/cluster/testdata/dump.json', '--format', 'json', ...args], {
      cwd: root,
      env: { ...process.env, KUBECONFIG: '', HOME: home },
      maxBuffer: 64 << 20,
    });
    return { code: 0, doc: JSON.parse(stdout) as PostureDocument, stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, doc: null, stderr: err.stderr };
  }
}

describe('kube-posture scan --audit-log', () => {
  it('reads every file named after it and runs the detections on them', async () => {
    const exec = auditEvent({ verb: 'create', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', stage: 'ResponseStarted' });
    const anon = auditEvent({ verb: 'list', resource: 'secrets', user: { username: 'system:anonymous', groups: ['system:unauthenticated'] } });
    const plain = path.join(dir, 'audit.log');
    const rotated = path.join(dir, 'audit-2026-12-01T00-00-00.000.log.gz');
    writeFileSync(plain, JSON.stringify(exec) + '\n');
    writeFileSync(rotated, gzipSync(JSON.stringify(anon) + '\nnot json\n'));
    const r = await scan(['--audit-log', plain, rotated]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 audit log line\(s\) or value\(s\) were not audit events/);
    const ids = r.doc!.findings.filter((f) => f.area === 'api-abuse').map((f) => f.checkId);
    expect(ids).toEqual(expect.arrayContaining(['api-abuse.exec-by-people', 'api-abuse.anonymous-requests', 'api-abuse.secrets-listed-cluster-wide']));
    const area = r.doc!.areas.find((a) => a.id === 'api-abuse')!;
    expect(area.score).not.toBeNull();
    expect(area.coverage).toMatchObject({ status: 'covered', tools: [{ name: 'kube-posture audit ingest' }] });
  });

  it('without it the detections are not assessed; a missing file is bad input', async () => {
    const none = await scan([]);
    expect(none.doc!.checks.find((c) => c.id === 'api-abuse.exec-by-people')).toMatchObject({ assessed: false });
    const missing = await scan(['--audit-log', path.join(dir, 'nope.log')]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read audit log .*nope\.log/) });
    const stray = await scan([path.join(dir, 'audit.log')]);
    expect(stray).toMatchObject({ code: 2, stderr: expect.stringMatching(/unexpected argument/) });
  });
});
