// The scan command as a user runs it: a real process, its stdout, stderr and exit code. The tests
// that call exec(bin) and the README's npx commands run the real binary (bin/kube-posture.mjs);
// scan() runs the same CLI bundled once (./test-bundle.ts): this file makes some thirty runs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import semver from 'semver';
import { parse, stringify } from 'yaml';
import { readObjectsFromPath } from '../cluster/manifests';
import { apiServerVersion, DEMO_MANIFESTS } from '../cluster/offline';
import { startFakeCluster } from '../../e2e/fake-cluster/server';
import { bundleCli } from './test-bundle';
import { sarifErrors } from './test-sarif-schema';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/kube-posture.mjs');
const dump = path.join(root, 'lib/cluster/testdata/dump.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let home: string;
let cli: Awaited<ReturnType<typeof bundleCli>>;
beforeAll(async () => {
  // No ~/.kube/config: a scan without a source must not find the machine's own.
  home = await mkdtemp(path.join(os.tmpdir(), 'kp-home-'));
  cli = await bundleCli();
}, 60_000);
afterAll(() => cli?.remove());

async function exec(file: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env = { ...process.env, KUBECONFIG: '', HOME: home, COLUMNS: '', ...opts.env };
  try {
    const { stdout, stderr } = await run(file, args, { cwd: opts.cwd ?? root, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// Each run costs a Node start and a scan: runs with the same arguments are shared.
const runs = new Map<string, Promise<Run>>();
function scan(...args: string[]): Promise<Run> {
  const key = args.join('\0');
  if (!runs.has(key)) runs.set(key, exec(process.execPath, [cli.file, 'scan', ...args]));
  return runs.get(key)!;
}
const json = async (...args: string[]) => JSON.parse((await scan(...args, '--format', 'json')).stdout);

describe('kube-posture scan', () => {
  it('prints the posture document, and nothing else, on stdout with --format json', async () => {
    const r = await scan('--from', dump, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.cluster).toMatchObject({ source: 'manifests', name: 'dump.json' });
    expect(doc.areas).toHaveLength(11);
    expect(doc.findings.some((f: { resource: { name: string } }) => f.resource.name === 'web')).toBe(true);
    expect(r.stderr).toMatch(/not read: nodes/);
    // Source locations stay out of the document.
    expect(r.stdout).not.toMatch(/"(file|line)":/);
  });

  it('names the cluster with --cluster-name, in the document and in its cluster-wide findings', async () => {
    const doc = await json('--demo', '--cluster-name', 'prod-eu');
    expect(doc.cluster.name).toBe('prod-eu');
    const clusterFindings = doc.findings.filter((f: { resource: { kind: string } }) => f.resource.kind === 'Cluster');
    expect(clusterFindings.length).toBeGreaterThan(0);
    expect(clusterFindings.every((f: { resource: { name: string } }) => f.resource.name === 'prod-eu')).toBe(true);
  });

  it('says on stderr that it scans the embedded demo when given no source, and how to scan a real cluster', async () => {
    const r = await scan();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/scanning the embedded demo cluster/);
    expect(r.stderr).toMatch(/--from PATH/);
    expect(r.stderr).toMatch(/--kubeconfig FILE/);
    expect(r.stdout).toMatch(/^kube-posture cluster demo \(demo, v1\.\d+\.\d+\)/);
    const explicit = await scan('--demo', '--format', 'json');
    expect(explicit.code).toBe(0);
    expect(explicit.stderr).not.toMatch(/embedded demo/);
  });

  it('does not report PodSecurityPolicies missing from a cluster newer than 1.24, and does from an older one', async () => {
    const modern = await scan('--demo', '--format', 'json');
    expect(JSON.parse(modern.stdout).cluster.version).toMatch(/^v1\.(2[5-9]|[3-9]\d)\./);
    expect(modern.stderr).not.toMatch(/podsecuritypolicies/);
    const unknown = await scan('--from', dump, '--format', 'json');
    expect(JSON.parse(unknown.stdout).cluster.version).toBeNull();
    expect(unknown.stderr).not.toMatch(/podsecuritypolicies/);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'kp-old-'));
    await writeFile(path.join(dir, 'apiserver.yaml'), apiServerPod('v1.24.17'));
    const old = await scan('--from', dir, '--format', 'json');
    expect(JSON.parse(old.stdout).cluster.version).toBe('v1.24.17');
    expect(old.stderr).toMatch(/not read: podsecuritypolicies \(not-in-input\)/);
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
    // Wrapped to the width: compare with the white space folded.
    expect(table.replace(/\s+/g, ' ')).toContain(`1. ${first.object.kind}/${first.object.name} ${first.change}`.replace(/\s+/g, ' '));
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
    ['an unknown severity', ['--demo', '--min-severity', 'urgent'], /unknown --min-severity urgent/],
    ['an unknown area', ['--demo', '--area', 'rbac,dns'], /unknown --area dns/],
    ['two sources', ['--demo', '--from', dump], /choose one source/],
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

  it('answers a command line without the scan command with a hint, exit 2', async () => {
    const r = await exec(process.execPath, [bin, '--from', dump]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean: kube-posture scan --from/);
  });
});

describe('filters shared by every format', () => {
  it('--min-severity, --area and --namespace select the same findings in JSON, SARIF and --fail-on', async () => {
    const all = await json('--demo');
    const ns = all.findings.find((f: { resource: { namespace: string | null } }) => f.resource.namespace)!.resource.namespace as string;
    const filters = ['--min-severity', 'medium', '--area', 'pod-security,rbac', '--namespace', ns];
    const doc = await json('--demo', ...filters);
    const expected = all.findings.filter(
      (f: { severity: string; area: string; resource: { namespace: string | null } }) =>
        ['critical', 'high', 'medium'].includes(f.severity) && ['pod-security', 'rbac'].includes(f.area) && f.resource.namespace === ns,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.findings.length);
    expect(doc.findings).toEqual(expected);
    expect(doc.score).toBe(all.score); // scores stay the cluster's

    const sarif = JSON.parse((await scan('--demo', ...filters, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(expected.map((f: { checkId: string }) => f.checkId));

    // --fail-on counts only what the filters keep: a namespace with no critical finding passes.
    const calm = all.namespaces.find(
      (n: { name: string }) =>
        !all.findings.some((f: { severity: string; resource: { namespace: string | null } }) => f.severity === 'critical' && f.resource.namespace === n.name),
    ).name as string;
    expect((await scan('--demo', '--fail-on', 'critical', '--format', 'json')).code).toBe(1);
    expect((await scan('--demo', '--namespace', calm, '--fail-on', 'critical', '--format', 'json')).code).toBe(0);
  });
});

describe('--format table', () => {
  it('groups findings by object, wraps to 100 columns off a terminal, and gives each failing check its fix once', async () => {
    const doc = await json('--demo');
    const r = await scan('--demo');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    // Every object with findings is one heading, not one line per finding.
    const objects = new Set(doc.findings.map((f: { resource: { kind: string; namespace: string | null; name: string } }) => objectName(f.resource)));
    // (A heading may add " (owner …)"; some names hold parentheses themselves, e.g. "Pod (all pods)".)
    const headings = lines.filter((l) => /^\S/.test(l) && [...objects].some((o) => l === o || l.startsWith(`${o} (`)));
    expect(headings).toHaveLength(objects.size);
    for (const o of objects) expect(headings.some((l) => l === o || l.startsWith(`${o} (`)), String(o)).toBe(true);
    // One line opens each finding (its message wraps under it).
    expect(lines.filter((l) => /^ {2}(CRIT|HIGH|MED|LOW|INFO) +\S/.test(l))).toHaveLength(doc.findings.length);
    const fix = r.stdout.slice(r.stdout.indexOf('\nHOW TO FIX\n'));
    const failing = new Set(doc.findings.map((f: { checkId: string }) => f.checkId));
    for (const id of failing) expect(fix).toContain(`  ${id}: `);
    const f = doc.findings.find((x: { remediation: string }) => !x.remediation.includes('\n'));
    expect(fix.replace(/\s+/g, ' ')).toContain(`${f.checkId}: ${f.remediation}`);
  });

  it('wraps to COLUMNS when set and shows where each object is in the files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kp-tbl-'));
    await writeFile(path.join(dir, 'app.yaml'), PRIVILEGED_APP);
    const r = await exec(process.execPath, [bin, 'scan', '--from', '.'], { cwd: dir, env: { COLUMNS: '60' } });
    expect(r.code).toBe(0);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(r.stdout).toMatch(/^Deployment shop\/web \(app\.yaml:7\)$/m);
  });
});

describe('--format sarif', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kp-sarif-'));
    await mkdir(path.join(dir, 'manifests', 'apps'), { recursive: true });
    await writeFile(path.join(dir, 'manifests', 'apps', 'app.yaml'), PRIVILEGED_APP);
    await writeFile(path.join(dir, 'manifests', 'list.yaml'), BINDING_LIST);
  });

  it('is valid SARIF 2.1.0 with one rule per check and one result per finding', async () => {
    const doc = await json('--from', dump);
    const r = await scan('--from', dump, '--format', 'sarif');
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(doc.checks.length);
    expect(sarif.runs[0].results).toHaveLength(doc.findings.length);
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].name).toMatch(/\//);
  });

  it('gives each object from a folder its file, relative to the working directory, and its line', async () => {
    const r = await exec(process.execPath, [bin, 'scan', '--from', 'manifests', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarifErrors(sarif)).toEqual([]);
    const at = (name: string) =>
      sarif.runs[0].results.find((x: { locations: { logicalLocations: { name: string }[] }[] }) => x.locations[0]!.logicalLocations[0]!.name === name)
        .locations[0].physicalLocation;
    expect(at('Deployment/shop/web')).toEqual({ artifactLocation: { uri: 'manifests/apps/app.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 7 } });
    // An item of a `kind: List` points at the item, not at the List.
    const binding = at('ClusterRoleBinding/everyone-admin');
    expect(binding.artifactLocation.uri).toBe('manifests/list.yaml');
    const lines = (await readFile(path.join(dir, 'manifests', 'list.yaml'), 'utf8')).split('\n');
    expect(lines.slice(binding.region.startLine - 1, binding.region.startLine + 3).join('\n')).toMatch(/name: everyone-admin/);
    expect(sarif.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(`file://${dir}/`);
  });

  it('gives no physical location for a live cluster or the demo, whose objects are in no file here', async () => {
    const sarif = JSON.parse((await scan('--demo', '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(sarif.runs[0].results.every((x: { locations: object[] }) => !('physicalLocation' in x.locations[0]!))).toBe(true);
  });
});

describe('the README examples', () => {
  let fake: Awaited<ReturnType<typeof startFakeCluster>>;
  let kubeconfig: string;
  let out: string;
  beforeAll(async () => {
    const objects = await readObjectsFromPath(DEMO_MANIFESTS);
    fake = await startFakeCluster({ objects, port: 0, version: apiServerVersion(objects) ?? undefined });
    out = await mkdtemp(path.join(os.tmpdir(), 'kp-readme-'));
    kubeconfig = path.join(out, 'kubeconfig');
    await fake.writeKubeconfig(kubeconfig);
    // The README's `--context prod`: the same cluster under that context name.
    const config = parse(await readFile(kubeconfig, 'utf8'));
    config.contexts.push({ name: 'prod', context: config.contexts[0].context });
    await writeFile(kubeconfig, stringify(config), { mode: 0o600 });
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
  });

  it('print clean output: JSON and SARIF that parse, a table that starts with the cluster line', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/^(npx kube-posture scan [^#\n]*?)\s*(?:#.*)?$/gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) {
      const [, redirect] = /> (\S+)$/.exec(command) ?? [];
      const runnable = command
        .replace(/> \S+$/, '')
        .replace('--from dump.json', `--from ${dump}`)
        .replace(/--kubeconfig \S+/, `--kubeconfig ${kubeconfig}`);
      // Through a shell and npx, as a user types it: npm must not add anything to stdout.
      const r = await exec('/bin/sh', ['-c', runnable]);
      expect([0, 1], `${command}\n${r.stderr}`).toContain(r.code);
      // npm warns, rightly, when this Node is outside package.json's engines (Node 20 here and there):
      // that line is npm's own about the machine; any other npm line means npm spoke where it should not.
      const npmLines = supportedNode() ? r.stderr : r.stderr.replace(/^npm warn EBADENGINE.*$/gm, '');
      expect(npmLines, command).not.toMatch(/npm (warn|error)|^> /m);
      const format = /--format (\w+)/.exec(command)?.[1] ?? 'table';
      if (format === 'table') expect(r.stdout, command).toMatch(/^kube-posture cluster \S+ \(/);
      else {
        const parsed = JSON.parse(r.stdout);
        if (format === 'sarif') expect(sarifErrors(parsed), command).toEqual([]);
        else expect(parsed.schemaVersion, command).toBe(1);
      }
      if (redirect) await writeFile(path.join(out, path.basename(redirect)), r.stdout);
    }
  }, 300_000);
});

function supportedNode(): boolean {
  return semver.satisfies(process.versions.node, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node);
}

function objectName(r: { kind: string; namespace: string | null; name: string }): string {
  return `${r.kind} ${r.namespace ? r.namespace + '/' : ''}${r.name}`;
}

function apiServerPod(version: string): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: kube-apiserver-cp1, namespace: kube-system, labels: {component: kube-apiserver}}
spec:
  containers:
  - name: kube-apiserver
    image: registry.k8s.io/kube-apiserver:${version}
`;
}

// The Deployment's first key is on line 7 (after a comment and a ConfigMap document).
const PRIVILEGED_APP = `# shop
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
---

apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        securityContext: {privileged: true}
`;

const BINDING_LIST = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: other, namespace: shop}
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: everyone-admin
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
  subjects:
  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}
`;

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

    // One file per case: the scan() helper shares runs with the same arguments.
    const write = (expires: string, file = path.join(dir, `exceptions-${expires}.yaml`)) =>
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
    const accepted = await scan('--from', manifest, '--format', 'json', '--fail-on', 'critical', '--exceptions', path.join(dir, 'exceptions-2099-12-31.yaml'));
    expect(accepted.code).toBe(0);
    const marked = JSON.parse(accepted.stdout).findings.filter((f: { severity: string }) => f.severity === 'critical');
    expect(marked.every((f: { accepted?: { source: string } }) => f.accepted?.source === 'store')).toBe(true);

    await write('2020-01-01');
    expect((await scan('--from', manifest, '--format', 'json', '--fail-on', 'critical', '--exceptions', path.join(dir, 'exceptions-2020-01-01.yaml'))).code).toBe(1);

    const file = path.join(dir, 'exceptions.yaml');
    await writeFile(file, '- checkId: nope\n');
    const bad = await scan('--from', manifest, '--exceptions', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exceptions\.yaml: 0\.checkId/);

    // --owner keeps only that owner's findings.
    const other = JSON.parse((await scan('--from', manifest, '--format', 'json', '--owner', 'someone-else')).stdout);
    expect(other.findings).toEqual([]);
  }, 120_000);
});
