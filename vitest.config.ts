import { defineConfig } from 'vitest/config';

/**
 * The long runs: robustness (adversarial strings, broken files, fuzzing, interrupted runs,
 * bounded memory) and the documentation's commands and examples. `npm run test:slow`
 * (vitest.slow.config.ts) runs them, `npm test` leaves them out so that it stays under 90 s
 * on two idle cores. CI (.ci/run) runs both.
 */
export const SLOW_TESTS = [
  'tests/robustness.adversarial-strings.test.ts',
  'tests/robustness.broken-files.test.ts',
  'tests/robustness.fuzz.property.test.ts',
  'tests/robustness.interrupted-runs.test.ts',
  'tests/solr-xml.bounded-memory.test.ts',
  'tests/convert.workers-give-identical-output.test.ts',
  'tests/write.hostile-input.test.ts',
  // Every documented command and library example, each a CLI or tsx process of its own.
  'tests/docs.commands.test.ts',
  'tests/docs.library-examples.test.ts',
];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...SLOW_TESTS],
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/temp-cleanup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
