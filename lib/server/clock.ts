// The server's time for what depends on the date (exception expiry, the documents' time). The
// real clock, except in the end-to-end servers: they start the dashboard with
// KUBE_POSTURE_E2E_CLOCK_FILE naming a file that holds an offset in milliseconds, which the specs
// rewrite to move time forward (e2e/test-clock.ts). There is no route to change it: only whoever
// sets the server's environment and can write that file can.
import { readFileSync } from 'node:fs';

const FILE_VAR = 'KUBE_POSTURE_E2E_CLOCK_FILE';

/** The offset the clock file holds; 0 when unset, missing or unreadable. */
export function clockOffsetMs(env: Record<string, string | undefined> = process.env): number {
  const file = env[FILE_VAR];
  if (!file) return 0;
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}

export function serverNowMs(env?: Record<string, string | undefined>): number {
  return Date.now() + clockOffsetMs(env);
}

export function serverNow(env?: Record<string, string | undefined>): Date {
  return new Date(serverNowMs(env));
}
