// Turns the objects read from any source into one Inventory. Live and offline sources both
// end here, so the same objects give the same Inventory whatever their origin.
import { collate, isPlain } from './collate';
import { emptyObjects, resourceByKind, RESOURCES, selectedBy, type Inventory, type MissingKind, type PodWorkloads, type ResourceKey, type SourceKind } from './inventory';
import { setSourceLocation, sourceLocationOf } from './source-location';
import { olderThan } from './version';
import { WORKLOAD_KINDS, type K8sObject, type PodSpec, type Workload } from './types';

export interface BuildOptions {
  cluster: { name: string; version: string | null; source: SourceKind };
  /** When the objects were read; defaults to now. */
  readAt?: Date;
  /** Kinds that could not be read (live path: 403/404). */
  missing?: Partial<Record<ResourceKey, MissingKind>>;
  /** Offline input: kinds whose absence means "unknown" rather than "none exist" become missing. */
  offline?: boolean;
}

// Fields the API server adds on every write; they say nothing about posture and differ
// between a live read and a file of the same objects.
const VOLATILE_METADATA = ['managedFields', 'resourceVersion', 'generation', 'selfLink'] as const;
const VOLATILE = new Set<string>(VOLATILE_METADATA);

export function buildInventory(input: K8sObject[], opts: BuildOptions): Inventory {
  const objects = emptyObjects();
  // Per list (Calico's NetworkPolicy and Kubernetes' may share a name), whose objects are all of its kind.
  const seen = new Map<ResourceKey, Set<string>>();
  for (const raw of input) {
    const def = resourceByKind(raw.kind, raw.apiVersion);
    if (!def || !selectedBy(def, raw)) continue;
    const obj = normalise(raw, def);
    let ids = seen.get(def.key);
    if (!ids) seen.set(def.key, (ids = new Set()));
    const id = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    if (ids.has(id)) continue; // the same object listed twice (e.g. two dumps) counts once
    ids.add(id);
    objects[def.key].push(obj);
  }
  for (const list of Object.values(objects)) sortObjects(list);

  const missing: Partial<Record<ResourceKey, MissingKind>> = { ...opts.missing };
  if (opts.offline) {
    for (const def of RESOURCES) {
      if ('offlineAbsent' in def && objects[def.key].length === 0) {
        missing[def.key] = { reason: 'not-in-input', detail: `the input has no ${def.kind} objects` };
      }
    }
  }

  for (const def of RESOURCES) {
    if ('removedIn' in def && !olderThan(opts.cluster.version, def.removedIn)) delete missing[def.key];
  }

  const declared = new Set(objects.namespaces.map((n) => n.metadata.name));
  const implicit = new Set<string>();
  for (const list of Object.values(objects)) {
    for (const o of list) {
      const ns = o.metadata.namespace;
      if (ns && !declared.has(ns)) implicit.add(ns);
    }
  }

  const { workloads, podWorkloads } = deriveWorkloadsAndPods(objects);
  return {
    cluster: opts.cluster,
    readAt: (opts.readAt ?? new Date()).toISOString(),
    objects,
    missing,
    workloads,
    podWorkloads,
    implicitNamespaces: [...implicit].sort(),
  };
}

/** `def`: the kind's definition when the caller has looked it up already. */
export function normalise(raw: K8sObject, def = resourceByKind(raw.kind, raw.apiVersion)): K8sObject {
  if (raw.kind === 'Secret') {
    const secret = secretMetadata(raw);
    setSourceLocation(secret, sourceLocationOf(raw));
    return secret;
  }
  // Copying key by key rather than deleting keeps the objects in V8's fast mode for the checks.
  const metadata: Record<string, unknown> = {};
  for (const k in raw.metadata) {
    if (VOLATILE.has(k) || (k === 'namespace' && def && !def.namespaced)) continue;
    metadata[k] = (raw.metadata as unknown as Record<string, unknown>)[k];
  }
  if (def?.namespaced && !metadata.namespace) metadata.namespace = 'default'; // kubectl's default for manifests
  const obj: K8sObject = { ...raw, metadata: metadata as unknown as K8sObject['metadata'] };
  if (def && 'keepData' in def) obj.data = keptData(raw.data, def.keepData);
  setSourceLocation(obj, sourceLocationOf(raw));
  return obj;
}

