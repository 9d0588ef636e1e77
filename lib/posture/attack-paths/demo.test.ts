// The demo cluster's attack paths: what the overview leads with.
import { describe, expect, it } from 'vitest';
import { scanDemo } from '../../cluster/offline';
import { computePosture } from '../engine';
import { overviewData, TOP_RISKS_SHOWN } from '../overview-data';
import { topRisks } from '../top-risks';
import { isOpen } from '../types';

const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });
const name = (r: { kind: string; namespace: string | null; name: string }) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

describe('attack paths on the demo cluster', () => {
  it('fix-first names the cluster-admin bindings', () => {
    const fixes = doc.attackPaths!.fixFirst.map((f) => name(f.object));
    for (const b of [
      'ClusterRoleBinding ci-deployer-cluster-admin',
      'ClusterRoleBinding alice-cluster-admin',
      'ClusterRoleBinding platform-superusers',
      'ClusterRoleBinding kubeadm:cluster-admins',
    ])
      expect(fixes).toContain(b);
    expect(fixes[0]).toBe('ClusterRoleBinding ci-deployer-cluster-admin'); // the CI runner's token: 31 paths to cluster-admin
  });

  it('fix-first leads with the changes that cut paths to cluster-admin: together they cut every one', () => {
    const ff = doc.attackPaths!.fixFirst;
    const lead = ff.findIndex((f) => f.removes['cluster-admin'] === 0);
    expect(lead).toBeGreaterThan(0);
    expect(ff.slice(lead).every((f) => f.removes['cluster-admin'] === 0)).toBe(true);
    expect(ff.slice(0, lead).reduce((n, f) => n + f.removes['cluster-admin'], 0)).toBe(doc.attackPaths!.counts['cluster-admin']);
    // Each names the path it cuts, to cluster-admin.
    for (const f of ff.slice(0, lead)) expect(f.path?.target).toBe('cluster-admin');
  });

  it('top risks: the fix-first changes, then the binding that lets every authenticated user read Secrets', () => {
    const top = overviewData(doc).topRisks.map((f) => `${f.checkId} | ${name(f.resource)}`);
    expect(top[0]).toMatch(/^attack-paths\.fix-first\.1 \| ClusterRoleBinding ci-deployer-cluster-admin/);
    expect(top).toHaveLength(TOP_RISKS_SHOWN);
    // The overview shows the first few; ranked on, every fix-first change comes before that binding, and it right after them.
    const ranked = topRisks(doc.findings.filter(isOpen), 20, doc.attackPaths!.fixFirst).map((f) => `${f.checkId} | ${name(f.resource)}`);
    const changes = ranked.filter((t) => t.startsWith('attack-paths.fix-first.')).length;
    expect(changes).toBeGreaterThan(TOP_RISKS_SHOWN);
    expect(ranked[changes]).toMatch(/ClusterRoleBinding everyone-troubleshoot$/);
    // The pod on the Docker socket ties with the other node escapes (5 paths each: its namespace admits
    // privileged pods, so cutting its escape alone removes only its own paths); it ranks just after them.
    const longer = topRisks(doc.findings, 20, doc.attackPaths!.fixFirst).map((f) => name(f.resource));
    expect(longer).toContain('Deployment legacy-crm/crm-worker');
  });

  it("counts the paths through each finding's object", () => {
    const socket = doc.findings.filter((f) => f.resource.name === 'crm-worker');
    expect(socket.length).toBeGreaterThan(0);
    expect(socket.every((f) => (f.paths ?? 0) > 0)).toBe(true);
  });
});
