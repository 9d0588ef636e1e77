// Each test worker gets its own DATA_DIR: scans read stored exceptions (lib/server/triage-settings.ts),
// and two workers must never open one PGlite directory (nor the worktree's own .data).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (!process.env.DATA_DIR) process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'kp-vitest-data-'));
