import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The dashboard pointed at an API server that is not there (e2e/overview-error.spec.ts).
const GONE_PORT = Number(process.env.E2E_GONE_PORT ?? 3101);
// serve-against-fake also listens on PORT + 2 for e2e/control.ts (faults, objects).
// Dashboards with authentication (e2e/auth.spec.ts): AUTH_MODE=token here, AUTH_MODE=proxy on AUTH_PORT + 1
// (and a refused AUTH_MODE=none start on + 2). PORT + 5: ports PORT + 10 and up are often another run's PORT.
const AUTH_PORT = Number(process.env.E2E_AUTH_PORT ?? PORT + 5);
// How long a server may take to answer first (the live one scans the demo first): longer on a loaded machine.
const SERVER_TIMEOUT = Number(process.env.E2E_SERVER_TIMEOUT ?? 60_000);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: `node_modules/.bin/tsx e2e/serve-against-fake.ts`,
      env: { PORT: String(PORT) },
      url: `http://127.0.0.1:${PORT}/api/posture`,
      timeout: SERVER_TIMEOUT,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node_modules/.bin/tsx e2e/serve-unreachable.ts`,
      env: { PORT: String(GONE_PORT) },
      url: `http://127.0.0.1:${GONE_PORT}/icon.svg`,
      timeout: SERVER_TIMEOUT,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node_modules/.bin/tsx e2e/serve-auth.ts`,
      env: { PORT: String(AUTH_PORT) },
      url: `http://127.0.0.1:${AUTH_PORT}/signin`,
      timeout: SERVER_TIMEOUT,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
