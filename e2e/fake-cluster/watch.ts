// Watches for the fake API server: changes to single objects (applyObject/deleteObject) bump the
// store's resourceVersion and go into a bounded event log; `?watch=1&resourceVersion=N` replays
// the log after N and then streams newline-delimited WatchEvents over a chunked response, as
// kube-apiserver does. A resourceVersion older than the log (compacted, or from before a
// setObjects) gets a 410 Expired ERROR event, and the client has to list again.
import type { ServerResponse } from 'node:http';
import type { K8sObject } from '../../lib/cluster/types';
import { groupVersion, type ServedResource } from './catalog';
import type { WatchDrop, WatchFault } from './faults';
import { StatusError, badRequest, statusBody } from './status';
import { resourceKey, type Store } from './store';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

interface LoggedEvent {
  rv: number;
  resource: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: K8sObject;
}

/** What routes.ts resolves for a watch request; server.ts hands it to WatchHub.serve. */
export interface WatchRequest {
  resource: ServedResource;
  version: string;
  namespace: string | undefined;
  /** Selectors and name, already parsed by routes.ts. */
  matches: (o: K8sObject) => boolean;
  resourceVersion: string | null;
  bookmarks: boolean;
  timeoutSeconds: number | null;
  /** Rewrites an object for the response format (Table rows for kubectl's default output). */
  present: (o: K8sObject) => object;
}

interface OpenWatch {
  req: WatchRequest;
  res: ServerResponse;
  timers: NodeJS.Timeout[];
  /** The dropWatches fault on this stream, and the events it has carried. */
  drop?: WatchDrop;
  sent: number;
  closed: boolean;
}

export interface WatchHubOptions {
  /** How many changes the log keeps; a watch from before them is expired (410). */
  logSize?: number;
  /** How often open watches that asked for bookmarks get one. */
  bookmarkIntervalMs?: number;
}

export class WatchHub {
  private log: LoggedEvent[] = [];
  /** Watches from a resourceVersion below this cannot be replayed. */
  private floor: number;
  private open = new Set<OpenWatch>();
  private readonly logSize: number;
  private readonly bookmarkIntervalMs: number;

  constructor(
    private store: Store,
    opts: WatchHubOptions = {},
  ) {
    this.floor = Number(store.resourceVersion) || 0;
    this.logSize = opts.logSize ?? 10_000;
    this.bookmarkIntervalMs = opts.bookmarkIntervalMs ?? 1_000;
  }

  /** After setObjects: the old history is gone, so every open watch ends with 410 Expired. */
  reset(store: Store): void {
    this.store = store;
    this.log = [];
    this.floor = Number(store.resourceVersion) || 0;
    for (const w of [...this.open]) this.finish(w, expired(`the object set was replaced at resourceVersion ${store.resourceVersion}`));
  }

  /** Creates or replaces one object; returns it as stored (with uid and the new resourceVersion). */
  apply(input: K8sObject): K8sObject {
    const { served, list } = this.resourceOf(input);
    const namespace = served.namespaced ? input.metadata.namespace || 'default' : undefined;
    const at = list.findIndex((o) => o.metadata.namespace === namespace && o.metadata.name === input.metadata.name);
    const rv = this.bump();
    const previous = at >= 0 ? list[at] : undefined;
    const metadata = { ...structuredClone(input.metadata), resourceVersion: String(rv) };
    if (namespace === undefined) delete metadata.namespace;
    else metadata.namespace = namespace;
    metadata.uid = previous?.metadata.uid ?? input.metadata.uid ?? `watch-${rv}-${Math.random().toString(16).slice(2, 10)}`;
    const stored: K8sObject = { ...structuredClone(input), metadata };
    if (previous) list[at] = stored;
    else list.splice(insertionPoint(list, stored), 0, stored);
    this.record({ rv, resource: resourceKey(served.group, served.plural), type: previous ? 'MODIFIED' : 'ADDED', object: stored });
    return stored;
  }

  /** Deletes one object; false when there was none. */
  delete(kind: string, namespace: string | undefined, name: string, apiGroup?: string): boolean {
    const served = this.store.catalog.find((r) => r.kind === kind && (apiGroup === undefined || r.group === apiGroup));
    if (!served) throw new Error(`the fake cluster serves no kind ${kind}`);
    const list = this.store.byResource.get(resourceKey(served.group, served.plural))!;
    const ns = served.namespaced ? namespace || 'default' : undefined;
    const at = list.findIndex((o) => o.metadata.namespace === ns && o.metadata.name === name);
    if (at < 0) return false;
    const [gone] = list.splice(at, 1);
    const rv = this.bump();
    this.record({
      rv,
      resource: resourceKey(served.group, served.plural),
      type: 'DELETED',
      object: { ...gone!, metadata: { ...gone!.metadata, resourceVersion: String(rv) } },
    });
    return true;
  }

