// A re-run's carried aggregates must be what building them from its findings gives, on lists
// large enough for the binary searches (the demo cluster's property test takes the walk).
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../synthetic/generate';
import { aggregatesOf, applyEdits, carryAggregates, compareFindings, derivationOf } from './check-aggregates';
import type { Evaluated } from './engine';
import type { Check } from './check';
import type { Finding, Severity } from './types';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

function finding(rand: () => number, namespace: string, i: number): Finding {
  return {
    checkId: 'x.check',
    area: 'pod-security',
    severity: SEVERITIES[Math.floor(rand() * 4)]!,
    title: 't',
    // Some equal findings (same object and message), which must keep their order.
    message: `m${Math.floor(rand() * 3)}`,
    remediation: 'r',
    resource: { kind: rand() < 0.5 ? 'Pod' : 'Deployment', namespace, name: `w${Math.floor(rand() * 40)}-${i % 7}` },
  };
}

const evaluated = (findings: Finding[]): Evaluated => ({
  check: { id: 'x.check' } as Check,
  result: { id: 'x.check', area: 'pod-security', severity: 'high', title: 't', assessed: true, findings: findings.length },
  findings,
  scope: null,
});

describe('carryAggregates', () => {
  it.each([
    ['a few namespaces of many (binary searches)', 400, 2],
    ['most of them (one walk)', 20, 15],
  ])('gives the sorted list a stable sort of the findings gives, re-running %s', (_, namespaces, rerun) => {
    const rand = seededRandom(11);
    const ns = Array.from({ length: namespaces }, (_, i) => `ns-${i}`);
    const all = ns.flatMap((n) => Array.from({ length: 1 + Math.floor(rand() * 30) }, (_, i) => finding(rand, n, i)));
    let prev = evaluated(all);
    aggregatesOf(prev);
    for (let step = 0; step < 5; step++) {
      const changed = Array.from({ length: rerun }, () => ns[Math.floor(rand() * ns.length)]!).filter((n, i, xs) => xs.indexOf(n) === i);
      const fresh = changed.flatMap((n) => Array.from({ length: Math.floor(rand() * 25) }, (_, i) => finding(rand, n, i)));
      const kept = prev.findings.filter((f) => !changed.includes(f.resource.namespace!));
      const next = evaluated([...kept, ...fresh]);
      carryAggregates(prev, next, changed, { findings: [...fresh], scope: [] });
      const want = [...kept, ...fresh].sort(compareFindings);
      // Identity, not just equality: equal findings keep the order a stable sort gives them.
      const got = aggregatesOf(next).sorted;
      expect(got.length).toBe(want.length);
      expect(got.every((f, i) => f === want[i]), `step ${step}`).toBe(true);
      // A list aligned with the last sorted one, edited the same way, stays aligned.
      const edits = derivationOf(next)!.edits!;
      const labels = applyEdits(aggregatesOf(prev).sorted.map((f) => f.resource.name), edits, edits.added.map((f) => f.resource.name));
      expect(labels).toEqual(got.map((f) => f.resource.name));
      prev = next;
    }
  });
});
