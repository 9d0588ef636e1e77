import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit-verdict';

const report = (v: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...v } },
  });

describe('auditVerdict', () => {
  it('passes with no high or critical advisories, whatever the lower ones', () => {
    expect(auditVerdict(report({ low: 2, moderate: 1 })).status).toBe('pass');
  });
  it('fails on high or critical, naming the counts', () => {
    expect(auditVerdict(report({ high: 1, critical: 2 }))).toMatchObject({ status: 'fail', text: '1 high, 2 critical' });
  });
  it('is not assessed when the registry refuses the query (405 from a mirror), or prints nothing', () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    expect(auditVerdict(refused)).toEqual({ status: 'not-assessed', text: expect.stringContaining('405 Method Not Allowed') });
    expect(auditVerdict('').status).toBe('not-assessed');
    expect(auditVerdict('{}').status).toBe('not-assessed');
  });
});
