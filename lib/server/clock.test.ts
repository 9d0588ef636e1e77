import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockOffsetMs, serverNowMs } from './clock';

describe('server clock', () => {
  it('is the real clock unless the e2e clock file is set, and follows the file as it changes', () => {
    expect(clockOffsetMs({})).toBe(0);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kp-clock-')), 'offset');
    const env = { KUBE_POSTURE_E2E_CLOCK_FILE: file };
    expect(clockOffsetMs(env)).toBe(0); // not written yet
    writeFileSync(file, String(3 * 86_400_000));
    const ahead = serverNowMs(env) - Date.now();
    expect(ahead).toBeGreaterThan(3 * 86_400_000 - 1_000);
    expect(ahead).toBeLessThan(3 * 86_400_000 + 1_000);
    writeFileSync(file, 'not a number');
    expect(clockOffsetMs(env)).toBe(0);
  });
});