// The metadata a Secret keeps. No data value is ever stored: not data/stringData, and not
// last-applied-configuration, which holds the whole Secret when it was created by kubectl apply.
const SECRET_METADATA = ['name', 'namespace', 'uid', 'creationTimestamp', 'labels', 'annotations'] as const;
const SECRET_UNSAFE_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/**
 * A Secret reduced to what a metadata-only live read returns, from files too, so both sources give
 * the same object. `type` is dropped for that reason: the API sends it only with the data.
 */
function secretMetadata(raw: K8sObject): K8sObject {
  const metadata: Record<string, unknown> = {};
  for (const f of SECRET_METADATA) if (raw.metadata[f] !== undefined) metadata[f] = raw.metadata[f];
  const annotations = isRecord(raw.metadata.annotations) ? raw.metadata.annotations : undefined;
  if (annotations) metadata.annotations = Object.fromEntries(Object.entries(annotations).filter(([k]) => !SECRET_UNSAFE_ANNOTATIONS.has(k)));
  if (!metadata.namespace) metadata.namespace = 'default';
  return { apiVersion: 'v1', kind: 'Secret', metadata: metadata as unknown as K8sObject['metadata'] };
}

/** Only the named keys of a ConfigMap's data: the rest may hold anything and is never kept. */
function keptData(data: unknown, keep: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(data)) for (const k of keep) if (typeof data[k] === 'string') out[k] = data[k];
  return out;
}

