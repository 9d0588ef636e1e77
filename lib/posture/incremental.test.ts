// The incremental path must give, after every change, the document a full computation gives.
import { describe, expect, it } from 'vitest';
import { applyChange, applyChanges, type ResourceChange } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { scanDemo } from '../cluster/offline';
import { analyseAttackPaths } from './attack-paths';
import { computePosture, withAttackAnalysis } from './engine';
import { initialPosture, namespaceView, refreshAttackPaths, updatePosture, type UpdateStats } from './incremental';
import { bindingView } from './incremental-bindings';
import { randomChanges } from './random-changes';
import { ALL_CHECKS } from './registry';

const NOW = new Date('2026-11-22T12:00:00Z');

// The demo is read (YAML parsed) once per file; each test gets a deep copy of its own, as a fresh
// read would give it, so no test sees another's objects or the caches keyed on them.
const scanned = scanDemo();
async function demo(): Promise<Inventory> {
  return { ...structuredClone(await scanned), readAt: '2026-11-22T00:00:00.000Z' };
}

/** A binding of `role` to a ServiceAccount: a RoleBinding when `namespace` is given, else a ClusterRoleBinding. */
function saBinding(name: string, role: string, sa: { name: string; namespace: string }, namespace?: string) {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding',
    metadata: namespace ? { name, namespace } : { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'ServiceAccount', ...sa }],
  };
}

const collate = new Intl.Collator().compare;
const RANK = ['critical', 'high', 'medium', 'low', 'info'];

/** The document's findings are in the order the engine promises, whichever way it assembled them. */
function expectSortedFindings(
  findings: { severity: string; area: string; checkId: string; message: string; resource: { namespace: string | null; kind: string; name: string } }[],
) {
  for (let i = 1; i < findings.length; i++) {
    const [a, b] = [findings[i - 1]!, findings[i]!];
    const order =
      RANK.indexOf(a.severity) - RANK.indexOf(b.severity) ||
      collate(a.area, b.area) ||
      collate(a.checkId, b.checkId) ||
      collate(a.resource.namespace ?? '', b.resource.namespace ?? '') ||
      collate(a.resource.kind, b.resource.kind) ||
      collate(a.resource.name, b.resource.name) ||
      collate(a.message, b.message);
    expect(order, `${i}`).toBeLessThanOrEqual(0);
  }
}

