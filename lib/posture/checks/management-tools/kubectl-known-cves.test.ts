// The kubectl check over real-format audit events folded by the audit ingest.
import { describe, expect, it } from 'vitest';
import { isNotAssessed, type RawFinding } from '../../check';
import { AuditAggregator } from '../../audit/aggregate';
import { ALICE, auditEvent as ev } from '../../audit/test-events';
import type { AuditEvent } from '../../audit/event';
import { inventoryOf } from '../../test-inventory';
import { AUDIT_DETECTIONS } from '../api-abuse/index';
import kubectlKnownCves from './kubectl-known-cves';

const BOB = { username: 'bob@example.com', groups: ['system:authenticated'] };
function run(events: AuditEvent[]) {
  const agg = new AuditAggregator(AUDIT_DETECTIONS);
  agg.add(ev({ verb: 'get', resource: 'pods', namespace: 'shop', name: 'web-1' })); // a current kubectl beside
  for (const e of events) agg.add(e);
  return kubectlKnownCves.evaluate({ ...inventoryOf([]), audit: agg.result(['test']) });
}

describe('management-tools.kubectl-known-cves', () => {
  it('names kubectl 1.15.3 (CVE-2019-11251) with its users and says the user agent is client-set', () => {
    const out = run([
      ev({ verb: 'get', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', userAgent: 'kubectl/v1.15.3 (linux/amd64) kubernetes/2d3c76f', at: '2026-12-02T09:10:00Z' }),
      ev({ verb: 'list', resource: 'pods', namespace: 'shop', userAgent: 'kubectl/v1.15.3 (darwin/amd64) kubernetes/2d3c76f', user: BOB, at: '2026-12-02T11:40:00Z' }),
    ]) as RawFinding[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'medium', resource: { kind: 'Cluster' } });
    expect(out[0]!.message).toMatch(/^kubectl 1\.15\.3 \(CVE-2019-11251\) sent 2 requests between 2026-12-02T09:10:00.*by alice@example\.com, bob@example\.com; .*set by the client/);
  });

  it('passes current and fixed kubectl releases and other clients, and is not assessed without audit events', () => {
    expect(run([ev({ verb: 'get', resource: 'pods', userAgent: 'kubectl/v1.15.4 (linux/amd64) kubernetes/67d2fcf', user: ALICE }), ev({ verb: 'get', resource: 'pods', userAgent: 'Go-http-client/2.0' })])).toEqual([]);
    const none = kubectlKnownCves.evaluate(inventoryOf([]));
    expect(isNotAssessed(none) && none.notAssessed).toContain('no audit events');
  });
});
