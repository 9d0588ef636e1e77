// What a check declares it can emit is what it emits: every finding of every check, on the demo
// cluster and on every fixture the tests keep, lies within the check's declared severity range
// (lib/posture/check.ts), and the default severity lies within it too.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../cluster/inventory';
import { scanDemo, scanPath } from '../../cluster/offline';
import { isNotAssessed, severityRangeOf } from '../check';
import { ALL_CHECKS } from '../registry';
import { severityRank } from '../scoring';

const root = process.cwd();
const FIXTURE_DIRS = ['e2e/fake-cluster/testdata', 'lib/cluster/testdata', 'lib/posture/coverage/testdata'];
const within = (s: Parameters<typeof severityRank>[0], [lowest, highest]: readonly [typeof s, typeof s]) =>
  severityRank(s) >= severityRank(highest) && severityRank(s) <= severityRank(lowest);

async function inventories(): Promise<[string, Inventory][]> {
  const out: [string, Inventory][] = [['demo', await scanDemo()]];
  for (const dir of FIXTURE_DIRS) {
    out.push([dir, await scanPath(path.join(root, dir))]);
    for (const file of readdirSync(path.join(root, dir))) out.push([`${dir}/${file}`, await scanPath(path.join(root, dir, file))]);
  }
  return out;
}

describe('declared severity ranges', () => {
  it('hold each check’s default severity', () => {
    const bad = ALL_CHECKS.filter((c) => !within(c.severity, severityRangeOf(c))).map((c) => `${c.id}: ${c.severity} outside ${severityRangeOf(c)}`);
    expect(bad).toEqual([]);
  });

  it('hold every finding on the demo cluster and the test fixtures', async () => {
    const outside = new Map<string, Set<string>>();
    let findings = 0;
    for (const [name, inv] of await inventories()) {
      for (const check of ALL_CHECKS) {
        let out;
        try {
          out = check.evaluate(inv);
        } catch {
          continue; // a check that throws is not assessed (engine.ts); nothing is emitted
        }
        if (isNotAssessed(out)) continue;
        for (const f of out) {
          findings++;
          const s = f.severity ?? check.severity;
          if (!within(s, severityRangeOf(check))) outside.set(check.id, (outside.get(check.id) ?? new Set()).add(`${s} (${name})`));
        }
      }
    }
    expect(findings).toBeGreaterThan(300);
    expect(
      Object.fromEntries(
        [...outside].map(([id, s]) => [`${id} declared ${severityRangeOf(ALL_CHECKS.find((c) => c.id === id)!).join('–')}`, [...s].slice(0, 4)]),
      ),
    ).toEqual({});
  }, 120_000);
});