describe('incremental posture', () => {
  it('equals a full computePosture after each of 200 seeded random changes to the demo cluster', async () => {
    let inv = await demo();
    let state = initialPosture(inv, { now: NOW });
    expect(state.doc).toEqual(computePosture(inv, { now: NOW }));
    const total: UpdateStats = { full: 0, perNamespace: 0, perBinding: 0, reused: 0, whole: [] };
    // The inventory the document's attack paths were last analysed on.
    let analysed = inv;
    let deferred = 0;
    for (const [i, change] of randomChanges(inv, 200, 42).entries()) {
      const applied = applyChange(inv, change);
      inv = applied.inventory;
      // Two steps in three defer the attack paths, as the live follower does; some steps then catch up.
      const r = updatePosture(state, inv, applied.touched, { now: NOW, ...(i % 3 ? { attackPaths: 'defer' as const } : {}) });
      state = i % 7 === 6 ? refreshAttackPaths(r.posture) : r.posture;
      total.full += r.stats.full;
      total.perNamespace += r.stats.perNamespace;
      total.perBinding += r.stats.perBinding;
      total.reused += r.stats.reused;
      const full = computePosture(inv, { now: NOW });
      let doc = state.doc;
      if (doc.attackPathsAsOf === undefined) analysed = inv;
      else {
        // Deferred: the paths are exactly those of the version it names, the rest exactly this one's.
        deferred++;
        expect(doc.attackPaths, `step ${i}`).toEqual(analyseAttackPaths(analysed).summary);
        doc = withAttackAnalysis(doc, analyseAttackPaths(inv));
      }
      // On a mismatch, name the step and the change before the (long) diff.
      if (JSON.stringify(doc) !== JSON.stringify(full))
        expect({ step: i, change: `${change.type} ${change.resource}`, doc }).toEqual({
          step: i,
          change: `${change.type} ${change.resource}`,
          doc: full,
        });
    }
    expect(deferred).toBeGreaterThan(20);
    expectSortedFindings(state.doc.findings);
    expect(state.doc.findings.length).toBeGreaterThan(50);
    // The point of it: most check runs were skipped or limited to one namespace.
    expect(total.reused + total.perNamespace).toBeGreaterThan(total.full * 2);
  }, 600_000); // 200 full computations beside the incremental ones: slow on a loaded 2-core machine

  it('equals a full computePosture after batches of changes, as the live follower applies them', async () => {
    let inv = await demo();
    let state = initialPosture(inv, { now: NOW });
    // A batch that replaces one bare pod by another in its namespace: as many objects examined there as before, not the same ones.
    const gone = inv.objects.pods.find((p) => p.metadata.namespace === 'data-science' && !p.metadata.ownerReferences?.length);
    expect(gone).toBeDefined();
    const newcomer = { ...structuredClone(gone!), metadata: { name: 'newcomer', namespace: 'data-science' } };
    const replace: ResourceChange[] = [
      { type: 'DELETED', resource: 'pods', object: gone! },
      { type: 'ADDED', resource: 'pods', object: newcomer },
    ];
    const random = randomChanges(inv, 60, 7);
    const batches = [replace, ...Array.from({ length: 15 }, (_, i) => random.slice(i * 4, i * 4 + 1 + (i % 4)))];
    for (const [i, batch] of batches.entries()) {
      const applied = applyChanges(inv, batch);
      inv = applied.inventory;
      state = updatePosture(state, inv, applied.touched, { now: NOW }).posture;
      const full = computePosture(inv, { now: NOW });
      if (JSON.stringify(state.doc) !== JSON.stringify(full))
        expect({ batch: i, changes: batch.map((c) => `${c.type} ${c.resource}`), doc: state.doc }).toEqual({
          batch: i,
          changes: batch.map((c) => `${c.type} ${c.resource}`),
          doc: full,
        });
    }
  }, 600_000);

  it('carries expected findings through re-runs in their namespace and changes elsewhere, as a full triage marks them', async () => {
    // kube-system's calico-node and kube-proxy have findings the catalogue expects; a re-run of kube-system
    // makes them anew (triage marks them again), a change in payments leaves them (triage carries them).
    let inv = await demo();
    let state = initialPosture(inv, { now: NOW });
    const expectedIn = (doc: typeof state.doc) => doc.findings.filter((f) => f.expected && f.resource.namespace === 'kube-system').length;
    const before = expectedIn(state.doc);
    expect(before).toBeGreaterThan(10);
    const pod = (namespace: string, privileged: boolean) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace },
      spec: { containers: [{ name: 'sh', image: 'busybox', securityContext: { privileged } }] },
    });
    const steps = [
      ['ADDED', pod('kube-system', true)],
      ['MODIFIED', pod('kube-system', false)],
      ['ADDED', pod('payments', true)],
      ['MODIFIED', pod('kube-system', true)],
    ] as const;
    for (const [i, [type, object]] of steps.entries()) {
      const applied = applyChange(inv, { type, resource: 'pods', object });
      inv = applied.inventory;
      const r = updatePosture(state, inv, applied.touched, { now: NOW });
      expect(r.stats.perNamespace, `step ${i}`).toBeGreaterThan(0);
      state = r.posture;
      const full = computePosture(inv, { now: NOW });
      expect(expectedIn(state.doc), `step ${i}`).toBe(before);
      expect(state.doc, `step ${i}`).toEqual(full);
    }
  });

  it('keeps checks that read nothing a change touched, and re-runs namespace checks on one namespace', async () => {
    const inv = await demo();
    const state = initialPosture(inv, { now: NOW });
    const privileged = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace: 'payments' },
      spec: { containers: [{ name: 'sh', image: 'busybox', securityContext: { privileged: true } }] },
    };
    expect(state.doc.findings.some((f) => f.resource.name === 'debug')).toBe(false);
    const applied = applyChange(inv, { type: 'ADDED', resource: 'pods', object: privileged });
    const { posture, stats } = updatePosture(state, applied.inventory, applied.touched, { now: NOW });
    expect(stats.reused).toBeGreaterThan(0);
    expect(stats.perNamespace).toBeGreaterThan(0);
    expect(
      posture.doc.findings.some((f) => f.checkId === 'pod-security.pss.privileged' && f.resource.namespace === 'payments' && f.resource.name === 'debug'),
    ).toBe(true);
    expect(posture.doc).toEqual(computePosture(applied.inventory, { now: NOW }));
  });

  it("defers the attack paths of a bare pod's change when asked, says so, and catches up", async () => {
    const inv = await demo();
    const state = initialPosture(inv, { now: NOW });
    const privileged = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace: 'payments' },
      spec: { containers: [{ name: 'sh', image: 'busybox', securityContext: { privileged: true } }] },
    };
    const applied = applyChange(inv, { type: 'ADDED', resource: 'pods', object: privileged });
    const later = new Date(NOW.getTime() + 1000);
    const { posture } = updatePosture(state, applied.inventory, applied.touched, { now: later, attackPaths: 'defer' });
    const full = computePosture(applied.inventory, { now: later });
    // A privileged pod is a way onto its node: the full analysis counts more paths than the deferred one shows.
    expect(full.attackPaths!.counts.node).toBeGreaterThan(state.doc.attackPaths!.counts.node);
    expect(posture.doc.attackPathsAsOf).toBe(state.doc.generatedAt);
    expect(posture.doc.attackPaths).toEqual(state.doc.attackPaths);
    expect(posture.doc.findings.some((f) => f.checkId === 'pod-security.pss.privileged' && f.resource.name === 'debug')).toBe(true);
    expect(refreshAttackPaths(posture).doc).toEqual(full);
    // A change the analysis does not read leaves it current: nothing deferred.
    const lr = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'x', namespace: 'payments' }, spec: { limits: [] } };
    const other = applyChange(inv, { type: 'ADDED', resource: 'limitranges', object: lr });
    expect(updatePosture(state, other.inventory, other.touched, { now: NOW, attackPaths: 'defer' }).posture.doc.attackPathsAsOf).toBeUndefined();
  });

  it('memo cutoffs declared beside their memos spare cluster-wide checks a pod that cannot change them', async () => {
    // A plain pod outside kube-system, with no mesh, tool image or bound ServiceAccount of its own: the
    // control-plane, mesh, coverage and RBAC memos' cutoffs rule it out (34 whole-cluster re-runs without them).
    const inv = await demo();
    const state = initialPosture(inv, { now: NOW });
    const plain = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'plain', namespace: 'payments' },
      spec: { containers: [{ name: 'app', image: `registry.example/app@sha256:${'a'.repeat(64)}` }] },
    };
    const applied = applyChange(inv, { type: 'ADDED', resource: 'pods', object: plain });
    const { posture, stats } = updatePosture(state, applied.inventory, applied.touched, { now: NOW });
    expect(stats.full).toBeLessThanOrEqual(2);
    expect(posture.doc).toEqual(computePosture(applied.inventory, { now: NOW }));
  });

  it("re-runs the RBAC checks on the bindings naming a bare pod's ServiceAccount, not on every binding", async () => {
    // ServiceAccount data-science/default is used by 4 workloads; RoleBinding default-sa-admin gives it much.
    const inv = await demo();
    const state = initialPosture(inv, { now: NOW });
    const bare = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'notebook-debug', namespace: 'data-science' },
      spec: { serviceAccountName: 'default', containers: [{ name: 'app', image: `registry.example/app@sha256:${'a'.repeat(64)}` }] },
    };
    const applied = applyChange(inv, { type: 'ADDED', resource: 'pods', object: bare });
    const { posture, stats } = updatePosture(state, applied.inventory, applied.touched, { now: NOW });
    expect(stats.whole.filter((id) => id.startsWith('rbac.'))).toEqual([]);
    expect(stats.perBinding).toBeGreaterThanOrEqual(8);
    const said = (doc: typeof posture.doc) =>
      doc.findings.filter((f) => f.checkId === 'rbac.reads-secrets' && f.resource.name === 'default-sa-admin').map((f) => f.message);
    expect(said(state.doc)[0]).toContain('used by 4 workloads');
    expect(said(posture.doc)[0]).toContain('used by 5 workloads');
    expect(posture.doc).toEqual(computePosture(applied.inventory, { now: NOW }));
  });

  it('re-runs the ServiceAccount token checks in the namespaces of the ServiceAccounts a changed binding names', async () => {
    const inv = await demo();
    const state = initialPosture(inv, { now: NOW });
    // Granted from another namespace: the binding lives in payments, the ServiceAccount in data-science.
    const rb = saBinding('grant-elsewhere', 'view', { name: 'default', namespace: 'data-science' }, 'payments');
    const applied = applyChange(inv, { type: 'ADDED', resource: 'rolebindings', object: rb });
    const { posture, stats } = updatePosture(state, applied.inventory, applied.touched, { now: NOW });
    expect(stats.whole).not.toContain('authn-authz.workload-default-service-account');
    expect(stats.whole).not.toContain('authn-authz.token-automount-not-needed');
    expect(posture.doc).toEqual(computePosture(applied.inventory, { now: NOW }));
  });

  it("follows a management tool's ServiceAccount powers and Argo CD's ConfigMaps in the tool's namespace, not over the cluster", async () => {
    // argocd/argocd-server runs as ServiceAccount argocd-server, which may list Secrets cluster-wide
    // (as everyone may); its --disable-auth may come from ConfigMap argocd-cmd-params-cm (server.disable.auth).
    let inv = await demo();
    let state = initialPosture(inv, { now: NOW });
    const powers = (doc: typeof state.doc) =>
      doc.findings.filter((f) => f.checkId === 'management-tools.service-account-powers' && f.resource.name === 'argocd-server').map((f) => `${f.severity} ${f.message}`);
    const initial = state.doc;
    expect(powers(initial)).toEqual([expect.stringMatching(/^medium .*can list Secrets in every namespace/)]);
    // cluster-admin through a RoleBinding is admin in its namespace only: not the tool's cluster-wide powers.
    const argocdServer = { name: 'argocd-server', namespace: 'argocd' };
    const rb = saBinding('argocd-server-admin', 'cluster-admin', argocdServer, 'payments');
    const crb = saBinding('argocd-server-admin', 'cluster-admin', argocdServer);
    const params = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cmd-params-cm', namespace: 'argocd', labels: { 'app.kubernetes.io/part-of': 'argocd' } },
      data: { 'server.disable.auth': 'true' },
    };
    // An Argo CD ConfigMap where no tool runs changes nothing a check reports.
    const stray = { ...params, metadata: { ...params.metadata, namespace: 'payments' } };
    const steps = [
      { type: 'ADDED', resource: 'rolebindings', object: rb },
      { type: 'ADDED', resource: 'clusterrolebindings', object: crb },
      { type: 'MODIFIED', resource: 'argocdconfigmaps', object: params },
      { type: 'ADDED', resource: 'argocdconfigmaps', object: stray },
    ] as const;
    const said: string[][] = [];
    for (const [i, change] of steps.entries()) {
      const applied = applyChange(inv, change);
      inv = applied.inventory;
      const r = updatePosture(state, inv, applied.touched, { now: NOW });
      state = r.posture;
      // The coverage checks read which tools run, not their settings; the powers are the tool's namespace's.
      expect(r.stats.whole.filter((id) => id.endsWith('.coverage') || id.startsWith('management-tools.')), `step ${i}`).toEqual([]);
      expect(state.doc, `step ${i}`).toEqual(computePosture(inv, { now: NOW }));
      said.push(powers(state.doc));
    }
    expect(said[0]).toEqual(powers(initial));
    expect(said[1]).toEqual([expect.stringMatching(/^high .*holds every verb on every resource cluster-wide \(through ClusterRoleBinding argocd-server-admin\)\.$/)]);
    expect(said[2]).toEqual([expect.stringMatching(/^critical .*--disable-auth/)]);
    expect(said[3]).toEqual(said[2]);
  });

  it("keeps the mesh check through a namespace's Pod Security label, and follows Linkerd's inject annotation", async () => {
    let inv = await demo();
    let state = initialPosture(inv, { now: NOW });
    const mesh = (doc: typeof state.doc) => doc.checks.find((c) => c.id === 'encryption.service-mesh-mtls')!;
    expect(mesh(state.doc).assessed).toBe(false);
    const payments = inv.objects.namespaces.find((n) => n.metadata.name === 'payments')!;
    const labelled = { ...payments, metadata: { ...payments.metadata, labels: { ...payments.metadata.labels, 'pod-security.kubernetes.io/enforce': 'restricted' } } };
    const injected = { ...labelled, metadata: { ...labelled.metadata, annotations: { 'linkerd.io/inject': 'enabled' } } };
    for (const [i, object] of [labelled, injected].entries()) {
      const applied = applyChange(inv, { type: 'MODIFIED', resource: 'namespaces', object });
      inv = applied.inventory;
      const r = updatePosture(state, inv, applied.touched, { now: NOW });
      state = r.posture;
      expect(r.stats.whole.includes('encryption.service-mesh-mtls'), `step ${i}`).toBe(i === 1);
      expect(state.doc, `step ${i}`).toEqual(computePosture(inv, { now: NOW }));
    }
    expect(mesh(state.doc).assessed).toBe(true);
  });

  it('gives the same findings per binding on a binding view as on the whole cluster, for every binding-scoped check', async () => {
    const inv = await demo();
    const scoped = ALL_CHECKS.filter((c) => c.scope === 'binding');
    expect(scoped.length).toBeGreaterThanOrEqual(13);
    const bindings = [...inv.objects.clusterrolebindings, ...inv.objects.rolebindings].map((b) => `${b.kind}/${b.metadata.namespace ?? ''}/${b.metadata.name}`);
    for (const check of scoped) {
      const full = computePosture(inv, { now: NOW, checks: [check], attackPaths: false });
      const perView = bindings.map((b) => computePosture(bindingView(inv, new Set([b])), { now: NOW, checks: [check], attackPaths: false }));
      const key = (f: (typeof full.findings)[number]) => JSON.stringify(f);
      expect(perView.flatMap((d) => d.findings).map(key).sort(), check.id).toEqual(full.findings.map(key).sort());
      expect(full.findings.length, check.id).toBeLessThanOrEqual(bindings.length);
    }
  });

  it('gives the same findings per namespace on a namespace view as on the whole cluster, for every namespace-scoped check', async () => {
    const inv = await demo();
    const scoped = ALL_CHECKS.filter((c) => c.scope === 'namespace');
    expect(scoped.length).toBeGreaterThan(10);
    const names = new Set([...inv.objects.namespaces.map((n) => n.metadata.name), ...inv.implicitNamespaces]);
    for (const check of scoped) {
      // Attack paths are a whole-cluster analysis, not a check's: left out here.
      const full = computePosture(inv, { now: NOW, checks: [check], attackPaths: false }).findings;
      const perView = [...names].flatMap(
        (ns) => computePosture(namespaceView(inv, ns, check.wholeKinds), { now: NOW, checks: [check], attackPaths: false }).findings,
      );
      const key = (f: (typeof perView)[number]) => JSON.stringify(f);
      expect(perView.map(key).sort(), check.id).toEqual(full.map(key).sort());
    }
  });
});
