import { defineConfig } from 'vitest/config';

/**
 * The long runs: robustness (adversarial strings, broken files, fuzzing, interrupted runs,
 * bounded memory) and the documentation's commands and examples. `npm run test:slow`
 * (vitest.slow.config.ts) runs them, `npm test` leaves them out so that it stays under 90 s
 * on two idle cores. CI (.ci/run) runs both.
 */
export const SLOW_TESTS = [
  // Issue 19's 763 held-out NLM records, each converted twice and written three ways (where laid out).
  'tests/accuracy.real-pubmed-held-out.test.ts',
  'tests/robustness.adversarial-strings.test.ts',
  'tests/robustness.broken-files.test.ts',
  'tests/robustness.fuzz.property.test.ts',
  'tests/robustness.interrupted-runs.test.ts',
  'tests/solr-xml.bounded-memory.test.ts',
  // validate of 5,000 and 20,000 records, twice each: the heap held as a ratio.
  'tests/validate.memory-flat.test.ts',
  'tests/convert.workers-give-identical-output.test.ts',
  'tests/write.hostile-input.test.ts',
  // Every documented command and library example, each a CLI or tsx process of its own.
  'tests/docs.commands.test.ts',
  'tests/docs.library-examples.test.ts',
  // End-to-end runs of the built CLI, many processes each (the in-process tests cover the same code).
  'tests/cli.empty-inputs-and-own-outputs.test.ts',
  'tests/cli.usage-errors.test.ts',
  'tests/cli.exit-codes.test.ts',
  'tests/ci.github-action-and-pre-commit.test.ts',
  // Real pre-commit installs the hook from this repository (npm install and pack of a clone).
  'tests/ci.pre-commit-install.test.ts',
  'tests/cli.validate-run-wide-checks.test.ts',
  'tests/cli.signals-and-stdout.test.ts',
  'tests/staff-view.broken-input.test.ts',
  'tests/merge.file-shards-invariant.test.ts',
  'tests/merge.adversarial-shard-cuts.test.ts',
  // Merge fuzzing: every shard-cut reader, N = 1..7 shard runs and a merge per case.
  'tests/merge.fuzz.property.test.ts',
  'tests/scale-out.recipe.test.ts',
  'tests/merge.live-solr-invariant.test.ts',
  // Three CLI processes against the stand-in Solr, two of them killed with SIGKILL mid-read.
  'tests/convert.live-solr-resume-after-sigkill.test.ts',
  'tests/cli.live-solr-hostile.test.ts',
  'tests/cli.progress-and-log-lines.test.ts',
  'tests/cli.interrupt-on-terminal.test.ts',
  // Nine built-CLI runs under a module-load hook: what convert, validate, stats, --help and rules load.
  'tests/cli.start-up-loads-no-zod.test.ts',
  // Every MARC record of the dev corpus written as eight inputs (one xsltproc run), read and written back (~12 s).
  'tests/marc.identical-outputs-across-inputs.test.ts',
  // A headless browser, and vitest run inside vitest.
  'tests/report.html.browser.test.ts',
  'tests/suite.hygiene.test.ts',
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
