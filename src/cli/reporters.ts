import type { ValidationResult } from '../pipeline/validate.js';

/** Human report: one line per issue, grouped by rule. */
export function reportText(result: ValidationResult): string {
  const byCode = new Map<string, typeof result.issues>();
  for (const issue of result.issues) {
    const group = byCode.get(issue.code) ?? [];
    group.push(issue);
    byCode.set(issue.code, group);
  }
  const lines: string[] = [];
  for (const [code, issues] of [...byCode].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`${code} (${issues[0]?.severity}, ${issues.length})`);
    for (const issue of issues) {
      const where = issue.source ? `${issue.source.file}${issue.source.line ? `:${issue.source.line}` : ''}${issue.source.ordinal ? ` #${issue.source.ordinal}` : ''}` : '';
      lines.push(`  ${where} ${issue.recordId ?? '-'}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}`);
    }
  }
  if (result.truncated) lines.push(`(more issues were found than listed; the totals below count all of them)`);
  const s = result.summary;
  lines.push(`${s.read} records: ${s.converted} valid, ${s.rejected} with errors; ${s.severities.error} errors, ${s.severities.warning} warnings, ${s.severities.info} info`);
  return `${lines.join('\n')}\n`;
}

export function reportJson(result: ValidationResult): string {
  return `${JSON.stringify({ summary: result.summary, issues: result.issues, truncated: result.truncated }, null, 2)}\n`;
}
