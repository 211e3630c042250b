import { valuesOf } from '../pipeline/findings.js';
import { ARRAY_SLOT, jsonPieces } from './json-pieces.js';
import { defineReporter, type ReportData } from './types.js';

/** The validation result as JSON: `{summary, issues, truncated, fieldFill}`, and `baseline` with one (each issue says its `baselineState`). */
export const jsonReporter = defineReporter({
  name: 'json',
  description: 'the summary, every finding and the field fill rates as JSON',
  *pieces(report: ReportData): Iterable<string> {
    const shape = { summary: report.summary, issues: ARRAY_SLOT, truncated: report.truncated, fieldFill: report.fieldFill, baseline: report.baseline };
    yield* jsonPieces(shape, valuesOf(report.findings.issues()), 2);
    yield '\n';
  },
});
