// @ts-check
/**
 * `npm run mutation`: Stryker changes the model's code one small mutation at a time and runs the unit tests
 * against each; a mutant no test notices is a guard no test holds. Not part of `npm test` (it takes long).
 * On a 2-core machine, run it on a few files: `npm run mutation -- --mutate src/lib/catalogue/rules.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/lib/catalogue/**/*.ts', '!src/lib/catalogue/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'reports', '.astro', 'tests/site', 'bench-*'],
  // TypeScript 7 has no JavaScript API for Stryker's tsconfig rewriting, and the sandbox needs none (no project references).
  tsconfigFile: 'no-tsconfig-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
