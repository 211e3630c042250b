import { HAS_XSLTPROC } from './marc-staff-view.js';
import { describeWhereAvailable } from './shared.js';

/** A describe block that needs xsltproc (VuFind's MARC Staff View XSL): skipped with a message where it is missing, a failure in CI. */
export function describeWithXsltproc(name: string, body: () => void): void {
  describeWhereAvailable(name, {
    available: HAS_XSLTPROC,
    ciTest: 'needs xsltproc (.ci/run installs it)',
    ciError: `xsltproc is missing: "${name}" cannot run in CI`,
    skipReason: 'xsltproc not found (apt-get install xsltproc)',
    skipTest: 'needs xsltproc',
  }, body);
}
