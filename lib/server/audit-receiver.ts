// POST /api/audit/webhook: the API server's audit webhook backend (--audit-webhook-config-file,
// deploy/optional/audit-webhook.kubeconfig). It POSTs EventList batches and retries a batch on
// any error. The sender is the deployment's own cluster, authenticated by the bearer token in
// POSTURE_AUDIT_TOKEN (checked before the body is read; no token configured: the route is off).
// The body (AUDIT_MAX_BYTES) and the batch (AUDIT_MAX_BATCH events) are capped; a batch is
// answered as soon as it is queued and folded into the hourly aggregates after, so the API
// server never waits on the detections. A full queue answers 503: the API server retries later.
// A retried batch is not counted twice (auditID and stage are remembered). Raw events are kept
// only in a small ring for display; aggregates older than AUDIT_RETENTION_HOURS are dropped.
import { AuditAggregator, hourOf, type AuditAggregate, type AuditData } from '../posture/audit/aggregate';
import { asAuditEvent, eventListItems, type AuditEvent } from '../posture/audit/event';
import { ringEntry } from '../posture/audit/recent';
import { AUDIT_DETECTIONS } from '../posture/checks/api-abuse/index';
import { readBodyLimited } from '../snapshots/api-input';
import { NO_STORE, jsonError } from './api-responses';
import { auditMaxBytes, auditTokenMatches } from './audit-token';
import { jsonContentTypeRefusal } from './route-input';

export const RING_SIZE = 200;
const SEEN_CAP = 100_000;

export interface AuditReceiverConfig {
  token: string | null;
  maxBytes: number;
  maxBatch: number;
  /** Events waiting to be folded before the receiver answers 503. */
  queueLimit: number;
  retentionHours: number;
}

const num = (v: string | undefined, d: number) => (v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d);

export function auditReceiverConfig(env: Record<string, string | undefined> = process.env): AuditReceiverConfig {
  return {
    token: env.POSTURE_AUDIT_TOKEN || null,
    maxBytes: auditMaxBytes(env),
    maxBatch: num(env.AUDIT_MAX_BATCH, 2_000),
    queueLimit: num(env.AUDIT_QUEUE_LIMIT, 20_000),
    retentionHours: num(env.AUDIT_RETENTION_HOURS, 14 * 24),
  };
}

/** What one cluster's receiver holds: bounded aggregates, a ring of recent events, the queue. */
export class AuditIntake {
  readonly aggregator = new AuditAggregator(AUDIT_DETECTIONS);
  readonly ring: AuditEvent[] = [];
  private seen = new Set<string>();
  private queue: AuditEvent[][] = [];
  queued = 0;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly retentionHours: number,
    private readonly onFolded: (changed: AuditAggregate[]) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Rows kept from before (the store's), counted as events that arrived. */
  restore(rows: readonly AuditAggregate[]): void {
    this.aggregator.merge(rows);
    this.aggregator.events += rows.reduce((n, r) => n + r.count, 0);
    this.aggregator.takeChanged();
  }

  /** The oldest hour kept (ISO). */
  retainedFrom(): string {
    return hourOf(new Date(this.now().getTime() - this.retentionHours * 3_600_000).toISOString());
  }

  enqueue(events: AuditEvent[]): void {
    this.queue.push(events);
    this.queued += events.length;
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /** Resolves when everything queued so far is folded. */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private drain(): void {
    try {
      for (let batch = this.queue.shift(); batch; batch = this.queue.shift()) {
        this.queued -= batch.length;
        for (const e of batch) this.fold(e);
      }
      this.aggregator.prune(this.retainedFrom());
    } finally {
      this.draining = null;
    }
    this.onFolded(this.aggregator.takeChanged());
  }

  private fold(e: AuditEvent): void {
    const id = e.auditID ? `${e.auditID}/${e.stage}` : null;
    if (id) {
      if (this.seen.has(id)) return;
      if (this.seen.size >= SEEN_CAP) this.seen.clear();
      this.seen.add(id);
    }
    this.aggregator.add(e);
    if (this.ring.length >= RING_SIZE) this.ring.shift();
    // Only what a display needs (the /audit page): never request or response bodies.
    this.ring.push(ringEntry(e));
  }

  data(): AuditData {
    return this.aggregator.result(['audit webhook']);
  }
}


const UNAUTHORIZED = () =>
  new Response(JSON.stringify({ error: 'the audit webhook needs its bearer token' }), {
    status: 401,
    headers: { ...NO_STORE, 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' },
  });

export async function handleAuditWebhook(request: Request, cfg: AuditReceiverConfig, intake: AuditIntake | null): Promise<Response> {
  if (!cfg.token || !intake) return jsonError(404, 'the audit webhook is off (no POSTURE_AUDIT_TOKEN)');
  if (!auditTokenMatches(request.headers.get('authorization'), cfg.token)) return UNAUTHORIZED();
  return handleAuditBatch(request, cfg, intake);
}

/**
 * A batch from a sender already authenticated (by the bearer token above, or by its client
 * certificate on the TLS listener, audit-tls.ts): caps, answer at once, fold after.
 */
export async function handleAuditBatch(request: Request, cfg: AuditReceiverConfig, intake: AuditIntake): Promise<Response> {
  const notJson = jsonContentTypeRefusal(request);
  if (notJson) return notJson;
  const tooBig = `the batch is larger than ${Math.round(cfg.maxBytes / 1024)} KiB (AUDIT_MAX_BYTES)`;
  if (Number(request.headers.get('content-length') ?? 0) > cfg.maxBytes) return jsonError(413, tooBig);
  const text = await readBodyLimited(request.body, cfg.maxBytes);
  if (text === null) return jsonError(413, tooBig);
  let items: unknown[] | null;
  try {
    items = eventListItems(JSON.parse(text));
  } catch {
    items = null;
  }
  if (!items) return jsonError(400, 'the body must be an audit.k8s.io EventList');
  if (items.length > cfg.maxBatch) return jsonError(413, `the batch has ${items.length} events; at most ${cfg.maxBatch} (AUDIT_MAX_BATCH)`);
  if (intake.queued + items.length > cfg.queueLimit)
    return new Response(JSON.stringify({ error: 'the receiver is behind; retry later' }), { status: 503, headers: { ...NO_STORE, 'Content-Type': 'application/json', 'Retry-After': '10' } });
  const events = items.map(asAuditEvent).filter((e): e is AuditEvent => e !== null);
  intake.enqueue(events);
  return Response.json({ accepted: events.length, skipped: items.length - events.length }, { headers: NO_STORE });
}
