// @ts-check
/**
 * `npm run mutation`: Stryker changes the model's code, and the code that escapes and sanitises untrusted text, one
 * small mutation at a time and runs the unit tests against each; a mutant no test notices is a guard no test holds.
 * Not part of `npm test` (it takes long). Incremental: the results of earlier runs are kept in
 * tests/mutation/stryker-incremental.json (committed), so a run resumes and only mutants of changed code (or of code
 * whose tests changed) run again. On a 2-core machine, run it a few files at a time:
 * `npm run mutation -- --mutate src/lib/catalogue/rules.ts`. The scores and every surviving mutant of a security or
 * validation branch are in docs/testing.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/lib/catalogue/**/*.ts',
    '!src/lib/catalogue/**/*.test.ts',
    'src/lib/site/escape.ts',
    'src/lib/site/exports.ts',
    'src/lib/site/citations.ts',
  ],
  incremental: true,
  incrementalFile: 'tests/mutation/stryker-incremental.json',
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
