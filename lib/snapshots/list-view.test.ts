import { describe, expect, it } from 'vitest';
import { groupSnapshots } from './list-view';
import type { SnapshotMeta } from './store';

const meta = (id: string, cluster: string, scope: string, takenAt: string): SnapshotMeta => ({
  id,
  cluster,
  scope,
  clusterKey: 'live::x',
  takenAt,
  source: 'live',
  label: null,
  score: 50,
  createdAt: takenAt,
  origin: scope ? 'manual' : 'import',
});

describe('groupSnapshots', () => {
  it('puts the viewer’s cluster first, groups the rest by cluster, newest first in each', () => {
    const groups = groupSnapshots(
      [
        meta('a1', 'alpha', 'live:a', '2026-11-01T00:00:00.000Z'),
        meta('p1', 'prod', 'live:p', '2026-11-01T00:00:00.000Z'),
        meta('p2', 'prod', 'live:p', '2026-11-03T00:00:00.000Z'),
        meta('i1', 'prod', '', '2026-11-02T00:00:00.000Z'),
      ],
      'live:p',
    );
    expect(groups.map((g) => [g.cluster, g.current, g.snapshots.map((s) => s.id)])).toEqual([
      ['prod', true, ['p2', 'p1']],
      ['alpha', false, ['a1']],
      ['prod', false, ['i1']],
    ]);
  });
  it('never counts an import as the viewer’s own', () => {
    expect(groupSnapshots([meta('i1', 'x', '', '2026-11-02T00:00:00.000Z')], '')[0]!.current).toBe(false);
  });
});
