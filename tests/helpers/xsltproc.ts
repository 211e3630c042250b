import { describe, it } from 'vitest';
import { HAS_XSLTPROC } from './marc-staff-view.js';
import { IN_CI } from './shared-paths.js';

/** A describe block that needs xsltproc: skipped with a message where it is missing, a failure in CI. */
export function describeWithXsltproc(name: string, body: () => void): void {
  if (HAS_XSLTPROC) {
    describe(name, body);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it('needs xsltproc (.ci/run installs it)', () => {
        throw new Error(`xsltproc is missing: "${name}" cannot run in CI`);
      });
    });
    return;
  }
  console.warn(`[bibpipe tests] SKIPPED "${name}": xsltproc not found (apt-get install xsltproc)`);
  describe(name, () => {
    it.skip('needs xsltproc', () => {});
  });
}

