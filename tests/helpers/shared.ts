import { describe, it } from 'vitest';
import { HAS_SHARED, IN_CI, SHARED_DIR } from './shared-paths.js';

export { HAS_SHARED, IN_CI, PROJECT_ROOT, sharedPath } from './shared-paths.js';

/**
 * A describe block that needs `../shared`. Where it is absent the tests are skipped with a
 * visible message; in CI a missing `../shared` is a failure, never a silent skip.
 */
export function describeWithShared(name: string, body: () => void): void {
  if (HAS_SHARED) {
    describe(name, body);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it('needs ../shared (conformance tests may not be skipped in CI)', () => {
        throw new Error(`${SHARED_DIR} is missing: conformance test "${name}" cannot run in CI`);
      });
    });
    return;
  }
  // `describe.skip` still runs its body to collect the tests, so the body (and any file it
  // reads at collection time) is never called here: one visible skipped test stands for it.
  console.warn(`[bibpipe tests] SKIPPED "${name}": ${SHARED_DIR} not found (reference data lives beside the project)`);
  describe(name, () => {
    it.skip(`needs ${SHARED_DIR} (reference data; see README "Reference data")`, () => {});
  });
}
