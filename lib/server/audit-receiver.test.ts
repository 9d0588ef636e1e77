// The audit webhook receiver as the API server's webhook backend drives it: EventList batches
// POSTed with the kubeconfig's bearer token, retried after any failure.
import { describe, expect, it } from 'vitest';
import { auditEvent, SOON_AFTER_EVENTS } from '../posture/audit/test-events';
import type { AuditEvent } from '../posture/audit/event';
import { AuditIntake, handleAuditWebhook, RING_SIZE, type AuditReceiverConfig } from './audit-receiver';

const TOKEN = 'audit-webhook-secret';
const cfg = (over: Partial<AuditReceiverConfig> = {}): AuditReceiverConfig => ({ token: TOKEN, maxBytes: 1 << 20, maxBatch: 400, queueLimit: 10_000, retentionHours: 24 * 14, ...over });
const exec = (i: number) => ({ ...auditEvent({ verb: 'create', resource: 'pods', namespace: 'shop', name: `web-${i}`, subresource: 'exec', auditID: `batch-${i}` }), apiVersion: 'audit.k8s.io/v1' });
const list = (events: AuditEvent[]) => ({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', metadata: {}, items: events });

/** A POST as kube-apiserver's webhook backend sends it (k8s.io/apiserver plugin/pkg/audit/webhook). */
function post(body: unknown, opts: { token?: string | null; raw?: string; length?: boolean } = {}): Request {
  const text = opts.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json, */*', 'User-Agent': 'kube-apiserver/v1.31.2 (linux/amd64) kubernetes/5864a46' };
  if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? TOKEN}`;
  if (opts.length !== false) headers['Content-Length'] = String(Buffer.byteLength(text));
  return new Request('https://kube-posture.kube-posture.svc:8443/api/audit/webhook', { method: 'POST', headers, body: text });
}

const execCount = (i: AuditIntake) => i.data().rows.filter((r) => r.detection === 'api-abuse.exec-by-people').reduce((n, r) => n + r.count, 0);

describe('the audit webhook receiver', () => {
  it('answers each batch at once and folds it after', async () => {
    const intake = new AuditIntake(24, () => {}, SOON_AFTER_EVENTS);
    const res = await handleAuditWebhook(post(list(Array.from({ length: 400 }, (_, i) => exec(i)))), cfg(), intake);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 400, skipped: 0 });
    expect(intake.data().events).toBe(0); // not yet: the API server did not wait for the detections
    const second = await handleAuditWebhook(post(list([exec(400), exec(401), exec(402)])), cfg(), intake);
    expect(second.status).toBe(200);
    await intake.settled();
    expect(intake.data().events).toBe(403);
    expect(execCount(intake)).toBe(403);
  });

  it('counts a retried batch once, whether the first try failed or only its answer was lost', async () => {
    const intake = new AuditIntake(24, () => {}, SOON_AFTER_EVENTS);
    const batch = list(Array.from({ length: 50 }, (_, i) => exec(i)));
    // The queue is full: 503 with Retry-After, and nothing of the batch is kept.
    const busy = await handleAuditWebhook(post(batch), cfg({ queueLimit: 10 }), intake);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('10');
    await intake.settled();
    expect(intake.data().events).toBe(0);
    // The API server retries after its backoff; then again, as if our 200 had been lost.
    expect((await handleAuditWebhook(post(batch), cfg(), intake)).status).toBe(200);
    await intake.settled();
    expect((await handleAuditWebhook(post(batch), cfg(), intake)).status).toBe(200);
    await intake.settled();
    expect(execCount(intake)).toBe(50);
  });

  it('refuses an oversized body (declared or streamed) and an oversized batch with 413', async () => {
    const intake = new AuditIntake(24, () => {}, SOON_AFTER_EVENTS);
    const big = list(Array.from({ length: 300 }, (_, i) => exec(i)));
    expect((await handleAuditWebhook(post(big), cfg({ maxBytes: 10_000 }), intake)).status).toBe(413);
    expect((await handleAuditWebhook(post(big, { length: false }), cfg({ maxBytes: 10_000 }), intake)).status).toBe(413);
    const many = await handleAuditWebhook(post(big), cfg({ maxBatch: 100 }), intake);
    expect(many.status).toBe(413);
    expect(await many.json()).toEqual({ error: 'the batch has 300 events; at most 100 (AUDIT_MAX_BATCH)' });
    await intake.settled();
    expect(intake.data().events).toBe(0);
  });

  it('refuses a wrong or missing credential with 401 before reading the body, and is off without a token', async () => {
    const intake = new AuditIntake(24, () => {}, SOON_AFTER_EVENTS);
    for (const token of ['wrong', `${TOKEN}x`, null]) {
      const r = await handleAuditWebhook(post(list([exec(1)]), { token }), cfg(), intake);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await handleAuditWebhook(post(list([exec(1)])), cfg({ token: null }), intake)).status).toBe(404);
    await intake.settled();
    expect(intake.data().events).toBe(0);
  });

  it('refuses what is not an EventList', async () => {
    const intake = new AuditIntake(24, () => {}, SOON_AFTER_EVENTS);
    expect((await handleAuditWebhook(post(exec(1)), cfg(), intake)).status).toBe(400);
    expect((await handleAuditWebhook(post(null, { raw: '{"kind":"EventList","items":[' }), cfg(), intake)).status).toBe(400);
  });

  it('keeps raw events only in a small ring, without request bodies, and drops aggregates past retention', async () => {
    let now = new Date('2026-12-02T10:30:00Z');
    const intake = new AuditIntake(2, () => {}, () => now);
    const withBody = { ...exec(0), requestObject: { spec: { secret: 'x' } } };
    await handleAuditWebhook(post(list([withBody, ...Array.from({ length: RING_SIZE + 20 }, (_, i) => exec(i + 1))])), cfg({ maxBatch: 1000 }), intake);
    await intake.settled();
    expect(intake.ring).toHaveLength(RING_SIZE);
    expect(JSON.stringify(intake.ring)).not.toContain('requestObject');
    expect(intake.data().rows.length).toBeGreaterThan(0);
    now = new Date('2026-12-02T13:30:00Z');
    await handleAuditWebhook(post(list([])), cfg(), intake);
    await intake.settled();
    expect(intake.data().rows).toEqual([]);
  });
});
