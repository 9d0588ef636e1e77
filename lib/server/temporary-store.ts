// For tests of the snapshot service: an embedded store in a temporary DATA_DIR for the describe
// block that calls it. DATA_DIR and DATABASE_URL are restored after, and the folder removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { closeSnapshotStore } from './snapshot-service';

export function useTemporaryStore(prefix: string): void {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    await closeSnapshotStore();
    // Assigning undefined to process.env would store the string "undefined".
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });
}
