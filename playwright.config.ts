import { defineConfig } from '@playwright/test';
import { e2ePorts, PORTS } from './e2e/ports';

// Two workers, each with its own set of servers (e2e/ports.ts): the specs that change the fake
// cluster, rescan or move a clock (faults, hostile, snapshots, exceptions…) only ever share a
// server with the tests of their own worker, which run one after another as they did with one worker.
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);
// How long the servers may take to answer first (the live ones scan the demo first): a ceiling, not a
// wait. Six servers on two shared cores have taken over six minutes to answer when the machine was loaded.
const SERVER_TIMEOUT = Number(process.env.E2E_SERVER_TIMEOUT ?? 600_000);
// Where e2e/serve-all.ts says that every server answers: a port of set 0 that no server takes.
const READY_PORT = e2ePorts(0).base + 9;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: WORKERS,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  // Waits for what a page shows (a client-side navigation's new address, a table filled): 5 s by
  // default, which two workers' servers on two loaded cores have overrun. A wait, not a slower pass.
  expect: { timeout: 15_000 },
  use: {
    // Evaluated in each worker too, where TEST_PARALLEL_INDEX names its server set.
    baseURL: `http://127.0.0.1:${PORTS.base}`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // Every set's fake cluster and dashboards, started together (Playwright starts its web servers one by one).
  webServer: {
    command: `node_modules/.bin/tsx e2e/serve-all.ts`,
    env: { E2E_SETS: String(WORKERS), READY_PORT: String(READY_PORT) },
    url: `http://127.0.0.1:${READY_PORT}/`,
    timeout: SERVER_TIMEOUT,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
