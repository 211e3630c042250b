import { describe, it } from 'vitest';
import { HAS_SHARED, IN_CI, SHARED_DIR } from './shared-paths.js';

export { HAS_SHARED, IN_CI, PROJECT_ROOT, sharedPath } from './shared-paths.js';

/** What a describe block needs from the machine, and how its absence is said. */
export interface Requirement {
  available: boolean;
  /** The test that fails in its place under CI, and its error. */
  ciTest: string;
  ciError: string;
  /** Why it is skipped elsewhere (the console line), and the skipped test's name. */
  skipReason: string;
  skipTest: string;
}

/**
 * A describe block that runs only where its requirement is met. Where it is not, the tests
 * are skipped with a visible message; in CI that is a failure, never a silent skip.
 */
export function describeWhereAvailable(name: string, requirement: Requirement, body: () => void): void {
  if (requirement.available) {
    describe(name, body);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it(requirement.ciTest, () => {
        throw new Error(requirement.ciError);
      });
    });
    return;
  }
  // `describe.skip` still runs its body to collect the tests, so the body (and any file it
  // reads at collection time) is never called here: one visible skipped test stands for it.
  console.warn(`[bibpipe tests] SKIPPED "${name}": ${requirement.skipReason}`);
  describe(name, () => {
    it.skip(requirement.skipTest, () => {});
  });
}

/** A describe block that needs `../shared` (reference data). */
export function describeWithShared(name: string, body: () => void): void {
  describeWhereAvailable(name, {
    available: HAS_SHARED,
    ciTest: 'needs ../shared (conformance tests may not be skipped in CI)',
    ciError: `${SHARED_DIR} is missing: conformance test "${name}" cannot run in CI`,
    skipReason: `${SHARED_DIR} not found (reference data lives beside the project)`,
    skipTest: `needs ${SHARED_DIR} (reference data; see README "Reference data")`,
  }, body);
}
