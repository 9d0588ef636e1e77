// The server's one posture: scanned once per interval however many viewers ask, and kept
// (with its age) when a later scan fails.
import { readInventory, sourceFromEnv, type SourceSpec } from '../cluster/source';
import { computePosture } from '../posture/engine';
import type { PostureDocument } from '../posture/types';

const FRESH_MS = Number(process.env.POSTURE_REFRESH_SECONDS ?? 60) * 1000;

interface State {
  doc: PostureDocument | null;
  scannedAt: number;
  error: string | null;
  inflight: Promise<PostureDocument> | null;
}

// One state per server process; survives hot reloads in development.
const g = globalThis as typeof globalThis & { __kubePosture?: State };
const state: State = (g.__kubePosture ??= { doc: null, scannedAt: 0, error: null, inflight: null });

export interface PostureResult {
  doc: PostureDocument | null;
  /** Why the latest scan failed; the doc (if any) is then the last good one. */
  error: string | null;
}

export async function getPosture(spec: SourceSpec = sourceFromEnv()): Promise<PostureResult> {
  if (state.doc && Date.now() - state.scannedAt < FRESH_MS) return { doc: state.doc, error: state.error };
  try {
    await rescan(spec);
  } catch {
    // error recorded in state; the last good document is still served
  }
  return { doc: state.doc, error: state.error };
}

/** Starts a scan unless one is already running, and resolves with its document. */
export function rescan(spec: SourceSpec = sourceFromEnv()): Promise<PostureDocument> {
  state.inflight ??= (async () => {
    try {
      const inv = await readInventory(spec);
      const doc = computePosture(inv);
      Object.assign(state, { doc, scannedAt: Date.now(), error: null });
      return doc;
    } catch (e) {
      state.error = (e as Error).message;
      state.scannedAt = Date.now(); // do not hammer an unreachable cluster on every request
      throw e;
    } finally {
      state.inflight = null;
    }
  })();
  return state.inflight;
}
