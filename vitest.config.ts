import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/unit/global-setup.ts'],
          // Some tests load the whole catalogue; a busy 2-core machine needs more than the 5 s default.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Tests marked concurrent (one page each) run three at a time: a page mostly waits on Chromium.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
