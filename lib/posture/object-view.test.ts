import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { filterPaths, listPaths, parsePathsQuery, pathId } from './attack-paths-list';
import { computePosture } from './engine';
import { objectHref, objectView, parseObjectKey, stepTouches } from './object-view';
import { restrictToNamespaces } from './view-filter';

const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });

describe('object pages', () => {
  it('name cluster-scoped objects with _ for the namespace, which no namespace can be called', () => {
    expect(objectHref({ kind: 'ClusterRoleBinding', namespace: null, name: 'kubeadm:cluster-admins' })).toBe(
      '/objects/ClusterRoleBinding/_/kubeadm%3Acluster-admins',
    );
    expect(parseObjectKey('ClusterRoleBinding', '_', 'kubeadm:cluster-admins')).toEqual({
      kind: 'ClusterRoleBinding',
      namespace: null,
      name: 'kubeadm:cluster-admins',
    });
    expect(parseObjectKey('User', '_', 'alice@acme.com')).toEqual({ kind: 'User', namespace: null, name: 'alice@acme.com' });
    for (const bad of [
      ['Pod', 'Shop', 'x'],
      ['Pod', 'shop', ''],
      ['Pod', 'shop', 'a/b'],
      ['<script>', 'shop', 'x'],
      ['Pod', 'shop', 'x\n'],
    ])
      expect(parseObjectKey(bad[0]!, bad[1]!, bad[2]!)).toBeNull();
  });

  it("a fix-first binding's page: its rank and patch, and the path it cuts through the binding", () => {
    const first = doc.attackPaths!.fixFirst[0]!;
    const v = objectView(doc, first.object)!;
    expect(v.fixes[0]).toMatchObject({ rank: 1, fix: { patch: first.patch } });
    expect(v.paths[0]).toEqual(first.path);
    expect(v.paths.every((p) => p.steps.some((s) => stepTouches(s, first.object)))).toBe(true);
    expect(v.pathCount).toBeGreaterThan(0);
  });

  it('a workload on a path: its findings and the paths through it', () => {
    const v = objectView(doc, { kind: 'Deployment', namespace: 'ci', name: 'gitlab-runner' })!;
    expect(v.findings.length).toBeGreaterThan(0);
    expect(v.findings.every((f) => f.resource.name === 'gitlab-runner')).toBe(true);
    expect(v.paths.some((p) => p.target === 'cluster-admin')).toBe(true);
  });

  it('says nothing of an object the document does not name', () => {
    expect(objectView(doc, { kind: 'Deployment', namespace: 'ci', name: 'no-such' })).toBeNull();
  });

  it('a namespace viewer’s document names no object outside their namespaces on its paths', () => {
    const mine = restrictToNamespaces(doc, ['ci']);
    expect(objectView(mine, { kind: 'ClusterRoleBinding', namespace: null, name: 'ci-deployer-cluster-admin' })).toBeNull();
    const paths = listPaths(mine.attackPaths);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every(({ path }) => path.steps[0]!.namespace === 'ci')).toBe(true);
  });
});

describe('the attack-paths list', () => {
  const all = listPaths(doc.attackPaths);
  it('lists the kept paths and those fix-first cuts once each, with ids stable for the same path', () => {
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const f of doc.attackPaths!.fixFirst) if (f.path) expect(all.some((p) => p.id === pathId(f.path!))).toBe(true);
    expect(pathId(structuredClone(all[0]!.path))).toBe(all[0]!.id);
  });

  it('filters by foothold kind and by the namespace a path starts in; ignores what it does not know', () => {
    const exposed = filterPaths(all, parsePathsQuery({ foothold: 'exposed' }));
    expect(exposed.length).toBeGreaterThan(0);
    expect(exposed.every((p) => p.path.foothold === 'exposed')).toBe(true);
    const ci = filterPaths(all, parsePathsQuery({ namespace: 'ci' }));
    expect(ci.length).toBeGreaterThan(0);
    expect(ci.every((p) => p.path.steps[0]!.namespace === 'ci')).toBe(true);
    expect(parsePathsQuery({ foothold: 'nope', path: '"><x' })).toEqual({});
  });
});
