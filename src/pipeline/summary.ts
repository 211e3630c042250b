import { z } from 'zod';
import type { Issue } from '../model/issue.js';

/** What a run did: `read = converted + rejected`, always. Written as `summary.json`. */
export const RunSummarySchema = z.object({
  read: z.number().int(),
  converted: z.number().int(),
  rejected: z.number().int(),
  written: z.record(z.string(), z.number().int()),
  skipped: z.record(z.string(), z.number().int()),
  issues: z.record(z.string(), z.number().int()),
  /** Issues by severity, for CI gates. */
  severities: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** True when the run was interrupted (SIGINT/SIGTERM): outputs were not committed. */
  interrupted: z.boolean().optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

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
