// Keeps an Inventory current after a full list: one watch per kind from the list's
// resourceVersion, with bookmarks so a reconnect resumes where it stopped, reconnects with
// backoff when a stream drops, and a fresh list of the kind when its version expired (410).
// Emits ResourceChanges; applying them is lib/cluster/apply-change.ts (pure).
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { createApiClient, type ApiClientOptions } from './api-client';
import type { ResourceChange } from './apply-change';
import { labelSelectorOf, RESOURCES, type ResourceDef, type ResourceKey } from './inventory';
import { loadKubeConfig, type KubeconfigOptions } from './kubeconfig';
import { listKind, listPath } from './live';
import type { K8sObject } from './types';

export interface WatcherOptions extends KubeconfigOptions {
  /** The resourceVersion of each kind's list (scanLive's onListVersion); kinds without one are not watched. */
  versions: Partial<Record<ResourceKey, string>>;
  onChange: (change: ResourceChange) => void;
  /** A stream failed; the watcher retries by itself, this is for logs and for falling back to rescans. */
  onError?: (error: Error, resource: ResourceKey) => void;
  /** Server-side length of one watch request before it is renewed (default 5 minutes). */
  timeoutSeconds?: number;
  /** First reconnect delay, doubled per failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  client?: ApiClientOptions;
}

export interface Watcher {
  /** The version each kind's watch has reached (last event or bookmark). */
  versions(): Partial<Record<ResourceKey, string>>;
  stop(): void;
}

/** The watch request was answered with an HTTP error (403: the identity may not watch). */
export class WatchStatusError extends Error {
  override name = 'WatchStatusError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The watch answered 410: the version is older than the server's history. */
export class ExpiredError extends Error {
  override name = 'ExpiredError';
}

/** An answered stream broke off (socket closed mid-chunk): resumed from the last version, not an error. */
class StreamDroppedError extends Error {
  override name = 'StreamDroppedError';
}

/** Watches read metadata only where lists do (Secrets): the data never crosses the wire. */
const METADATA_WATCH_ACCEPT = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

export function startWatcher(opts: WatcherOptions): Watcher {
  const kc = loadKubeConfig(opts);
  const client = createApiClient(kc, opts.client);
  const versions: Partial<Record<ResourceKey, string>> = { ...opts.versions };
  const requests = new Set<http.ClientRequest>();
  let stopped = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });

  const loop = async (def: ResourceDef) => {
    const key = def.key as ResourceKey;
    let failures = 0;
    while (!stopped) {
      try {
        await watchOnce(kc, client.server, def, versions[key]!, opts.timeoutSeconds ?? 300, requests, (type, object) => {
          if (object.metadata?.resourceVersion) versions[key] = object.metadata.resourceVersion;
          if (type !== 'BOOKMARK') opts.onChange({ type, resource: key, object });
          failures = 0;
        });
      } catch (e) {
        if (stopped) return;
        if (e instanceof ExpiredError) {
          try {
            const objects = await listKind(client, def, 500, (rv) => (versions[key] = rv));
            opts.onChange({ type: 'RELIST', resource: key, objects });
            failures = 0;
            continue;
          } catch (listError) {
            e = listError;
          }
        }
        failures++;
        // Like client-go, a stream cut after it was answered is re-watched (with backoff) quietly.
        if (!(e instanceof StreamDroppedError)) opts.onError?.(e as Error, key);
        const base = opts.backoffMs ?? 500;
        await sleep(Math.min(opts.maxBackoffMs ?? 30_000, base * 2 ** (failures - 1)) * (0.5 + Math.random() / 2));
      }
    }
  };

  for (const def of RESOURCES) if (versions[def.key] !== undefined) void loop(def);

  return {
    versions: () => ({ ...versions }),
    stop() {
      stopped = true;
      for (const r of requests) r.destroy();
      for (const wake of [...sleepers]) wake();
      client.close();
    },
  };
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

/** One watch request: resolves when the server ends it (its timeout), rejects on errors and 410. */
async function watchOnce(
  kc: KubeConfig,
  server: string,
  def: ResourceDef,
  resourceVersion: string,
  timeoutSeconds: number,
  requests: Set<http.ClientRequest>,
  onEvent: (type: EventType, object: K8sObject) => void,
): Promise<void> {
  const q = new URLSearchParams({ watch: '1', resourceVersion, allowWatchBookmarks: 'true', timeoutSeconds: String(timeoutSeconds) });
  const selector = labelSelectorOf(def);
  if (selector) q.set('labelSelector', selector); // an object that loses the label arrives as DELETED
  const path = `${listPath(def)}?${q}`;
  // The same credentials and TLS as every other request (api-client.ts), applied per request.
  const opts: https.RequestOptions = { method: 'GET', headers: { Accept: def.metadataOnly ? METADATA_WATCH_ACCEPT : 'application/json' } };
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(server + path);
  const apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
  return new Promise((resolve, reject) => {
    // A stream that stays silent well past its own timeout is dead (no bookmark, no end).
    let idle: NodeJS.Timeout;
    let silent: Error | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => req.destroy((silent = new Error(`watch of ${def.key} went silent`))), (timeoutSeconds + 30) * 1000);
    };
    const finish = (e?: Error) => {
      clearTimeout(idle);
      requests.delete(req);
      if (e) reject(e);
      else resolve();
    };
    const req = (url.protocol === 'https:' ? https : http).request(url, opts, (res) => {
      if ((res.statusCode ?? 0) >= 300) {
        res.resume();
        const status = res.statusCode;
        return finish(status === 410 ? new ExpiredError(`410 on ${path}`) : new WatchStatusError(status ?? 0, `watch of ${def.key} answered ${status}`));
      }
      res.setEncoding('utf8');
      let buffer = '';
      let failed: Error | undefined;
      res.on('data', (chunk: string) => {
        arm();
        buffer += chunk;
        for (let nl = buffer.indexOf('\n'); nl >= 0 && !failed; nl = buffer.indexOf('\n')) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) failed = handleLine(line);
        }
        if (failed) req.destroy(failed);
      });
      res.on('end', () => finish(failed));
      res.on('error', (e) => finish(failed ?? silent ?? new StreamDroppedError(`watch of ${def.key} dropped: ${e.message}`)));
    });
    const handleLine = (line: string): Error | undefined => {
      let event: { type?: unknown; object?: Record<string, unknown> };
      try {
        event = JSON.parse(line) as typeof event;
      } catch {
        return new Error(`invalid watch event from ${def.key}`);
      }
      if (event.type === 'ERROR') {
        const status = event.object as { code?: number; message?: string } | undefined;
        return status?.code === 410
          ? new ExpiredError(status.message ?? 'expired')
          : new Error(`watch of ${def.key} failed: ${status?.message ?? 'ERROR event'}`);
      }
      if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED' && event.type !== 'BOOKMARK') return undefined;
      if (typeof event.object !== 'object' || event.object === null) return undefined;
      const obj = def.metadataOnly ? { metadata: event.object.metadata } : event.object;
      onEvent(event.type, { ...obj, kind: def.kind, apiVersion } as K8sObject);
      return undefined;
    };
    requests.add(req);
    req.on('error', (e) => finish(e));
    arm();
    req.end();
  });
}
