import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // the browser tests (vitest.e2e.config.ts) and the resilience suite (vitest.resilience.config.ts)
    // have configs of their own: they run built servers against timeouts, one file at a time, and
    // must not share two cores with the rest
    exclude: ['**/node_modules/**', 'test/e2e/**', 'test/resilience/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/no-outbound.ts'],
    // 2 cores: a few forks; database tests create their own database each, so files never share state.
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
