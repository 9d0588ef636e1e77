import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../cluster/build-inventory';
import { scanPath } from '../cluster/offline';
import { computePosture } from '../posture/engine';
import { asKubectlList, generateCluster } from './generate';

const SIZE = { namespaces: 12, pods: 203, bindings: 57, nodes: 7, seed: 42 };

describe('generateCluster', () => {
  it('makes exactly the requested numbers of each kind', () => {
    const { objects, counts } = generateCluster(SIZE);
    const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
    expect(count('Namespace')).toBe(12);
    expect(count('Pod')).toBe(203);
    expect(count('Node')).toBe(7);
    expect(count('RoleBinding') + count('ClusterRoleBinding')).toBe(57);
    expect(count('NetworkPolicy')).toBe(counts.networkPolicies);
    expect(count('VulnerabilityReport')).toBe(counts.vulnerabilityReports);
    expect(counts).toMatchObject({ namespaces: 12, pods: 203, bindings: 57, nodes: 7 });
    expect(generateCluster({ ...SIZE, networkPolicies: 30, vulnerabilityReports: 5 }).objects.filter((o) => o.kind === 'NetworkPolicy')).toHaveLength(30);
  });

  it('is deterministic from the seed', () => {
    expect(JSON.stringify(generateCluster(SIZE).objects)).toBe(JSON.stringify(generateCluster(SIZE).objects));
    expect(JSON.stringify(generateCluster({ ...SIZE, seed: 43 }).objects)).not.toBe(JSON.stringify(generateCluster(SIZE).objects));
  });

  it('links pods to their top-level owners by ownerReferences with uids', () => {
    const { objects, counts } = generateCluster(SIZE);
    const byUid = new Map(objects.map((o) => [o.metadata.uid, o]));
    for (const p of objects.filter((o) => o.kind === 'Pod')) {
      const ref = p.metadata.ownerReferences![0]!;
      expect(byUid.get(ref.uid)?.metadata.name).toBe(ref.name);
    }
    const inv = buildInventory(objects, { cluster: { name: 'synthetic', version: 'v1.32.4', source: 'live' } });
    expect(inv.workloads).toHaveLength(counts.workloads);
    expect(inv.workloads.reduce((n, w) => n + w.pods, 0)).toBe(203);
  });

  it('mixes good and bad objects: some areas find problems, well-run workloads pass', () => {
    const { objects } = generateCluster(SIZE);
    // End-of-life findings depend on the day the cluster was read: fixed, so the generator's node versions split the same way every year.
    const doc = computePosture(
      buildInventory(objects, { cluster: { name: 'synthetic', version: 'v1.32.4', source: 'live' }, readAt: new Date('2026-12-01T00:00:00Z') }),
    );
    const failing = new Set(doc.findings.map((f) => f.checkId));
    expect(failing).toContain('pod-security.pss.privileged');
    expect(failing).toContain('registry-security.mutable-image-tag');
    expect(failing).toContain('host-security.kubelet-end-of-life');
    expect(doc.findings.filter((f) => f.checkId === 'host-security.kubelet-end-of-life').length).toBeLessThan(7);
    const cleanWorkloads = doc.namespaces.filter((n) => n.counts.critical === 0 && n.counts.high === 0);
    expect(doc.namespaces.length).toBe(12);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(cleanWorkloads.length).toBeLessThan(12);
  });

  it('writes a List the offline scan reads back to the same posture', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synthetic-'));
    try {
      const { objects } = generateCluster(SIZE);
      await writeFile(path.join(dir, 'cluster.json'), JSON.stringify(asKubectlList(objects)));
      expect(JSON.parse(await readFile(path.join(dir, 'cluster.json'), 'utf8')).items).toHaveLength(objects.length);
      const inv = await scanPath(dir);
      expect(inv.objects.pods).toHaveLength(203);
      expect(inv.objects.namespaces).toHaveLength(12);
      const doc = computePosture(inv);
      expect(doc.findings.some((f) => f.checkId === 'pod-security.pss.privileged')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
