// Reading a live cluster: every kind the posture needs, in parallel, page by page.
import { ApiError, createApiClient, type ApiClient } from './api-client';
import { buildInventory } from './build-inventory';
import { RESOURCES, type Inventory, type MissingKind, type ResourceDef, type ResourceKey } from './inventory';
import { loadKubeConfig, type KubeconfigOptions } from './kubeconfig';
import type { K8sObject } from './types';

export interface LiveScanOptions extends KubeconfigOptions {
  pageSize?: number;
  concurrency?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { type: 'kind-done'; resource: ResourceKey; count: number; done: number; total: number }
  | { type: 'kind-missing'; resource: ResourceKey; reason: MissingKind['reason']; done: number; total: number };

export class ClusterUnreachableError extends Error {
  override name = 'ClusterUnreachableError';
}

export async function scanLive(opts: LiveScanOptions = {}): Promise<Inventory> {
  const kc = loadKubeConfig(opts);
  const client = createApiClient(kc);
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

export async function listAll(client: ApiClient, opts: LiveScanOptions) {
  const objects: K8sObject[] = [];
  const missing: Partial<Record<ResourceKey, MissingKind>> = {};
  const queue = [...RESOURCES];
  const total = queue.length;
  let done = 0;
  const worker = async () => {
    for (let def = queue.shift(); def; def = queue.shift()) {
      try {
        const items = await listKind(client, def, opts.pageSize ?? 500);
        objects.push(...items);
        done++;
        opts.onProgress?.({ type: 'kind-done', resource: def.key, count: items.length, done, total });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) throw new ClusterUnreachableError(`credentials rejected while listing ${def.key} (401)`);
        const m = missingFrom(e, def);
        missing[def.key] = m;
        done++;
        opts.onProgress?.({ type: 'kind-missing', resource: def.key, reason: m.reason, done, total });
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 6 }, worker));
  return { objects, missing };
}

function missingFrom(e: unknown, def: ResourceDef): MissingKind {
  if (e instanceof ApiError && e.status === 403) return { reason: 'forbidden', detail: `listing ${def.key} is forbidden to this identity` };
  if (e instanceof ApiError && e.status === 404)
    return { reason: 'not-served', detail: `the API server does not serve ${def.group || 'core'}/${def.version} ${def.key}` };
  return { reason: 'error', detail: `listing ${def.key} failed: ${(e as Error).message}` };
}

export function listPath(def: ResourceDef): string {
  return def.group ? `/apis/${def.group}/${def.version}/${def.key}` : `/api/${def.version}/${def.key}`;
}

async function listKind(client: ApiClient, def: ResourceDef, limit: number): Promise<K8sObject[]> {
  const items: K8sObject[] = [];
  let cont: string | undefined;
  do {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cont) q.set('continue', cont);
    const page = (await client.getJson(`${listPath(def)}?${q}`)) as { items?: unknown; metadata?: { continue?: unknown } };
    const list = Array.isArray(page.items) ? page.items : [];
    const apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      // Typed lists omit kind and apiVersion on their items.
      items.push({ ...item, kind: def.kind, apiVersion } as K8sObject);
    }
    cont = typeof page.metadata?.continue === 'string' && page.metadata.continue !== '' ? page.metadata.continue : undefined;
  } while (cont);
  return items;
}