  /** Streams a watch: replay from the log, then live events, bookmarks and the timeout. */
  serve(req: WatchRequest, res: ServerResponse, headers: Record<string, string>, fault: WatchFault = null): void {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    const w: OpenWatch = { req, res, timers: [], sent: 0, closed: false, drop: fault?.type === 'drop' ? fault.drop : undefined };
    if (fault?.type === 'expire') return this.finish(w, fault.status);
    const key = resourceKey(req.resource.group, req.resource.plural);
    const from = req.resourceVersion;
    if (from === null || from === '' || from === '0') {
      // No version: the current objects as ADDED (what a watch without a list sees first).
      for (const o of this.store.byResource.get(key) ?? []) if (this.visible(req, o)) this.send(w, 'ADDED', o);
    } else {
      const n = Number(from);
      if (!Number.isInteger(n) || n < 0) return this.finish(w, badRequest(`invalid resourceVersion: ${from}`));
      if (n < this.floor) return this.finish(w, expired(`too old resource version: ${n} (${this.floor})`));
      for (const e of this.log) if (e.rv > n && e.resource === key && this.visible(req, e.object)) this.send(w, e.type, e.object);
    }
    if (w.closed) return; // a dropWatches fault ended it during the replay
    this.open.add(w);
    res.on('close', () => this.drop(w));
    if (req.bookmarks) w.timers.push(setInterval(() => this.bookmark(w), this.bookmarkIntervalMs));
    if (req.timeoutSeconds !== null) w.timers.push(setTimeout(() => this.finish(w), req.timeoutSeconds * 1000));
    const afterMs = w.drop?.afterMs;
    if (afterMs !== undefined) w.timers.push(setTimeout(() => (w.drop?.abrupt ? this.cut(w, this.bookmarkLine(w)) : this.finish(w)), afterMs));
  }

  /** How many watches are open (tests check that clients close theirs). */
  get openWatches(): number {
    return this.open.size;
  }

  closeAll(): void {
    for (const w of [...this.open]) this.finish(w);
  }

  private resourceOf(input: K8sObject): { served: ServedResource; list: K8sObject[] } {
    const group = input.apiVersion.includes('/') ? input.apiVersion.split('/')[0]! : '';
    const served = this.store.catalog.find((r) => r.group === group && r.kind === input.kind);
    if (!served) throw new Error(`the fake cluster serves no kind ${input.apiVersion} ${input.kind}`);
    return { served, list: this.store.byResource.get(resourceKey(served.group, served.plural))! };
  }

  private bump(): number {
    const rv = (Number(this.store.resourceVersion) || 0) + 1;
    this.store.resourceVersion = String(rv);
    return rv;
  }

  private record(e: LoggedEvent): void {
    this.log.push(e);
    if (this.log.length > this.logSize) {
      const dropped = this.log.splice(0, this.log.length - this.logSize);
      this.floor = dropped[dropped.length - 1]!.rv;
    }
    const key = e.resource;
    for (const w of this.open) {
      if (resourceKey(w.req.resource.group, w.req.resource.plural) === key && this.visible(w.req, e.object)) this.send(w, e.type, e.object);
    }
  }

  private visible(req: WatchRequest, o: K8sObject): boolean {
    return (req.namespace === undefined || o.metadata.namespace === req.namespace) && req.matches(o);
  }

  private send(w: OpenWatch, type: WatchEventType, o: K8sObject): void {
    if (w.closed) return;
    const object = w.req.present({ ...o, apiVersion: groupVersion(w.req.resource.group, w.req.version), kind: w.req.resource.kind });
    const line = `${JSON.stringify({ type, object })}\n`;
    const limit = w.drop?.afterEvents;
    if (limit !== undefined && w.drop?.abrupt && w.sent >= limit) return this.cut(w, line);
    w.res.write(line);
    w.sent++;
    if (limit !== undefined && !w.drop?.abrupt && w.sent >= limit) this.finish(w);
  }

  private bookmark(w: OpenWatch): void {
    if (!w.closed) w.res.write(this.bookmarkLine(w));
  }

  private bookmarkLine(w: OpenWatch): string {
    const object = {
      kind: w.req.resource.kind,
      apiVersion: groupVersion(w.req.resource.group, w.req.version),
      metadata: { resourceVersion: this.store.resourceVersion },
    };
    return `${JSON.stringify({ type: 'BOOKMARK', object })}\n`;
  }

  /** The abrupt drop: half of `line` goes out in its own chunk, then the socket is destroyed (no terminating chunk). */
  private cut(w: OpenWatch, line: string): void {
    w.closed = true;
    this.drop(w);
    const socket = w.res.socket;
    w.res.write(line.slice(0, Math.ceil(line.length / 2)), () => socket?.destroy());
  }

  private finish(w: OpenWatch, error?: StatusError): void {
    w.closed = true;
    if (error && !w.res.writableEnded) w.res.write(`${JSON.stringify({ type: 'ERROR', object: statusBody(error) })}\n`);
    this.drop(w);
    if (!w.res.writableEnded) w.res.end();
  }

  private drop(w: OpenWatch): void {
    for (const t of w.timers) clearTimeout(t);
    w.timers = [];
    this.open.delete(w);
  }
}

function expired(message: string): StatusError {
  return new StatusError(410, 'Expired', message);
}

// The store keeps each list sorted by namespace, then name (code-unit order), as lists return them.
function insertionPoint(list: readonly K8sObject[], o: K8sObject): number {
  const key = (x: K8sObject) => [x.metadata.namespace ?? '', x.metadata.name] as const;
  const [ns, name] = key(o);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const [mns, mname] = key(list[mid]!);
    if (mns < ns || (mns === ns && mname < name)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
