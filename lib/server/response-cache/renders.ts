// What a page or API route rendered from, told back to the response cache: the boundary gives
// each request it will cache a random id (RENDER_HEADER, never taken from a client), and the
// code that loads the viewer's posture (lib/server/auth/viewer-posture.ts) notes under that id
// whose posture it used. The answer is cached only when that matches the key it was looked up by.
import type { ViewerScope } from '../auth/access';

export const RENDER_HEADER = 'x-kp-render';

export interface RenderKey {
  cluster: string;
  /** The viewer's name: pages show it (ViewerBar). Empty without authentication. */
  viewer: string;
  scope: string;
  /** The stale-scan reason shown with the document, if any. */
  error: string | null;
  /** Snapshots changed (the overview's trend): snapshotGeneration(). */
  snapshots: number;
}

export interface RenderRecord extends RenderKey {
  doc: object;
}

export function scopeKey(scope: ViewerScope): string {
  return scope.clusterWide ? '*' : JSON.stringify([...scope.namespaces].sort());
}

export function sameKey(a: RenderKey, b: RenderKey): boolean {
  return a.cluster === b.cluster && a.viewer === b.viewer && a.scope === b.scope && a.error === b.error && a.snapshots === b.snapshots;
}

const g = globalThis as typeof globalThis & { __kpRenders?: Map<string, RenderRecord | null>; __kpSnapshotGeneration?: number };
const records = (g.__kpRenders ??= new Map());

/** Opens a record for one request the boundary is about to pass to Next.js. */
export function expectRender(id: string): void {
  records.set(id, null);
}

/** Called by the posture loader; a second, different render in one request spoils the record. */
export function noteRender(id: string | null | undefined, rec: RenderRecord): void {
  if (!id || !records.has(id)) return;
  const prev = records.get(id);
  if (prev === undefined) return;
  records.set(id, prev === null || (prev.doc === rec.doc && sameKey(prev, rec)) ? rec : { ...rec, doc: {} });
}

/** The record of a finished request, removed. */
export function takeRender(id: string): RenderRecord | null {
  const r = records.get(id) ?? null;
  records.delete(id);
  return r;
}

/** Bumped whenever this cluster's snapshots change, so a cached overview shows a new trend point at once. */
export function snapshotGeneration(): number {
  return g.__kpSnapshotGeneration ?? 0;
}

export function snapshotsChanged(): void {
  g.__kpSnapshotGeneration = snapshotGeneration() + 1;
}
