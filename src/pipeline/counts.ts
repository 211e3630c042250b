import type { Issue, Severity } from '../model/issue.js';
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

/** Adds issues given by code and severity (a run state's entry), `delta` times each (-1 takes them back). */
export function countIssueKinds(summary: RunSummary, codes: readonly string[], severities: readonly Severity[], delta = 1): void {
  codes.forEach((code, at) => {
    const count = (summary.issues[code] ?? 0) + delta;
    if (count === 0) delete summary.issues[code];
    else summary.issues[code] = count;
    summary.severities[severities[at]!] += delta;
  });
}

function addCounts(total: Record<string, number>, delta: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(delta)) total[key] = (total[key] ?? 0) + count;
}

/** Adds one part's counts (a batch's, a record's) to a total. */
export function addSummary(total: RunSummary, delta: Readonly<RunSummary>): void {
  total.read += delta.read;
  total.converted += delta.converted;
  total.rejected += delta.rejected;
  addCounts(total.written, delta.written);
  addCounts(total.skipped, delta.skipped);
  addCounts(total.issues, delta.issues);
  addCounts(total.severities, delta.severities);
}

/** Issue counts in code order, so summary.json is byte-identical for identical input. */
export function sortedSummary(summary: RunSummary): RunSummary {
  const sortKeys = (record: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...summary, written: sortKeys(summary.written), skipped: sortKeys(summary.skipped), issues: sortKeys(summary.issues) };
}
