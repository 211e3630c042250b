import type { Issue } from '../model/issue.js';
import type { RunSummary } from './summary.js';

/* Counting into a run summary: plain functions (the summary's zod schema stays in summary.ts, off the hot path). */

export function emptySummary(): RunSummary {
  return { read: 0, converted: 0, rejected: 0, written: {}, skipped: {}, issues: {}, severities: { error: 0, warning: 0, info: 0 } };
}

export function countIssues(summary: RunSummary, issues: readonly Issue[]): void {
  for (const issue of issues) {
    summary.issues[issue.code] = (summary.issues[issue.code] ?? 0) + 1;
    summary.severities[issue.severity] += 1;
  }
}

/** Issue counts in code order, so summary.json is byte-identical for identical input. */
export function sortedSummary(summary: RunSummary): RunSummary {
  const sortKeys = (record: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...summary, written: sortKeys(summary.written), skipped: sortKeys(summary.skipped), issues: sortKeys(summary.issues) };
}
