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

describe('npm run scan --exceptions', () => {
  it('accepted findings do not trip --fail-on; expired or malformed files do not accept', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'scan-exc-'));
    const manifest = path.join(dir, 'app.yaml');
    await writeFile(
      manifest,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: apps, labels: {team: web}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: apps}\nspec:\n  containers:\n  - {name: app, image: registry.example/app:1, securityContext: {privileged: true}}\n',
    );
    const doc = JSON.parse((await scan('--from', manifest, '--format', 'json')).stdout);
    const critical = doc.findings.filter((f: { severity: string }) => f.severity === 'critical');
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.every((f: { owner?: string }) => f.owner === 'web')).toBe(true);
    expect((await scan('--from', manifest, '--format', 'json', '--fail-on', 'critical')).code).toBe(1);

    const file = path.join(dir, 'exceptions.yaml');
    const write = (expires: string) =>
      writeFile(
        file,
        critical
          .map(
            (f: { checkId: string }) =>
              `- checkId: ${f.checkId}\n  scope: {type: object, kind: Pod, namespace: apps, name: web}\n  reason: lab pod\n  owner: team-web\n  expires: "${expires}"\n`,
          )
          .join(''),
      );
    await write('2099-12-31');
    const accepted = await scan('--from', manifest, '--format', 'json', '--fail-on', 'critical', '--exceptions', file);
    expect(accepted.code).toBe(0);
    const marked = JSON.parse(accepted.stdout).findings.filter((f: { severity: string }) => f.severity === 'critical');
    expect(marked.every((f: { accepted?: { source: string } }) => f.accepted?.source === 'store')).toBe(true);

    await write('2020-01-01');
    expect((await scan('--from', manifest, '--format', 'json', '--fail-on', 'critical', '--exceptions', file)).code).toBe(1);

    await writeFile(file, '- checkId: nope\n');
    const bad = await scan('--from', manifest, '--exceptions', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exceptions\.yaml: 0\.checkId/);

    // --owner keeps only that owner's findings.
    const other = JSON.parse((await scan('--from', manifest, '--format', 'json', '--owner', 'someone-else')).stdout);
    expect(other.findings).toEqual([]);
  }, 120_000);
});
