import { defineConfig } from 'vitest/config';

// npm run test:resilience: crashes, faults, dependency loss, hostile input and workspace isolation,
// against the built server (npm run build:server first). One file at a time: each one starts real
// servers (often several) and measures what survives, which a neighbour's load would distort.
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/no-outbound.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
