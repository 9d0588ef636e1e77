// Which source a request is about: the deployment's source, or for a live deployment the
// kubeconfig context the viewer picked (a cookie), if the kubeconfig has it.
import { contextNames, loadKubeConfig } from '../cluster/kubeconfig';
import { sourceFromEnv, type SourceSpec } from '../cluster/source';

export const CONTEXT_COOKIE = 'kp-context';

export function sourceKey(spec: SourceSpec): string {
  return spec.kind === 'live' ? `live:${spec.kubeconfig ?? ''}:${spec.context ?? ''}` : spec.kind === 'manifests' ? `manifests:${spec.path}` : 'demo';
}

/** The contexts a viewer may pick from; empty unless the dashboard reads a live cluster. */
export function availableContexts(): { contexts: string[]; current: string | null } {
  const base = sourceFromEnv();
  if (base.kind !== 'live') return { contexts: [], current: null };
  try {
    const kc = loadKubeConfig({ kubeconfig: base.kubeconfig });
    return { contexts: contextNames(kc), current: base.context ?? kc.getCurrentContext() };
  } catch {
    return { contexts: [], current: null };
  }
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
  // Only contexts the kubeconfig itself lists: a cookie must not point the server anywhere else.
  return picked && availableContexts().contexts.includes(picked) ? { ...base, context: picked } : base;
}
