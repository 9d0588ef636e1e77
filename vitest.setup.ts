// Each test worker gets its own DATA_DIR: scans read stored exceptions (lib/server/triage-settings.ts),
// and two workers must never open one PGlite directory (nor the worktree's own .data). Likewise its
// own PostgreSQL database (made by vitest.global-setup.ts).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workerDatabaseUrl } from './vitest.global-setup';

if (!process.env.DATA_DIR) process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'kp-vitest-data-'));
const { TEST_DATABASE_URL: url, VITEST_POOL_ID: poolId } = process.env;
if (url && poolId && !new URL(url).pathname.endsWith(`_w${poolId}`)) process.env.TEST_DATABASE_URL = workerDatabaseUrl(url, poolId);
