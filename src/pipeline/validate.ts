import type { Issue } from '../model/issue.js';
import { StatsCollector } from '../stats/collect.js';
import type { FieldFill } from '../stats/field-fill.js';
import { runCommand, type RunOptions } from './run.js';
import type { RunSummary } from './summary.js';

export interface ValidateOptions extends RunOptions {
  /** Most issues kept in the result (the summary counts all of them). */
  maxIssues?: number | undefined;
  /** Called for every batch's issues as they are found (streaming reporters). */
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

/** Reads, validates and normalizes every record, with the run-wide checks, without writing anything. */
export async function validate(options: ValidateOptions): Promise<ValidationResult> {
  const maxIssues = options.maxIssues ?? 100_000;
  const issues: Issue[] = [];
  let truncated = false;
  const fields = new StatsCollector();
  const keep = (found: readonly Issue[]): void => {
    options.onIssues?.(found);
    for (const issue of found) {
      if (issues.length < maxIssues) issues.push(issue);
      else truncated = true;
    }
  };
  const { summary, runIssues } = await runCommand(options, { collect: { issues: true, stats: true } }, (batch) => {
    for (const digest of batch.stats) fields.add(digest);
    keep(batch.issues);
  });
  // Run-level findings (fill rates below their minimum) come after every record.
  keep(runIssues);
  return { summary, issues, truncated, fieldFill: fields.result().fill };
}
