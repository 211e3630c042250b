import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, runTarget } from '../scripts/fuzz/targets.js';

/**
 * Short runs of every fuzz target (the long campaign is `npm run fuzz`). A fixed seed per
 * run of the suite is printed on failure, so a failure can be replayed:
 * FUZZ_SEED=<seed> npx vitest run tests/robustness.fuzz.property.test.ts
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

describe(`fuzzing (${RUNS} cases per target, seed ${SEED})`, () => {
  for (const target of FUZZ_TARGETS) {
    it(target.name, async () => {
      const outcome = await runTarget(target, RUNS, SEED);
      expect(outcome.failure, `seed ${SEED}`).toBeUndefined();
      expect(outcome.runs).toBe(RUNS);
    });
  }
});
