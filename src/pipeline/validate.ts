import type { Issue } from '../model/issue.js';
import { FieldFillCounter, type FieldFill } from '../stats/field-fill.js';
import { applySeverities } from '../model/rules.js';
import { CrossRecordChecks } from './cross-record.js';
import { processRecords, type RunOptions } from './run.js';
import { countIssues, emptySummary, sortedSummary, type RunSummary } from './summary.js';

export interface ValidateOptions extends RunOptions {
  /** Most issues kept in the result (the summary counts all of them). */
  maxIssues?: number | undefined;
  /** Called for every record's issues as they are found (streaming reporters). */
  onIssues?: ((issues: readonly Issue[]) => void) | undefined;
}

export interface ValidationResult {
  summary: RunSummary;
  /** The findings, in input order (at most maxIssues). */
  issues: Issue[];
  /** True when more issues were found than kept. */
  truncated: boolean;
  /** Share of records having each raw Solr field (bounded number of fields). */
  fieldFill?: FieldFill | undefined;
}

/** Reads, validates and normalizes every record without writing anything. */
export async function validate(options: ValidateOptions): Promise<ValidationResult> {
  const maxIssues = options.maxIssues ?? 100_000;
  const summary = emptySummary();
  const issues: Issue[] = [];
  let truncated = false;
  const fieldFill = new FieldFillCounter();
  const crossRecord = options.crossRecord ?? new CrossRecordChecks();
  const keep = (found: readonly Issue[]): void => {
    countIssues(summary, found);
    options.onIssues?.(found);
    for (const issue of found) {
      if (issues.length < maxIssues) issues.push(issue);
      else truncated = true;
    }
  };
  for await (const processed of processRecords({ ...options, crossRecord })) {
    summary.read++;
    fieldFill.add(processed.raw);
    if (processed.rejected) summary.rejected++;
    else summary.converted++;
    keep(processed.issues);
  }
  // Run-level findings (fill rates below their minimum) come after every record.
  keep(applySeverities(crossRecord.finish(), options.severities));
  return { summary: sortedSummary(summary), issues, truncated, fieldFill: fieldFill.result() };
}
