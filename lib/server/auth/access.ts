// What a viewer may see, as the cluster's own RBAC says: SubjectAccessReviews, asked once
// per viewer, namespace and minute. Admin groups and a cluster-scope allow see everything.
import type { Reviewer } from '../../cluster/reviews';
import type { AuthConfig } from './config';
import type { Viewer } from './viewer-types';

export interface ViewerScope {
  /** Cluster-wide views (RBAC, nodes, cluster and area scores) and every namespace. */
  clusterWide: boolean;
  /** The namespaces the viewer may see; every one when clusterWide. */
  namespaces: Set<string>;
}

export const ACCESS_CACHE_MS = 60_000;

interface Cached {
  allowed: boolean;
  at: number;
}

export interface AccessChecker {
  scope(viewer: Viewer | null, namespaces: readonly string[], reviewer: Reviewer | null, cacheKey?: string): Promise<ViewerScope>;
}

export function createAccessChecker(config: Pick<AuthConfig, 'adminGroups' | 'namespaceAccess'>, now: () => number = Date.now): AccessChecker {
  const cache = new Map<string, Cached>();

  async function allowed(key: string, ask: () => Promise<boolean>): Promise<boolean> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < ACCESS_CACHE_MS) return hit.allowed;
    let answer: boolean;
    try {
      answer = await ask();
    } catch (e) {
      // Fail closed, and ask again next time rather than remember an outage. No identity in the log.
      console.error(`[auth] SubjectAccessReview failed: ${(e as Error).message}`);
      return false;
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(key, { allowed: answer, at: now() });
    return answer;
  }

  return {
    async scope(viewer, namespaces, reviewer, cacheKey = '') {
      const everything = { clusterWide: true, namespaces: new Set(namespaces) };
      if (viewer === null) return everything; // AUTH_MODE=none: loopback only, by startup check
      if (viewer.groups.some((g) => config.adminGroups.includes(g))) return everything;
      // Without a cluster to ask (demo, manifests), only admin groups see anything.
      if (!reviewer) return { clusterWide: false, namespaces: new Set() };
      const { verb, resource } = config.namespaceAccess;
      const who = JSON.stringify([cacheKey, viewer.user, [...viewer.groups].sort()]);
      const question = (namespace?: string) => () => reviewer.subjectAccessReview({ user: viewer.user, groups: viewer.groups, verb, resource, namespace });
      if (await allowed(`${who}|*`, question())) return everything;
      const visible = new Set<string>();
      // A handful at a time: a cluster with hundreds of namespaces must not flood the API server.
      const queue = [...namespaces];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let ns = queue.shift(); ns !== undefined; ns = queue.shift()) if (await allowed(`${who}|ns:${ns}`, question(ns))) visible.add(ns);
        }),
      );
      return { clusterWide: false, namespaces: visible };
    },
  };
}
