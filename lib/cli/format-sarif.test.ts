// The SARIF writer's rules: helpUri from a check's documentation, where a check has one.
import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { computePosture } from '../posture/engine';
import { formatSarif, helpUri } from './format-sarif';
import { sarifErrors } from './test-sarif-schema';

const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });

describe('formatSarif', () => {
  it('gives a rule the helpUri of its check documentation, and none to a check without', () => {
    const [documented, plain] = doc.checks;
    const rules = new Map([
      [documented!.id, { remediation: 'fix it', docs: 'https://docs.example.org/checks/privileged' }],
      [plain!.id, { remediation: 'fix that' }],
    ]);
    const sarif = JSON.parse(formatSarif(doc, { rules, baseDir: '/repo' }));
    expect(sarifErrors(sarif)).toEqual([]);
    const rule = (id: string) => sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === id);
    expect(rule(documented!.id)).toMatchObject({ helpUri: 'https://docs.example.org/checks/privileged', help: { text: 'fix it' } });
    expect(rule(plain!.id)).not.toHaveProperty('helpUri');
  });

  it('turns only absolute URLs into helpUri: a bare slug waits for a published docs base', () => {
    expect(helpUri('https://x.example/a')).toBe('https://x.example/a');
    expect(helpUri('pod-security/privileged')).toBeUndefined();
    expect(helpUri(undefined)).toBeUndefined();
  });

  it('gives a file outside the working directory as an absolute file URI', () => {
    const [finding] = doc.findings;
    const locate = () => ({ file: '/elsewhere/app yaml.yaml', line: 3 });
    const sarif = JSON.parse(formatSarif({ ...doc, findings: [finding!] }, { rules: new Map(), locate, baseDir: '/repo' }));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'file:///elsewhere/app%20yaml.yaml' },
      region: { startLine: 3 },
    });
  });
});
