// Sends findings new at or above a severity, neither accepted nor expected, once per channel:
// what was sent is recorded in the store (NotificationLog) after each delivery, so a restart does
// not send it again. Each channel: at most one message per `minIntervalMs` (later findings wait
// and go in the next message: one digest when many arrive at once), retries with exponential
// backoff. Errors name the channel by label only, never its URL.
import { createHash } from 'node:crypto';
import { severityRank } from '../../posture/scoring';
import { isOpen, type Finding, type PostureDocument, type Severity } from '../../posture/types';
import type { Channel, NotifyConfig } from './config';
import { payloadFor } from './payloads';

export interface SentLog {
  unsent(clusterKey: string, channel: string, fingerprints: readonly string[]): Promise<string[]>;
  record(clusterKey: string, channel: string, fingerprints: readonly string[]): Promise<void>;
}

export interface NotifierDeps {
  config: NotifyConfig;
  log: () => Promise<SentLog>;
  fetch?: typeof fetch;
  /** Retries after a failed delivery, and the first wait (doubled each time). */
  retries?: number;
  backoffMs?: number;
  minIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  warn?: (message: string) => void;
}

export function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.checkId}\n${f.resource.kind}\n${f.resource.namespace ?? ''}\n${f.resource.name}`).digest('hex').slice(0, 32);
}

export function notifiable(doc: PostureDocument, min: Severity): Finding[] {
  return doc.findings.filter((f) => isOpen(f) && severityRank(f.severity) <= severityRank(min));
}

export class Notifier {
  private lastSent = new Map<string, number>();
  private queue = new Map<string, Promise<void>>();

  constructor(private readonly deps: NotifierDeps) {}

  /** Sends what is new in `doc` to every channel; resolves when done (failures are logged, not thrown). */
  notify(clusterKey: string, doc: PostureDocument): Promise<void> {
    const candidates = notifiable(doc, this.deps.config.minSeverity);
    const runs = this.deps.config.channels.map((ch) => {
      const key = `${clusterKey}\n${ch.kind}`;
      // One delivery at a time per cluster and channel: a second scan waits, then sends only what is still unsent.
      const run = (this.queue.get(key) ?? Promise.resolve()).then(() => this.deliver(clusterKey, doc.cluster.name, ch, candidates));
      const settled = run.catch((e) => this.warn(`${ch.label}: ${scrub((e as Error).message, ch)}`));
      this.queue.set(key, settled);
      return settled;
    });
    return Promise.all(runs).then(() => undefined);
  }

  private async deliver(clusterKey: string, cluster: string, ch: Channel, candidates: Finding[]): Promise<void> {
    if (candidates.length === 0) return;
    const byPrint = new Map(candidates.map((f) => [fingerprint(f), f]));
    const log = await this.deps.log();
    const fresh = await log.unsent(clusterKey, ch.kind, [...byPrint.keys()]);
    if (fresh.length === 0) return;
    const key = `${clusterKey}\n${ch.kind}`;
    const wait = (this.lastSent.get(key) ?? -Infinity) + (this.deps.minIntervalMs ?? 60_000) - this.now();
    if (wait > 0) await this.sleep(wait);
    // What arrived while waiting was sent by no one: recheck, then send all of it as one message.
    const still = await log.unsent(clusterKey, ch.kind, fresh);
    if (still.length === 0) return;
    await this.post(ch, payloadFor(ch.kind, { cluster, findings: still.map((p) => byPrint.get(p)!) }));
    this.lastSent.set(key, this.now());
    await log.record(clusterKey, ch.kind, still);
  }

  private async post(ch: Channel, body: unknown): Promise<void> {
    const retries = this.deps.retries ?? 5;
    let delay = this.deps.backoffMs ?? 1_000;
    for (let attempt = 0; ; attempt++) {
      let why: string;
      try {
        const res = await (this.deps.fetch ?? fetch)(ch.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
          redirect: 'error',
        });
        if (res.ok) return;
        why = `HTTP ${res.status}`;
      } catch (e) {
        why = scrub((e as Error).message, ch);
      }
      if (attempt >= retries) throw new Error(`delivery failed after ${attempt + 1} attempts (${why})`);
      this.warn(`${ch.label}: attempt ${attempt + 1} failed (${why}); retrying in ${delay} ms`);
      await this.sleep(delay);
      delay *= 2;
    }
  }

  private now() {
    return (this.deps.now ?? Date.now)();
  }
  private sleep(ms: number) {
    return (this.deps.sleep ?? ((t) => new Promise<void>((r) => setTimeout(r, t))))(ms);
  }
  private warn(m: string) {
    (this.deps.warn ?? ((x) => console.error(`[notify] ${x}`)))(m);
  }
}

/** An error message with the channel's URL (or its path, which is the secret) taken out. */
export function scrub(message: string, ch: Channel): string {
  let out = message.split(ch.url).join('<url>');
  try {
    const u = new URL(ch.url);
    if (u.pathname.length > 1) out = out.split(u.pathname).join('<path>');
    if (u.search) out = out.split(u.search).join('');
  } catch {
    /* not a URL: nothing more to take out */
  }
  return out;
}
