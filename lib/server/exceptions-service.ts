// Stored exceptions as one caller may reach them: identify() on the request's cluster, and that
// cluster's key on every read and change. Reading and changing needs a cluster-wide viewer (an
// exception can name any namespace's objects); with EXCEPTION_GROUPS set, changes are further
// limited to members of those groups. Expiry is required and at most EXCEPTION_MAX_DAYS away.
import { clusterRouteIdentity, type Identified } from './auth/guard';
import { ExceptionStore, type ExceptionFields, type StoredException } from '../snapshots/exceptions-store';
import { appStore } from './snapshot-store';
import { invalidatePosture } from './posture-service';
import type { ClusterRef } from './request-source';
import { jsonError } from './api-responses';
import { serverNow } from './clock';

export function exceptionMaxDays(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.EXCEPTION_MAX_DAYS ?? 90);
  return Number.isInteger(n) && n > 0 ? n : 90;
}

export function exceptionGroups(env: Record<string, string | undefined> = process.env): string[] {
  return (env.EXCEPTION_GROUPS ?? '').split(',').map((g) => g.trim()).filter(Boolean);
}

/** Who may change exceptions: cluster-wide viewers, narrowed to EXCEPTION_GROUPS when set. */
export function mayChangeExceptions(who: Pick<Identified, 'viewer' | 'scope'>, groups = exceptionGroups()): boolean {
  if (!who.scope.clusterWide) return false;
  if (groups.length === 0 || who.viewer === null) return true; // viewer null: AUTH_MODE=none, loopback only
  return who.viewer.groups.some((g) => groups.includes(g));
}

export function actorOf(who: Pick<Identified, 'viewer'>): string {
  return who.viewer ? who.viewer.user : 'anonymous (AUTH_MODE=none)';
}

/** Why an expiry day cannot be taken at `now`, or null: not past, not beyond the cap. */
export function expiryError(expires: string, now = serverNow(), maxDays = exceptionMaxDays()): string | null {
  const day = Date.parse(`${expires}T00:00:00Z`);
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  if (day < today) return `expires ${expires} is in the past`;
  if (day > today + maxDays * 86_400_000) return `expires ${expires} is more than ${maxDays} days away (EXCEPTION_MAX_DAYS)`;
  return null;
}

export async function exceptionStore(): Promise<ExceptionStore> {
  return new ExceptionStore((await appStore().get()).sql);
}

/** The exceptions of a cluster for the triage step; none (findings open, logged) when the store is down. */
export async function exceptionsForCluster(clusterKey: string): Promise<StoredException[]> {
  try {
    return await (await exceptionStore()).list(clusterKey);
  } catch (e) {
    console.error(`[exceptions] store unavailable, no stored exception applied: ${(e as Error).message}`);
    return [];
  }
}

export interface ClusterExceptions {
  identity: Identified;
  list(): Promise<StoredException[]>;
  audit(): Promise<Awaited<ReturnType<ExceptionStore['auditTrail']>>>;
  /** Changes, or the 403 to send when this caller may not. */
  create(fields: ExceptionFields): Promise<StoredException | Response>;
  update(id: string, changes: Partial<ExceptionFields>): Promise<StoredException | null | Response>;
  remove(id: string): Promise<boolean | Response>;
}

export function exceptionsFor(identity: Identified): ClusterExceptions {
  const key = identity.cluster.key;
  const actor = actorOf(identity);
  const forbidden = () => jsonError(403, 'changing exceptions needs cluster-wide access and, when EXCEPTION_GROUPS is set, one of those groups');
  const changed = (cluster: ClusterRef) => invalidatePosture(cluster.spec);
  return {
    identity,
    list: async () => (await exceptionStore()).list(key),
    audit: async () => (await exceptionStore()).auditTrail(key),
    async create(fields) {
      if (!mayChangeExceptions(identity)) return forbidden();
      const bad = expiryError(fields.expires);
      if (bad) return jsonError(400, bad);
      const created = await (await exceptionStore()).create(key, fields, actor);
      changed(identity.cluster);
      return created;
    },
    async update(id, changes) {
      if (!mayChangeExceptions(identity)) return forbidden();
      const bad = changes.expires ? expiryError(changes.expires) : null;
      if (bad) return jsonError(400, bad);
      const updated = await (await exceptionStore()).update(id, key, changes, actor);
      if (updated) changed(identity.cluster);
      return updated;
    },
    async remove(id) {
      if (!mayChangeExceptions(identity)) return forbidden();
      const done = await (await exceptionStore()).delete(id, key, actor);
      if (done) changed(identity.cluster);
      return done;
    },
  };
}

/** For exception routes: the caller's exceptions of this cluster, or the 401/403 to send. */
export async function exceptionAccess(): Promise<{ ok: true; exceptions: ClusterExceptions } | { ok: false; response: Response }> {
  const who = await clusterRouteIdentity('exceptions can name any namespace’s objects');
  return who.ok ? { ok: true, exceptions: exceptionsFor(who.identity) } : who;
}
