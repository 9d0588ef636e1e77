// Small helpers the API routes share.
export const NO_STORE = { 'Cache-Control': 'no-store' };
export const jsonError = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });
export const refused = () => jsonError(403, 'cross-site request refused');

/** Runs a handler; a store that cannot be opened or queried answers 503 with the reason instead of a bare 500. */
export async function withStoreErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    console.error('[snapshots]', e);
    return jsonError(503, `snapshot store unavailable: ${(e as Error).message}`);
  }
}

/** A file name safe in a Content-Disposition header: cluster names are free text. */
export function downloadName(cluster: string, takenAt: string, ext: string): string {
  const c = cluster.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'cluster';
  return `posture-${c}-${takenAt.slice(0, 19).replace(/[:]/g, '')}.${ext}`;
}
