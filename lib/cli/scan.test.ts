// The scan command as a user runs it: a real process, stdout and exit code.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dump = path.join(root, 'lib/cluster/testdata/dump.json');

async function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['lib/cli/scan.ts', ...args], { cwd: root, env: { ...process.env, KUBECONFIG: '' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run scan', () => {
  it('prints the posture document, and nothing else, on stdout with --format json', async () => {
    const r = await scan('--from', dump, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.cluster).toMatchObject({ source: 'manifests', name: 'dump.json' });
    expect(doc.areas).toHaveLength(9);
    expect(doc.findings.some((f: { resource: { name: string } }) => f.resource.name === 'web')).toBe(true);
    expect(r.stderr).toMatch(/not read: nodes/);
  });

  it('prints a readable table by default', async () => {
    const r = await scan('--from', dump);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kube-posture {2}cluster dump\.json \(manifests\) {2}score \d+\/100/);
    expect(r.stdout).toMatch(/Pod security & network policies/);
  });

  it('puts the attack paths in the JSON and the fix-first list first in the table', async () => {
    const demo = path.join(root, 'lib/demo/manifests');
    const json = JSON.parse((await scan('--from', demo, '--format', 'json')).stdout);
    expect(json.attackPaths.counts['cluster-admin']).toBeGreaterThan(0);
    expect(json.attackPaths.fixFirst.length).toBeGreaterThan(0);
    const table = (await scan('--from', demo)).stdout;
    const first = json.attackPaths.fixFirst[0];
    expect(table.indexOf('FIX FIRST')).toBeGreaterThan(0);
    expect(table.indexOf('FIX FIRST')).toBeLessThan(table.indexOf('AREA'));
    expect(table).toContain(`1. ${first.object.kind}/${first.object.name}  ${first.change}`);
  });

  it('prints SARIF 2.1.0 with one rule per check and one result per finding', async () => {
    const json = JSON.parse((await scan('--from', dump, '--format', 'json')).stdout);
    const sarif = JSON.parse((await scan('--from', dump, '--format', 'sarif')).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(json.checks.length);
    expect(sarif.runs[0].results).toHaveLength(json.findings.length);
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].name).toMatch(/\//);
  });

  it('exits 1 with --fail-on when findings reach the severity, 0 when none do', async () => {
    expect((await scan('--from', dump, '--format', 'json', '--fail-on', 'medium')).code).toBe(1);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kp-'));
    const clean = path.join(dir, 'clean.yaml');
    await writeFile(clean, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n');
    const r = await scan('--from', clean, '--format', 'json', '--fail-on', 'critical');
    expect(JSON.parse(r.stdout).findings.filter((f: { severity: string }) => f.severity === 'critical')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it.each([
    ['a missing path', ['--from', '/no/such/dir'], /kube-posture: \/no\/such\/dir: cannot read/],
    ['invalid YAML', ['--from', 'BAD_YAML'], /bad\.yaml: invalid YAML/],
    ['a file that is not Kubernetes objects', ['--from', 'NOT_K8S'], /notk8s\.yaml: not a Kubernetes object/],
    ['an unknown format', ['--from', dump, '--format', 'xml'], /unknown --format xml/],
    ['an unknown option', ['--frm', dump], /Unknown option '--frm'/],
  ])('exits 2 with one clear line on %s', async (_what, args, message) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kp-'));
    await writeFile(path.join(dir, 'bad.yaml'), 'kind: [unclosed\n');
    await writeFile(path.join(dir, 'notk8s.yaml'), 'hello: world\n');
    const resolved = args.map((a) => (a === 'BAD_YAML' ? path.join(dir, 'bad.yaml') : a === 'NOT_K8S' ? path.join(dir, 'notk8s.yaml') : a));
    const r = await scan(...resolved);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
