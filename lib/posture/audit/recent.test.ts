import { describe, expect, it } from 'vitest';
import { recentEvent, ringEntry } from './recent';
import { auditEvent, saUser } from './test-events';

describe('recent audit events for display', () => {
  it('keeps no body and no query string, and lists who did what to which object with the decision', () => {
    const e = auditEvent({
      verb: 'create',
      resource: 'pods',
      namespace: 'shop',
      name: 'web-1',
      subresource: 'exec',
      uri: '/api/v1/namespaces/shop/pods/web-1/exec?command=cat&command=%2Fvar%2Frun%2Fsecrets%2Ftoken',
      requestObject: { spec: { secret: 'x' } },
      sourceIPs: ['198.51.100.9', '10.0.0.4'],
      impersonatedUser: saUser('kube-system', 'admin'),
    });
    const kept = ringEntry(e);
    expect(JSON.stringify(kept)).not.toMatch(/requestObject|secret|command=|reason|groups|uid/);
    expect(recentEvent(kept)).toEqual({
      time: '2026-12-02T10:15:30.234567Z',
      verb: 'create',
      user: 'alice@example.com',
      impersonated: 'system:serviceaccount:kube-system:admin',
      userAgent: 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46',
      sourceIP: '10.0.0.4',
      object: 'pods/exec shop/web-1',
      decision: 'allow',
      code: 200,
      stage: 'ResponseComplete',
    });
  });

  it('names a non-resource request by its path, a list by its collection, a refusal as such', () => {
    expect(recentEvent(ringEntry(auditEvent({ verb: 'get', uri: '/healthz?verbose' }))).object).toBe('/healthz');
    const refused = recentEvent(ringEntry(auditEvent({ verb: 'list', resource: 'secrets', decision: 'forbid' })));
    expect([refused.object, refused.decision, refused.code]).toEqual(['secrets (all)', 'forbid', 403]);
  });
});
