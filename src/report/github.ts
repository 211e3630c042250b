import type { Issue, Severity } from '../model/issue.js';
import { defineReporter, type ReportData } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a workflow command's message (actions/toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escaping of a workflow command's property value (actions/toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * `::error file=F,line=L,title=T::message` for one finding. A finding the baseline knows is
 * a notice: it does not fail the gate, so it must not show as an error on the pull request.
 */
export function annotation(issue: Issue): string {
  const known = issue.baselineState === 'unchanged';
  const properties: string[] = [];
  const file = issue.source?.file;
  if (file !== undefined && file !== '-') {
    properties.push(`file=${escapeProperty(file)}`);
    if (issue.source?.line !== undefined) properties.push(`line=${issue.source.line}`);
  }
  properties.push(`title=${escapeProperty(`bibpipe ${issue.code}${known ? ' (in baseline)' : ''}`)}`);
  const record = issue.recordId !== undefined ? `${issue.recordId}${issue.field ? ` [${issue.field}]` : ''}: ` : issue.field ? `[${issue.field}] ` : '';
  return `::${known ? 'notice' : COMMAND[issue.severity]} ${properties.join(',')}::${escapeData(`${record}${issue.message}`)}`;
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the run (and the file). */
export const githubReporter = defineReporter({
  name: 'github',
  description: 'GitHub Actions annotations (::error / ::warning / ::notice workflow commands)',
  *pieces(report: ReportData): Iterable<string> {
    // Only workflow commands: the CLI prints the totals on stderr.
    for (const { value } of report.findings.issues()) yield `${annotation(value)}\n`;
  },
});
