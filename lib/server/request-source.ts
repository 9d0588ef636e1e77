// Which source a request is about: the deployment's source, or for a live deployment the
// kubeconfig context the viewer picked (a cookie), if the kubeconfig has it.
import { contextNames, loadKubeConfig } from '../cluster/kubeconfig';
import { sourceFromEnv, type SourceSpec } from '../cluster/source';

export const CONTEXT_COOKIE = 'kp-context';

export function sourceKey(spec: SourceSpec): string {
  return spec.kind === 'live' ? `live:${spec.kubeconfig ?? ''}:${spec.context ?? ''}` : spec.kind === 'manifests' ? `manifests:${spec.path}` : 'demo';
}

const g = globalThis as typeof globalThis & { __kpContexts?: { at: number; value: { contexts: string[]; current: string | null } } };
/** How long the kubeconfig's context list is reused: every request asks, and reading it is a file read and a YAML parse. */
const CONTEXTS_TTL_MS = 5_000;

/** The contexts a viewer may pick from; empty unless the dashboard reads a live cluster. */
export function availableContexts(): { contexts: string[]; current: string | null } {
  const hit = g.__kpContexts;
  if (hit && Date.now() - hit.at < CONTEXTS_TTL_MS) return hit.value;
  const value = readContexts();
  g.__kpContexts = { at: Date.now(), value };
  return value;
}

function readContexts(): { contexts: string[]; current: string | null } {
  const base = sourceFromEnv();
  if (base.kind !== 'live') return { contexts: [], current: null };
  try {
    const kc = loadKubeConfig({ kubeconfig: base.kubeconfig });
    return { contexts: contextNames(kc), current: base.context ?? kc.getCurrentContext() };
  } catch {
    return { contexts: [], current: null };
  }
}

/** A cluster a request can be about: its source, the key its stored rows and session proofs carry, and a name for people. */
export interface ClusterRef {
  spec: SourceSpec;
  key: string;
  name: string;
}

/**
 * The cluster a source reads: for a live source its kubeconfig context, the current one when
 * none is picked, so that "no cookie" and "the current context picked" are one cluster.
 */
export function clusterOf(spec: SourceSpec): ClusterRef {
  if (spec.kind !== 'live') return { spec, key: sourceKey(spec), name: spec.kind === 'demo' ? 'demo' : spec.path };
  const context = spec.context ?? availableContexts().current ?? '';
  return { spec, key: sourceKey({ ...spec, context }), name: context || 'in-cluster' };
}

/** Every cluster a viewer could pick (one per kubeconfig context), or just the deployment's. */
export function knownClusters(): ClusterRef[] {
  const base = sourceFromEnv();
  if (base.kind !== 'live') return [clusterOf(base)];
  return availableContexts().contexts.map((context) => clusterOf({ ...base, context }));
}

/** The cluster this request is about (the context cookie, else the deployment's). */
export async function requestCluster(): Promise<ClusterRef> {
  return clusterOf(await requestSource());
}

export async function requestSource(): Promise<SourceSpec> {
  const base = sourceFromEnv();
  if (base.kind !== 'live') return base;
  let picked: string | undefined;
  try {
    const { cookies } = await import('next/headers');
    picked = (await cookies()).get(CONTEXT_COOKIE)?.value;
  } catch {
    return base; // outside a request (tests, scripts)
  }
  return sourceForContext(picked);
}

/** The source for a context cookie's value (undefined: none sent). */
export function sourceForContext(picked: string | undefined): SourceSpec {
  const base = sourceFromEnv();
  if (base.kind !== 'live') return base;
  // Only contexts the kubeconfig itself lists: a cookie must not point the server anywhere else.
  return picked && availableContexts().contexts.includes(picked) ? { ...base, context: picked } : base;
}
