import { describe, expect, it } from 'vitest';
import { topRisks } from './top-risks';
import type { Finding, Severity } from './types';

const f = (checkId: string, severity: Severity, name: string): Finding => ({
  checkId,
  area: 'rbac',
  severity,
  title: checkId,
  message: '',
  remediation: '',
  resource: { kind: 'X', namespace: null, name },
});

describe('topRisks', () => {
  it('shows one finding per check before repeats, without letting a lower severity jump ahead', () => {
    const all = [f('images', 'critical', 'a'), f('images', 'critical', 'b'), f('images', 'critical', 'c'), f('admin', 'critical', 'd'), f('tls', 'high', 'e')];
    expect(topRisks(all, 4).map((x) => x.resource.name)).toEqual(['a', 'd', 'b', 'c']);
    expect(topRisks(all, 10)).toHaveLength(5);
  });
});
