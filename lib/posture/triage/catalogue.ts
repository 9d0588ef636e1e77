// Which well-known system component a workload is, if any: namespace, owner kind and every
// container's image repository must all match one catalogue entry. A name alone never does.
import type { Workload } from '../../cluster/types';
import { parseImage } from '../checks/registry-security/support/image-ref';
import { SYSTEM_COMPONENTS, type SystemComponent } from '../data/system-components';

export interface ComponentCandidate {
  namespace: string;
  /** The top-level owner kind: DaemonSet, Deployment…, or Node for a static (mirror) pod. */
  ownerKind: string;
  images: string[];
}

/** A workload as the catalogue sees it; `podOwnerKind` is a bare pod's owner (Node for static pods). */
export function candidateOf(w: Workload, podOwnerKind?: string): ComponentCandidate {
  const containers = [...(w.spec.initContainers ?? []), ...(w.spec.containers ?? [])];
  return {
    namespace: w.namespace,
    ownerKind: w.kind === 'Pod' ? (podOwnerKind ?? 'Pod') : w.kind,
    images: containers.map((c) => (typeof c.image === 'string' ? c.image : '')),
  };
}

export function matchComponent(c: ComponentCandidate, catalogue: readonly SystemComponent[] = SYSTEM_COMPONENTS): SystemComponent | null {
  if (c.images.length === 0) return null;
  const repos = c.images.map(repositoryOf);
  if (repos.some((r) => r === null)) return null;
  for (const entry of catalogue) {
    if (!entry.namespaces.includes(c.namespace) || !entry.ownerKinds.includes(c.ownerKind)) continue;
    const patterns = entry.images.map(patternRegex);
    if (repos.every((r) => patterns.some((p) => p.test(r!)))) return entry;
  }
  return null;
}

/** registry/repository without tag or digest, Docker Hub spelled out (nginx -> docker.io/library/nginx). */
export function repositoryOf(image: string): string | null {
  const ref = parseImage(image);
  return ref ? `${ref.registry.toLowerCase()}/${ref.repository.toLowerCase()}` : null;
}

const regexes = new Map<string, RegExp>();

function patternRegex(pattern: string): RegExp {
  let r = regexes.get(pattern);
  if (!r) {
    const body = pattern
      .toLowerCase()
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    regexes.set(pattern, (r = new RegExp(`^${body}$`)));
  }
  return r;
}
