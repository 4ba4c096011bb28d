import { defineConfig } from 'vitest/config';

// npm run test:e2e: the dashboard in Debian's Chromium against the built server in demo mode (npm
// run build first). One file at a time: a browser, a server and its simulator per file, with
// timeouts that a neighbour's load would turn into failures.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/no-outbound.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
