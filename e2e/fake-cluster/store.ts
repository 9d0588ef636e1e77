// The objects the fake cluster serves, grouped by resource, in the stable order lists use
// (namespace, then name). Objects get a uid and resourceVersion when the fixture has none,
// derived from their identity and position so runs are reproducible.
import { createHash } from 'node:crypto';
import type { K8sObject } from '../../lib/cluster/types';
import { buildCatalog, type ServedResource } from './catalog';

export interface Store {
  catalog: ServedResource[];
  /** The resourceVersion of every list: one snapshot, replaced whole by setObjects. */
  resourceVersion: string;
  /** Objects per `${group}/${plural}`, sorted. */
  byResource: Map<string, K8sObject[]>;
  /** Fixture objects of kinds nothing serves (no built-in, no CRD); the CLI warns about them. */
  unserved: K8sObject[];
}

export function resourceKey(group: string, plural: string): string {
  return `${group}/${plural}`;
}

/** `previousVersion` keeps resourceVersions increasing across setObjects calls. */
export function buildStore(objects: readonly K8sObject[], previousVersion = 0): Store {
  const catalog = buildCatalog(objects);
  const byKind = new Map(catalog.map((r) => [`${r.group}/${r.kind}`, r]));
  const byResource = new Map<string, K8sObject[]>(catalog.map((r) => [resourceKey(r.group, r.plural), []]));
  const unserved: K8sObject[] = [];
  let rv = previousVersion;
  for (const input of objects) {
    const group = input.apiVersion.includes('/') ? input.apiVersion.split('/')[0]! : '';
    const served = byKind.get(`${group}/${input.kind}`);
    if (!served) {
      unserved.push(input);
      continue;
    }
    rv++;
    const metadata = { ...input.metadata };
    if (!served.namespaced) delete metadata.namespace;
    else if (!metadata.namespace) metadata.namespace = 'default'; // kubectl's default for manifests
    metadata.uid ??= deterministicUid(input, metadata.namespace);
    metadata.resourceVersion ??= String(rv);
    byResource.get(resourceKey(served.group, served.plural))!.push({ ...structuredClone(input), metadata });
  }
  for (const list of byResource.values()) list.sort(compareObjects);
  return { catalog, resourceVersion: String(rv), byResource, unserved };
}

// Code-unit order, like etcd keys, so the order does not depend on the locale.
function compareObjects(a: K8sObject, b: K8sObject): number {
  return compare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compare(a.metadata.name, b.metadata.name);
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function deterministicUid(o: K8sObject, namespace: string | undefined): string {
  const h = createHash('sha256').update(`${o.apiVersion}\n${o.kind}\n${namespace ?? ''}\n${o.metadata.name}`).digest('hex');
  // Shaped like a version-4 UUID, as the API server's are.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
