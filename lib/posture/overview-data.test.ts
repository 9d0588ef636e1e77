import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { computePosture } from './engine';
import { overviewData, TOP_RISKS_SHOWN, WORST_SHOWN } from './overview-data';
import { countBySeverity } from './scoring';
import { topRisks } from './top-risks';

describe('the overview cut of a document', () => {
  it('keeps everything but the findings and namespaces, and summarises those', async () => {
    const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });
    const o = overviewData(doc);
    expect(o).not.toHaveProperty('findings');
    expect(o).not.toHaveProperty('namespaces');
    expect(o.areas).toBe(doc.areas);
    expect(o.checks).toBe(doc.checks);
    expect(o.findingTotal).toBe(doc.findings.length);
    expect(o.findingCounts).toEqual(countBySeverity(doc.findings));
    expect(o.topRisks).toEqual(topRisks(doc.findings, TOP_RISKS_SHOWN, doc.attackPaths!.fixFirst));
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
