import type { Severity } from '../model/issue.js';
import type { ValidationResult } from '../pipeline/validate.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * What the reports list with `--min-severity`: the findings of that severity or worse. The
 * totals (the summary) still count every finding, and the gate is not changed.
 */
export function atLeast(result: ValidationResult, minimum: Severity | undefined): ValidationResult {
  if (minimum === undefined || minimum === 'info') return result;
  return { ...result, issues: result.issues.filter((issue) => RANK[issue.severity] >= RANK[minimum]) };
}
