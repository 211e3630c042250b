import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, runTarget } from '../scripts/fuzz/targets.js';

/**
 * Short runs of every fuzz target (the long campaign is `npm run fuzz`). The seed is fixed,
 * so that every run of the suite tests the same cases and a failure replays as it is; it is
 * printed in the suite's name and in every failure. Explore other cases with
 * FUZZ_SEED=<n> npx vitest run --config vitest.slow.config.ts tests/robustness.fuzz.property.test.ts
 */
const DEFAULT_SEED = 20261128;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

describe(`fuzzing (${RUNS} cases per target, seed ${SEED})`, () => {
  for (const target of FUZZ_TARGETS) {
    it(target.name, async () => {
      const outcome = await runTarget(target, RUNS, SEED);
      expect(outcome.failure, `seed ${SEED}`).toBeUndefined();
      expect(outcome.runs).toBe(RUNS);
    });
  }
});
