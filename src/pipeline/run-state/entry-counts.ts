import type { RunStateRecord } from '../../model/run-state.js';
import { countIssueKinds } from '../counts.js';
import type { RunSummary } from '../summary.js';

/**
 * A run-state entry's part of its run's summary, counted as pass 2 counted the record
 * (workers/batch-work.ts): read, converted or rejected; per output format, written (its text
 * has bytes) or skipped (the writer refused a converted record); its counted findings by
 * code and severity. Merge adds up the merged run's summary from these, and checks each
 * shard's recorded summary against its own entries.
 */
export function countEntry(summary: RunSummary, entry: RunStateRecord, formats: readonly string[]): void {
  summary.read++;
  if (entry.converted) {
    summary.converted++;
    formats.forEach((format, at) => {
      const counts = entry.outputBytes[at]! > 0 ? summary.written : summary.skipped;
      counts[format] = (counts[format] ?? 0) + 1;
    });
  } else {
    summary.rejected++;
  }
  countIssueKinds(summary, entry.issueCodes, entry.issueSeverities);
}
