// --check-kubeconfig on real files with real modes, a fake kubectl on PATH, and an exec plugin.
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkKubeconfig } from './check-kubeconfig';
import { main } from './main';
import { sarifErrors } from './test-sarif-schema';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.sekret-token-value-0123456789';
const PASSWORD = 'hunter2-not-for-printing';
const KEY = Buffer.from('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIKey\n-----END EC PRIVATE KEY-----\n').toString('base64');

let dir: string;
let bin: string; // holds a fake kubectl
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kp-kubeconfig-'));
  bin = path.join(dir, 'bin');
  await mkdir(bin);
  await writeFile(path.join(bin, 'kubectl'), '#!/bin/sh\necho \'{"clientVersion":{"gitVersion":"v1.13.10","major":"1","minor":"13"}}\'\n', { mode: 0o755 });
  await mkdir(`${bin}-current`);
  await writeFile(path.join(`${bin}-current`, 'kubectl'), '#!/bin/sh\necho \'{"clientVersion":{"gitVersion":"v1.34.2"}}\'\n', { mode: 0o755 });
});

async function kubeconfig(name: string, doc: unknown, mode: number): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, stringify(doc));
  await chmod(p, mode);
  return p;
}

async function check(args: string[], PATH = bin) {
  let stdout = '';
  let stderr = '';
  const code = await checkKubeconfig(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { PATH, HOME: dir } });
  return { code, stdout, stderr };
}

const cluster = (extra: Record<string, unknown>) => ({ name: 'prod', cluster: { server: 'https://prod.example.com:6443', ...extra } });
const config = (clusterExtra: Record<string, unknown>, user: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [cluster(clusterExtra)],
  users: [{ name: 'admin', user }],
  contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'admin' } }],
  'current-context': 'prod',
});

describe('kube-posture --check-kubeconfig', () => {
  it('flags skipped TLS verification, inline credentials, a group/world-readable file and an old kubectl, without printing any secret', async () => {
    const file = await kubeconfig('bad.yaml', config({ 'insecure-skip-tls-verify': true }, { token: TOKEN, password: PASSWORD, 'client-key-data': KEY }), 0o644);
    for (const format of ['table', 'json', 'sarif']) {
      const r = await check(['--check-kubeconfig', file, '--format', format]);
      expect(r.code, format).toBe(0);
      for (const secret of [TOKEN, PASSWORD, KEY, 'sekret']) expect(r.stdout + r.stderr, `${format} leaks`).not.toContain(secret);
    }
    const { stdout } = await check(['--check-kubeconfig', file, '--format', 'json']);
    const doc = JSON.parse(stdout) as { kubectl: string; findings: { rule: string; severity: string; where: string; message: string }[] };
    expect(doc.kubectl).toBe('v1.13.10');
    expect(doc.findings.map((f) => `${f.severity} ${f.rule} ${f.where}`)).toEqual([
      'high kubeconfig.insecure-skip-tls-verify cluster/prod',
      `high kubeconfig.file-permissions ${file}`,
      'medium kubeconfig.inline-credential user/admin',
      'medium kubeconfig.kubectl-known-cves kubectl',
    ]);
    expect(doc.findings[2]!.message).toContain('token, password, client-key-data');
    expect(doc.findings[3]!.message).toContain('CVE-2019-11251');
    const sarif = JSON.parse((await check(['--check-kubeconfig', file, '--format', 'sarif'])).stdout);
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.level} ${r.ruleId}`)).toContain('error kubeconfig.insecure-skip-tls-verify');
  });

  it('passes a 0600 kubeconfig with a CA and an exec plugin only root can write, and a current kubectl', async () => {
    const plugin = path.join(bin, 'get-token');
    await writeFile(plugin, '#!/bin/sh\n', { mode: 0o755 });
    const file = await kubeconfig('good.yaml', config({ 'certificate-authority-data': 'Q0E=' }, { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'get-token' } }), 0o600);
    const { code, stdout } = await check(['--check-kubeconfig', file, '--format', 'json'], `${bin}-current:${bin}`);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kubectl: 'v1.34.2', findings: [] });
    const table = await check(['--check-kubeconfig', file], path.join(dir, 'no-such-bin'));
    expect(table.stdout).toContain('kubectl not found');
    expect(table.stdout).toContain('no findings');
  });

  it('flags an exec plugin in a directory every user can write', async () => {
    const shared = path.join(dir, 'shared-bin');
    await mkdir(shared);
    await chmod(shared, 0o777);
    await writeFile(path.join(shared, 'aws-token'), '#!/bin/sh\n', { mode: 0o755 });
    const file = await kubeconfig('exec.yaml', config({ 'certificate-authority-data': 'Q0E=' }, { exec: { command: path.join(shared, 'aws-token') } }), 0o600);
    const { stdout } = await check(['--check-kubeconfig', file, '--format', 'json']);
    const f = JSON.parse(stdout).findings.find((x: { rule: string }) => x.rule === 'kubeconfig.exec-plugin-writable');
    expect(f).toMatchObject({ severity: 'high', where: 'user/admin', message: expect.stringContaining('directory is writable by every user') });
  });

  it('exits 1 on --fail-on like the scan gate, 2 on a missing file, and reads KUBECONFIG through main', async () => {
    const file = await kubeconfig('gate.yaml', config({ 'insecure-skip-tls-verify': true }, {}), 0o600);
    expect((await check(['--check-kubeconfig', file, '--fail-on', 'high'])).code).toBe(1);
    expect((await check(['--check-kubeconfig', file, '--fail-on', 'critical'])).code).toBe(0);
    const missing = await check(['--check-kubeconfig', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot check');
    const broken = await kubeconfig('broken.yaml', 'x', 0o600);
    await writeFile(broken, `token: "${TOKEN}\n  : [`);
    const r = await check(['--check-kubeconfig', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(TOKEN);
    const out: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
    const env = process.env.KUBECONFIG;
    process.env.KUBECONFIG = file;
    try {
      expect(await main(['scan', '--check-kubeconfig', '--fail-on', 'critical'])).toBe(0);
    } finally {
      process.stdout.write = write;
      process.env.KUBECONFIG = env;
    }
    expect(out.join('')).toContain('insecure-skip-tls-verify');
  });
});
