import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export { reportData, type Reporter, type ReportData, type ReportOptions } from './types.js';
export { textReporter, jsonReporter, junitReporter, githubReporter, sarifReporter, htmlReporter, markdownReporter };

/** Every report format, by name (`--reporter NAME[:FILE]`). */
export const reporters: readonly Reporter[] = [textReporter, jsonReporter, junitReporter, githubReporter, sarifReporter, htmlReporter, markdownReporter];

export function findReporter(name: string): Reporter | undefined {
  return reporters.find((reporter) => reporter.name === name);
}

export interface ReporterTarget {
  reporter: Reporter;
  /** Where to write the report; undefined for stdout. */
  file: string | undefined;
}

/**
 * Parses `NAME` or `NAME:FILE` (the first colon splits, so `sarif:C:\out.sarif` works).
 * Returns an error message instead of throwing, for the CLI to report as a usage error.
 */
export function parseReporterSpec(spec: string): ReporterTarget | string {
  const colon = spec.indexOf(':');
  const name = colon < 0 ? spec : spec.slice(0, colon);
  const file = colon < 0 ? undefined : spec.slice(colon + 1);
  const reporter = findReporter(name);
  if (!reporter) return `Unknown reporter "${name}"; one of ${reporters.map((r) => r.name).join(', ')}`;
  if (file === '') return `Reporter "${spec}": no file after the colon (use ${name} for stdout)`;
  return { reporter, file };
}
