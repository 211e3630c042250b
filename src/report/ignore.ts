import type { Issue } from '../model/issue.js';
import type { ValidationResult } from '../pipeline/validate.js';

/**
 * The config's `ignore` list: findings of these record ids are left out of reports and of
 * the issue counts (and so of the exit code). `observe` must see every record's issues
 * (pass it as validate's `onIssues`), because the result keeps only the first issues.
 */
export class IgnoredRecords {
  private readonly ids: ReadonlySet<string>;
  private readonly byCode = new Map<string, number>();
  private readonly bySeverity = { error: 0, warning: 0, info: 0 };

  constructor(ids: Iterable<string>) {
    this.ids = new Set(ids);
  }

  readonly observe = (issues: readonly Issue[]): void => {
    if (this.ids.size === 0) return;
    for (const issue of issues) {
      if (!this.isIgnored(issue)) continue;
      this.byCode.set(issue.code, (this.byCode.get(issue.code) ?? 0) + 1);
      this.bySeverity[issue.severity]++;
    }
  };

  isIgnored(issue: Issue): boolean {
    return issue.recordId !== undefined && this.ids.has(issue.recordId);
  }

  /** The result without the ignored findings; counts reduced by what `observe` saw. */
  apply(result: ValidationResult): ValidationResult {
    if (this.ids.size === 0) return result;
    const issues: Record<string, number> = {};
    for (const [code, count] of Object.entries(result.summary.issues)) {
      const left = count - (this.byCode.get(code) ?? 0);
      if (left > 0) issues[code] = left;
    }
    const severities = {
      error: result.summary.severities.error - this.bySeverity.error,
      warning: result.summary.severities.warning - this.bySeverity.warning,
      info: result.summary.severities.info - this.bySeverity.info,
    };
    return { ...result, summary: { ...result.summary, issues, severities }, issues: result.issues.filter((issue) => !this.isIgnored(issue)) };
  }
}
