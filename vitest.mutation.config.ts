/** The unit tests alone, for `npm run mutation` (Stryker runs them against each mutant; the site tests build the site). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests of the model; the CLI tests spawn processes and the starter-catalogue test reads the real content,
    // too slow to run against each of thousands of mutants.
    include: [
      'src/lib/**/*.test.ts',
      'tests/unit/check-rules.test.ts',
      'tests/unit/hostile.test.ts',
      'tests/unit/lookups.test.ts',
    ],
    // The search engine's tests need a built index (the unit project's global setup); no mutated module is theirs.
    exclude: ['src/lib/search/engine.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
