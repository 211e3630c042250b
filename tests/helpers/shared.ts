import { describe, it } from 'vitest';
import { HAS_SHARED, IN_CI, SHARED_DIR } from './shared-paths.js';

export { HAS_SHARED, IN_CI, PROJECT_ROOT, sharedPath } from './shared-paths.js';

/**
 * A describe block that needs something the machine may lack (reference data, a tool). Where
 * it is absent the tests are skipped with `why` printed, so that every skip in a log says why;
 * with `requiredInCi` (conformance checks) a missing prerequisite fails under CI=true instead.
 */
export function describeWhen(name: string, available: boolean, why: string, body: () => void, options: { requiredInCi?: boolean } = {}): void {
  if (available) {
    describe(name, body);
    return;
  }
  if (IN_CI && options.requiredInCi === true) {
    describe(name, () => {
      it(`${why} (conformance tests may not be skipped in CI)`, () => {
        throw new Error(`${why}: "${name}" cannot run in CI`);
      });
    });
    return;
  }
  // `describe.skip` still runs its body to collect the tests, so the body (and any file it
  // reads at collection time) is never called here: one visible skipped test stands for it.
  console.warn(`[bibpipe tests] SKIPPED "${name}": ${why}`);
  describe(name, () => {
    it.skip(`skipped: ${why}`, () => {});
  });
}

/**
 * A describe block that needs `../shared`. Where it is absent the tests are skipped with a
 * visible message; in CI a missing `../shared` is a failure, never a silent skip.
 */
export function describeWithShared(name: string, body: () => void): void {
  describeWhen(name, HAS_SHARED, `needs ${SHARED_DIR} (reference data lives beside the project; see README "Reference data")`, body, { requiredInCi: true });
}
