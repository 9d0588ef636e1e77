import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { computePosture } from './engine';
import { overviewData, TOP_RISKS_SHOWN, WORST_SHOWN } from './overview-data';
import { countBySeverity } from './scoring';
import { topRisks } from './top-risks';
import { isOpen } from './types';

describe('the overview cut of a document', () => {
  it('keeps everything but the findings and namespaces, and summarises those', async () => {
    const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });
    const o = overviewData(doc);
    expect(o).not.toHaveProperty('findings');
    expect(o).not.toHaveProperty('namespaces');
    expect(o.areas).toBe(doc.areas);
    expect(o.checks).toBe(doc.checks);
    // Open findings only: by-design and accepted ones are counted apart.
    const open = doc.findings.filter(isOpen);
    expect(o.triagedTotal).toBeGreaterThan(0);
    expect(o.findingTotal + o.triagedTotal).toBe(doc.findings.length);
    expect(o.findingTotal).toBe(open.length);
    expect(o.findingCounts).toEqual(countBySeverity(open));
    expect(o.topRisks).toEqual(topRisks(open, TOP_RISKS_SHOWN, doc.attackPaths!.fixFirst));
    // The overview component ranks its list again: that must keep it.
    expect(topRisks(o.topRisks, o.topRisks.length)).toEqual(o.topRisks);
    const scores = o.worstNamespaces.map((n) => n.score);
    expect(o.worstNamespaces).toHaveLength(Math.min(WORST_SHOWN, doc.namespaces.length));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(Math.max(...scores)).toBeLessThanOrEqual(Math.min(...doc.namespaces.filter((n) => !o.worstNamespaces.includes(n)).map((n) => n.score)));
    // A few kilobytes, whatever the document weighs.
    expect(JSON.stringify(o).length).toBeLessThan(JSON.stringify(doc).length / 4);
    expect(overviewData(doc)).toBe(o); // cut once per document
  });
});
