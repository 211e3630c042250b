import { HAS_XSLTPROC } from './marc-staff-view.js';
import { describeWhen } from './shared.js';

/** A describe block that needs xsltproc (VuFind's MARC Staff View XSL): skipped with a message where it is missing, a failure in CI. */
export function describeWithXsltproc(name: string, body: () => void): void {
  describeWhen(name, HAS_XSLTPROC, 'needs xsltproc (apt-get install xsltproc; .ci/run installs it)', body, { requiredInCi: true });
}
