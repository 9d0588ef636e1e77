import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/**/*.unit.test.ts', 'components/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    // Hooks scan the demo or start servers: on a loaded 2-core machine that outlasts vitest's 10 s default.
    hookTimeout: 60_000,
    setupFiles: ['./vitest.setup.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    maxWorkers: 2,
  },
});
