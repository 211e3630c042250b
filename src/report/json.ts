import type { ValidationResult } from '../pipeline/validate.js';
import type { Reporter } from './types.js';

/** The validation result as JSON: `{summary, issues, truncated, fieldFill}`, and `baseline` with one (each issue says its `baselineState`). */
export const jsonReporter: Reporter = {
  name: 'json',
  description: 'the summary, every finding and the field fill rates as JSON',
  render(result: ValidationResult): string {
    return `${JSON.stringify({ summary: result.summary, issues: result.issues, truncated: result.truncated, fieldFill: result.fieldFill, baseline: result.baseline }, null, 2)}\n`;
  },
};
