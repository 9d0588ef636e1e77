// The request boundary's shared state: created by preload.mjs (loaded before Next.js), filled in
// by installRequestBoundary() from instrumentation.ts. globalThis, because Next.js bundles the
// TypeScript side separately from the preload.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** True: the handler answered (or will hand the request on itself by calling `forward`). */
export type BoundaryHandler = (req: IncomingMessage, res: ServerResponse, forward: () => void) => boolean;

export interface BoundaryState {
  /** True once preload.mjs has patched the servers: every request since the first was seen. */
  preloaded: boolean;
  /** The full boundary; null until start-up has installed it (until then: 503). */
  handle: BoundaryHandler | null;
  /** A JSON refusal with the security headers, closing the connection. */
  refuse(res: ServerResponse, status: number, error: string, headers?: Record<string, string>): void;
}

const STATE = Symbol.for('kube-posture.request-boundary');

export function boundaryState(): BoundaryState | undefined {
  return (globalThis as Record<symbol, BoundaryState | undefined>)[STATE];
}