export function objectId(o: { kind: string; metadata: { namespace?: string; name: string } }): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export function compareObjects(a: K8sObject, b: K8sObject): number {
  return collate(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || collate(a.metadata.name, b.metadata.name);
}

/**
 * Sorts by compareObjects. When every namespace and name is plain (collate.ts), as Kubernetes
 * names are, the strings' own order is the collator's and the engine's comparison does.
 */
function sortObjects(list: K8sObject[]): void {
  if (!list.every((o) => isPlain(o.metadata.namespace ?? '') && isPlain(o.metadata.name))) {
    list.sort(compareObjects);
    return;
  }
  list.sort((a, b) => codeOrder(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || codeOrder(a.metadata.name, b.metadata.name));
}

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const TEMPLATE_KINDS = new Set<string>(['Pod', ...WORKLOAD_KINDS]);

/** The kinds workloads are derived from (lib/cluster/apply-change.ts rebuilds them when one changes). */
export const WORKLOAD_SOURCE_KEYS = ['pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs'] as const;

/**
 * One Workload per top-level owner: a Deployment stands for its ReplicaSets and Pods, a
 * CronJob for its Jobs. Findings then name the object a user edits to fix them.
 */
export function deriveWorkloads(objects: Record<ResourceKey, K8sObject[]>): Workload[] {
  return deriveWorkloadsAndPods(objects).workloads;
}

/** The workloads, and each pod's among them (Inventory.podWorkloads): the walk to its root is made once, here. */
export function deriveWorkloadsAndPods(objects: Record<ResourceKey, K8sObject[]>): { workloads: Workload[]; podWorkloads: PodWorkloads } {
  const { byId, rootOf } = rootWalker(objects);
  const workloads = new Map<string, Workload>();
  const podWorkloads = new Map<string, Map<K8sObject, Workload>>();
  for (const o of byId.values()) {
    if (!TEMPLATE_KINDS.has(o.kind)) continue;
    const root = rootOf(o);
    const id = objectId(root);
    let w = workloads.get(id);
    if (!w) {
      w = toWorkload(root);
      workloads.set(id, w);
    }
    if (o.kind === 'Pod') {
      w.pods += 1;
      inNamespace(podWorkloads, o).set(o, w);
    }
  }
  return { workloads: sortWorkloads([...workloads.values()]), podWorkloads };
}

/**
 * Each pod's workload, found by its root owner's `kind/namespace/name` in `byKey`, for an
 * inventory that lacks podWorkloads (put together by hand).
 */
export function podWorkloadsOf(objects: Record<ResourceKey, K8sObject[]>, byKey: ReadonlyMap<string, Workload>): PodWorkloads {
  const { byId, rootOf } = rootWalker(objects);
  const out = new Map<string, Map<K8sObject, Workload>>();
  for (const o of byId.values()) {
    if (o.kind !== 'Pod') continue;
    const w = byKey.get(objectId(rootOf(o)));
    if (w) inNamespace(out, o).set(o, w);
  }
  return out;
}

function inNamespace(m: Map<string, Map<K8sObject, Workload>>, pod: K8sObject): Map<K8sObject, Workload> {
  const ns = pod.metadata.namespace ?? 'default';
  let inner = m.get(ns);
  if (!inner) m.set(ns, (inner = new Map()));
  return inner;
}

function rootWalker(objects: Record<ResourceKey, K8sObject[]>): { byId: Map<string, K8sObject>; rootOf: (o: K8sObject) => K8sObject } {
  const byId = new Map<string, K8sObject>();
  for (const key of WORKLOAD_SOURCE_KEYS) {
    for (const o of objects[key]) byId.set(objectId(o), o);
  }

  // Roots reached without a cycle, kept: a ReplicaSet's pods share its walk. (A walk that meets
  // such an object would end where its walk ended: a cycle through it would have shown there.)
  const roots = new Map<K8sObject, K8sObject>();
  const rootOf = (o: K8sObject): K8sObject => {
    const visited: K8sObject[] = []; // byId holds one object per id: identity is the id
    let cur = o;
    for (;;) {
      const known = roots.get(cur);
      if (known) return remember(visited, known);
      visited.push(cur);
      const owner = controllerOwner(cur, byId);
      if (!owner) return remember(visited, cur);
      if (visited.includes(owner)) return cur; // cyclic owners: stop where we are
      cur = owner;
    }
  };
  const remember = (walked: K8sObject[], root: K8sObject) => {
    for (const w of walked) roots.set(w, root);
    return root;
  };
  return { byId, rootOf };
}

function sortWorkloads(list: Workload[]): Workload[] {
  if (!list.every((w) => isPlain(w.namespace) && isPlain(w.name))) {
    return list.sort((a, b) => collate(a.namespace, b.namespace) || collate(a.kind, b.kind) || collate(a.name, b.name));
  }
  // Plain names (see sortObjects); the few kinds ranked once by the collator.
  const kinds = [...new Set(list.map((w) => w.kind))].sort(collate);
  const rank = new Map(kinds.map((k, i) => [k, i]));
  return list.sort((a, b) => codeOrder(a.namespace, b.namespace) || rank.get(a.kind)! - rank.get(b.kind)! || codeOrder(a.name, b.name));
}

function controllerOwner(o: K8sObject, byId: Map<string, K8sObject>): K8sObject | undefined {
  const refs = Array.isArray(o.metadata.ownerReferences) ? o.metadata.ownerReferences : [];
  const ref = refs.find((r) => r?.controller) ?? refs[0];
  if (!ref || typeof ref.kind !== 'string' || typeof ref.name !== 'string') return undefined;
  return byId.get(`${ref.kind}/${o.metadata.namespace ?? ''}/${ref.name}`);
}

function toWorkload(o: K8sObject): Workload {
  const template = podTemplate(o);
  return {
    kind: o.kind as Workload['kind'],
    apiVersion: o.apiVersion,
    namespace: o.metadata.namespace ?? 'default',
    name: o.metadata.name,
    podLabels: asStringMap(template?.metadata?.labels),
    podAnnotations: asStringMap(template?.metadata?.annotations),
    spec: (isRecord(template?.spec) ? template.spec : {}) as PodSpec,
    pods: 0,
  };
}

function podTemplate(o: K8sObject): { metadata?: { labels?: unknown; annotations?: unknown }; spec?: unknown } | undefined {
  if (o.kind === 'Pod') return { metadata: o.metadata, spec: o.spec };
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template;
  return o.spec?.template;
}

function asStringMap(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
