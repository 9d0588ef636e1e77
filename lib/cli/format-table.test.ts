import { describe, expect, it } from 'vitest';
import { computePosture } from '../posture/engine';
import { inventoryOf, namespace } from '../posture/test-inventory';
import { formatTable } from './format-table';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'apps' },
  spec: { containers: [{ name: 'app', image: 'registry.example/app:1', securityContext: { privileged: true } }] },
});

describe('table output', () => {
  it('names each object’s owner and says which findings are accepted or came back', () => {
    const inv = inventoryOf([namespace('apps', { team: 'team-web' }), pod('web'), pod('api')]);
    const scope = (name: string) => ({ type: 'object' as const, kind: 'Pod', namespace: 'apps', name });
    const base = { checkId: 'pod-security.pss.privileged', reason: 'lab', owner: 'team-web', createdBy: 'ci' };
    const exceptions = [
      { ...base, id: 'a', scope: scope('web'), expires: '2027-01-31' },
      { ...base, id: 'b', scope: scope('api'), expires: '2026-11-30' },
    ];
    const text = formatTable(computePosture(inv, { now: new Date('2026-12-02T12:00:00Z'), triage: { exceptions } }), { width: 2000 });
    expect(text).toMatch(/^Pod apps\/web \(owner team-web\)$/m);
    expect(text).toMatch(/\[pod-security\.pss\.privileged\] \(accepted until 2027-01-31, owner team-web\)/);
    expect(text).toMatch(/\[pod-security\.pss\.privileged\] \(exception expired 2026-11-30\)/);
  });
});
