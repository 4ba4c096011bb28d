import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // the resilience suite has its own config (vitest.resilience.config.ts): it runs built servers
    // for minutes and must not share two cores with the rest
    exclude: ['**/node_modules/**', 'test/resilience/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/no-outbound.ts'],
    // 2 cores: a few forks; database tests create their own database each, so files never share state.
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
