import { describe, expect, it } from 'vitest';
import { computePosture } from '../posture/engine';
import { ALL_CHECKS } from '../posture/registry';
import { inventoryOf, namespace } from '../posture/test-inventory';
import { docsUrl, formatSarif } from './format-sarif';

describe('SARIF helpUri', () => {
  const doc = computePosture(inventoryOf([namespace('shop')]));
  const rules = (base?: string) =>
    JSON.parse(formatSarif(doc, { rules: new Map(ALL_CHECKS.map((c) => [c.id, { remediation: c.remediation, docs: docsUrl(c.docs, base) }])) })).runs[0].tool.driver
      .rules as { id: string; helpUri?: string }[];

  it("links each rule to its check's catalogue page on the dashboard", () => {
    for (const r of rules('https://posture.example/base/')) expect(r.helpUri).toBe(`https://posture.example/checks/${r.id}`);
  });

  it('leaves helpUri out without the dashboard URL (SARIF wants it absolute)', () => {
    expect(rules().some((r) => 'helpUri' in r)).toBe(false);
  });
});
