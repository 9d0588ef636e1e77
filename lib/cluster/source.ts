// Which cluster to read, from the environment, the way the design lists it:
// POSTURE_SOURCE=demo, else KUBECONFIG / KUBE_CONTEXT, else in-cluster config, else the demo.
// Inside a pod (or with POSTURE_SOURCE=live) it is always the live cluster: a pod whose
// token is missing must say it cannot read the cluster, never quietly show the demo.
import { hasClusterConfig } from './has-cluster-config';
import type { LiveScanOptions } from './live';
import { scanDemo, scanPath } from './offline';
import { settingsFromEnv, type Inventory } from './inventory';

export type SourceSpec = { kind: 'demo' } | { kind: 'manifests'; path: string } | { kind: 'live'; kubeconfig?: string; context?: string };

export function sourceFromEnv(env: NodeJS.ProcessEnv = process.env): SourceSpec {
  if (env.POSTURE_SOURCE === 'demo') return { kind: 'demo' };
  if (env.POSTURE_FROM) return { kind: 'manifests', path: env.POSTURE_FROM };
  if (env.POSTURE_SOURCE === 'live' || env.KUBERNETES_SERVICE_HOST || hasClusterConfig(env)) return { kind: 'live', context: env.KUBE_CONTEXT || undefined };
  return { kind: 'demo' };
}

export async function readInventory(spec: SourceSpec, opts: Pick<LiveScanOptions, 'onProgress' | 'onListVersion'> = {}): Promise<Inventory> {
  const inv = spec.kind === 'demo' ? await scanDemo() : spec.kind === 'manifests' ? await scanPath(spec.path) : await readLive(spec, opts);
  return { ...inv, settings: settingsFromEnv() };
}

/** Loads client-node only when a live cluster is read: importing it is most of an offline CLI run's CPU (~1.7 s). */
async function readLive(spec: Extract<SourceSpec, { kind: 'live' }>, opts: Pick<LiveScanOptions, 'onProgress' | 'onListVersion'>): Promise<Inventory> {
  const { scanLive } = await import('./live');
  return scanLive({ kubeconfig: spec.kubeconfig, context: spec.context, onProgress: opts.onProgress, onListVersion: opts.onListVersion });
}

export function describeSource(spec: SourceSpec): string {
  return spec.kind === 'live'
    ? `live cluster (${spec.context ?? 'current context'})`
    : spec.kind === 'manifests'
      ? `manifests at ${spec.path}`
      : 'embedded demo cluster';
}
