// Searching the engine's sorted list must find exactly what reading every finding finds.
import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { generateCluster } from '../synthetic/generate';
import { buildInventory } from '../cluster/build-inventory';
import { computePosture, withAttackAnalysis } from './engine';
import { analyseAttackPaths } from './attack-paths';
import { filterFindings, parseFindingsQuery } from './findings-query';
import { findingsOfNamespace } from './sorted-findings';
import type { PostureDocument } from './types';

const NOW = new Date('2026-11-22T12:00:00Z');

function namespacesOf(doc: PostureDocument): string[] {
  const names = new Set(doc.namespaces.map((n) => n.name));
  for (const f of doc.findings) if (f.resource.kind === 'Namespace') names.add(f.resource.name);
  return [...names, 'no-such-namespace', ''];
}

function expectSameAsReadingAll(doc: PostureDocument) {
  // A copy is not known to be sorted: filterFindings reads every finding of it.
  const copy = [...doc.findings];
  expect(findingsOfNamespace(copy, 'x')).toBeNull();
  let found = 0;
  for (const namespace of namespacesOf(doc)) {
    for (const extra of ['', '&check=pod-security.pss.privileged', '&severity=high', '&object=Namespace/' + namespace]) {
      const q = parseFindingsQuery(new URLSearchParams(`namespace=${encodeURIComponent(namespace)}${extra}`));
      const searched = filterFindings(doc.findings, q);
      expect(searched, `${namespace}${extra}`).toEqual(filterFindings(copy, q));
      // The same objects in the same order, not equal copies.
      expect(searched.every((f, i) => f === filterFindings(copy, q)[i])).toBe(true);
      found += searched.length;
    }
  }
  expect(found).toBeGreaterThan(0);
}

describe('findingsOfNamespace', () => {
  it("finds in the demo's document what reading every finding finds, for every namespace and the Namespace objects' own findings", async () => {
    const doc = computePosture({ ...(await scanDemo()), readAt: '2026-11-22T00:00:00.000Z' }, { now: NOW });
    expect(doc.findings.some((f) => f.resource.kind === 'Namespace')).toBe(true);
    expectSameAsReadingAll(doc);
  });

  it('does so in a synthetic cluster of 40 namespaces, and after a new attack analysis replaced the list', () => {
    const { objects } = generateCluster({ namespaces: 40, pods: 1000, bindings: 400, nodes: 10, seed: 4 });
    const inv = buildInventory(objects, { cluster: { name: 'synthetic', version: 'v1.35.1', source: 'live' }, readAt: new Date('2026-11-22T00:00:00Z') });
    const doc = computePosture(inv, { now: NOW });
    expectSameAsReadingAll(doc);
    expectSameAsReadingAll(withAttackAnalysis(doc, analyseAttackPaths(inv, { keep: 3 })));
  });
});
