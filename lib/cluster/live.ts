// Reading a live cluster: every kind the posture needs, in parallel, page by page.
import { ApiError, createApiClient, TransportError, type ApiClient, type ApiClientOptions } from './api-client';
import { buildInventory } from './build-inventory';
import { labelSelectorOf, pluralOf, RESOURCES, type Inventory, type MissingKind, type ResourceDef, type ResourceKey } from './inventory';
import { loadKubeConfig, type KubeconfigOptions } from './kubeconfig';
import type { K8sObject } from './types';

export interface LiveScanOptions extends KubeconfigOptions {
  pageSize?: number;
  concurrency?: number;
  onProgress?: (event: ProgressEvent) => void;
  /** The resourceVersion of each kind's list, for watches to continue from (lib/cluster/watch.ts). */
  onListVersion?: (resource: ResourceKey, resourceVersion: string) => void;
  /** Timeouts and retries of each request (tests shorten them). */
  client?: ApiClientOptions;
}

export type ProgressEvent =
  | { type: 'kind-done'; resource: ResourceKey; count: number; done: number; total: number }
  | { type: 'kind-missing'; resource: ResourceKey; reason: MissingKind['reason']; done: number; total: number };

export class ClusterUnreachableError extends Error {
  override name = 'ClusterUnreachableError';
}

export async function scanLive(opts: LiveScanOptions = {}): Promise<Inventory> {
  const kc = loadKubeConfig(opts);
  const client = createApiClient(kc, opts.client);
  try {
    const version = await readVersion(client);
    const { objects, missing } = await listAll(client, opts);
    return buildInventory(objects, { cluster: { name: kc.getCurrentContext(), version, source: 'live' }, missing });
  } finally {
    client.close();
  }
}

async function readVersion(client: ApiClient): Promise<string | null> {
  try {
    const v = (await client.getJson('/version')) as { gitVersion?: unknown };
    return typeof v.gitVersion === 'string' ? v.gitVersion : null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw new ClusterUnreachableError(`${client.server} rejected our credentials (401 Unauthorized)`);
    if (e instanceof ApiError) return null; // /version forbidden: the lists may still work
    throw new ClusterUnreachableError(`cannot reach ${client.server}: ${(e as Error).message}`);
  }
}

const STOP_AFTER_TIMEOUTS = 2;

export async function listAll(client: ApiClient, opts: LiveScanOptions) {
  const objects: K8sObject[] = [];
  const missing: Partial<Record<ResourceKey, MissingKind>> = {};
  const queue = [...RESOURCES];
  const total = queue.length;
  let done = 0;
  // Lists that timed out since the last one that was read. One slow list is one slow list; several
  // at once is a server that stopped answering, and waiting a timeout per remaining kind would only
  // delay saying so.
  let timeoutsInARow = 0;
  const worker = async () => {
    for (let def = queue.shift(); def; def = queue.shift()) {
      if (timeoutsInARow >= STOP_AFTER_TIMEOUTS) {
        missing[def.key] = { reason: 'error', detail: `${def.key} not listed: the API server stopped answering (${timeoutsInARow} lists timed out)` };
        done++;
        opts.onProgress?.({ type: 'kind-missing', resource: def.key, reason: 'error', done, total });
        continue;
      }
      try {
        const items = await listKind(client, def, opts.pageSize ?? 500, (rv) => opts.onListVersion?.(def.key, rv));
        objects.push(...items);
        timeoutsInARow = 0;
        done++;
        opts.onProgress?.({ type: 'kind-done', resource: def.key, count: items.length, done, total });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) throw new ClusterUnreachableError(`credentials rejected while listing ${def.key} (401)`);
        if (e instanceof TransportError && e.kind === 'timeout') timeoutsInARow++;
        const m = missingFrom(e, def);
        missing[def.key] = m;
        done++;
        opts.onProgress?.({ type: 'kind-missing', resource: def.key, reason: m.reason, done, total });
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 6 }, worker));
  // Not one kind read and some failed: the cluster is not answering, and a posture of nothing
  // would only hide that. The scan fails, so the dashboard keeps its last good result.
  const failed = Object.values(missing).filter((m) => m?.reason === 'error');
  if (failed.length > 0 && failed.length + Object.values(missing).filter((m) => m?.reason === 'not-served').length === total) {
    throw new ClusterUnreachableError(`no kind could be read from ${client.server}: ${failed[0]!.detail}`);
  }
  return { objects, missing };
}

function missingFrom(e: unknown, def: ResourceDef): MissingKind {
  if (e instanceof ApiError && e.status === 403) {
    const hint = def.metadataOnly ? ' (only their metadata would be read, never their content)' : '';
    return { reason: 'forbidden', detail: `listing ${def.key} is forbidden to this identity${hint}` };
  }
  if (e instanceof ApiError && e.status === 404)
    return { reason: 'not-served', detail: `the API server does not serve ${def.group || 'core'}/${def.version} ${def.key}` };
  return { reason: 'error', detail: `listing ${def.key} failed: ${(e as Error).message}` };
}

/**
 * Asks for metadata only and nothing else: a server that cannot answer so must fail (406)
 * rather than fall back to full objects, which for Secrets would carry their data.
 */
export const METADATA_ONLY_ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

export function listPath(def: ResourceDef): string {
  return def.group ? `/apis/${def.group}/${def.version}/${pluralOf(def)}` : `/api/${def.version}/${pluralOf(def)}`;
}

/** A continue token can expire (410) between pages; the list then starts over, a few times at most. */
const MAX_RELISTS = 3;

export async function listKind(client: ApiClient, def: ResourceDef, limit: number, onVersion?: (rv: string) => void): Promise<K8sObject[]> {
  for (let relists = 0; ; relists++) {
    try {
      return await listKindOnce(client, def, limit, onVersion);
    } catch (e) {
      if (!(e instanceof ExpiredContinueError)) throw e;
      if (relists >= MAX_RELISTS) throw new Error(`the list of ${def.key} kept changing: its continue token expired ${relists + 1} times (410 Gone)`);
    }
  }
}

class ExpiredContinueError extends Error {}

async function listKindOnce(client: ApiClient, def: ResourceDef, limit: number, onVersion?: (rv: string) => void): Promise<K8sObject[]> {
  const items: K8sObject[] = [];
  let cont: string | undefined;
  let listVersion: string | undefined;
  do {
    const q = new URLSearchParams({ limit: String(limit) });
    const selector = labelSelectorOf(def);
    if (selector) q.set('labelSelector', selector);
    if (cont) q.set('continue', cont);
    const page = (await client.getJson(`${listPath(def)}?${q}`, def.metadataOnly ? METADATA_ONLY_ACCEPT : undefined).catch((e: unknown) => {
      throw cont && e instanceof ApiError && e.status === 410 ? new ExpiredContinueError(e.message) : e;
    })) as {
      items?: unknown;
      metadata?: { continue?: unknown; resourceVersion?: unknown };
    };
    const list = Array.isArray(page.items) ? page.items : [];
    const apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      // Typed lists omit kind and apiVersion on their items; metadata lists say PartialObjectMetadata.
      const obj = def.metadataOnly ? { metadata: (item as { metadata?: unknown }).metadata } : item;
      items.push({ ...obj, kind: def.kind, apiVersion } as K8sObject);
    }
    cont = typeof page.metadata?.continue === 'string' && page.metadata.continue !== '' ? page.metadata.continue : undefined;
    if (typeof page.metadata?.resourceVersion === 'string') listVersion = page.metadata.resourceVersion;
  } while (cont);
  if (listVersion !== undefined) onVersion?.(listVersion);
  return items;
}
