// The dashboards the e2e servers start read their time through a clock file
// (KUBE_POSTURE_E2E_CLOCK_FILE, lib/server/clock.ts); specs move time forward by writing it.
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The clock file of the dashboard listening on `port` (one per port, so parallel runs on other ports do not share it). */
export function clockFile(port: number): string {
  return path.join(os.tmpdir(), `kp-e2e-clock-${port}`);
}

/** Moves that dashboard's clock `offsetMs` ahead of the real one (0: back to real time). */
export function setClockOffset(port: number, offsetMs: number): void {
  if (offsetMs === 0) rmSync(clockFile(port), { force: true });
  else writeFileSync(clockFile(port), String(offsetMs));
}
