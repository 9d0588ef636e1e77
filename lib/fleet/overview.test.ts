import { describe, expect, it } from 'vitest';
import { ageText, fleetOverview } from './overview';
import type { FixSummary } from '@/lib/posture/fleet-fix-first';
import type { FleetCluster } from './store';

const now = Date.parse('2026-12-02T12:00:00Z');
const counts = (critical: number) => ({ critical, high: 1, medium: 0, low: 0, info: 0 });
function cluster(
  name: string,
  labels: Record<string, string>,
  last: { minsAgo: number; score: number; failing: string[]; dayBefore?: number; fixes?: FixSummary[] } | null,
): FleetCluster {
  return {
    key: `fleet:${name}`,
    name,
    labels,
    groups: [],
    createdAt: '2026-12-01T00:00:00Z',
    last: last && {
      generatedAt: new Date(now - last.minsAgo * 60_000 - 1000).toISOString(),
      receivedAt: new Date(now - last.minsAgo * 60_000).toISOString(),
      score: last.score,
      counts: counts(1),
      failing: last.failing,
      fixes: last.fixes ?? [],
      dayBefore: last.dayBefore ?? null,
    },
  };
}

const everyone = (admin: number): FixSummary => ({
  kind: 'ClusterRoleBinding',
  namespace: null,
  name: 'everyone-admin',
  field: 'subjects',
  change: 'remove Group system:authenticated from subjects',
  admin,
  node: 0,
});

describe('fleetOverview', () => {
  const clusters = [
    cluster('a', { env: 'prod', region: 'eu' }, { minsAgo: 4, score: 80, failing: ['rbac.x', 'pods.y'], dayBefore: 70, fixes: [everyone(3)] }),
    cluster('b', { env: 'prod', region: 'us' }, { minsAgo: 40, score: 60, failing: ['pods.y'], fixes: [everyone(2)] }),
    cluster('c', { env: 'dev' }, null),
  ];

  it('scores, trends, stale agents and the checks failing in most clusters', () => {
    const o = fleetOverview(clusters, { now, staleMs: 15 * 60_000 });
    expect(o.rows.map((r) => [r.name, r.score, r.trend, r.stale])).toEqual([
      ['a', 80, 10, false],
      ['b', 60, null, true],
      ['c', null, null, true],
    ]);
    expect(o.stale).toBe(2);
    expect(o.topFailing).toEqual([
      { checkId: 'pods.y', clusters: 2 },
      { checkId: 'rbac.x', clusters: 1 },
    ]);
    expect(o.labels).toEqual({ env: ['dev', 'prod'], region: ['eu', 'us'] });
    expect(o.fixFirst.map((f) => [f.name, f.admin, f.clusters.map((c) => c.name)])).toEqual([['everyone-admin', 5, ['a', 'b']]]);
  });

  it('filters by labels; the failing checks follow the filter, the label choices do not', () => {
    const o = fleetOverview(clusters, { now, staleMs: 15 * 60_000, filter: { env: 'prod', region: 'us' } });
    expect(o.rows.map((r) => r.name)).toEqual(['b']);
    expect(o.topFailing).toEqual([{ checkId: 'pods.y', clusters: 1 }]);
    expect(o.fixFirst[0]!.clusters.map((c) => c.name)).toEqual(['b']);
    expect(o.labels.region).toEqual(['eu', 'us']);
    expect(fleetOverview(clusters, { now, staleMs: 1, filter: { env: '' } }).rows).toHaveLength(3);
  });

  it('says ages for people', () => {
    expect([ageText(10_000), ageText(4 * 60_000), ageText(3 * 3_600_000), ageText(3 * 86_400_000)]).toEqual(['just now', '4 min ago', '3 h ago', '3 d ago']);
  });
});
