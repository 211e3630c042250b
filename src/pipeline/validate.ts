import type { Issue } from '../model/issue.js';
import { BaselineMatcher, type Baseline, type BaselineComparison } from './baseline.js';
import { StatsCollector } from '../stats/collect.js';
import type { FieldFill } from '../stats/field-fill.js';
import { runCommand, type RunOptions } from './run.js';
import type { PassedRecord } from './workers/batch-work.js';
import type { RunSummary } from './summary.js';

export interface ValidateOptions extends RunOptions {
  /** Most issues kept in the result (the summary counts all of them). */
  maxIssues?: number | undefined;
  /** Called for every batch's issues as they are found (streaming reporters). */
  onIssues?: ((issues: readonly Issue[]) => void) | undefined;
  /** Known findings (`bibpipe validate --baseline`): the result says which findings are new. */
  baseline?: Baseline | undefined;
  /** Also list the records without findings (`ValidationResult.passed`; JUnit's test case per record). */
  listPassed?: boolean | undefined;
}

export interface ValidationResult {
  summary: RunSummary;
  /** The findings, in input order (at most maxIssues). */
  issues: Issue[];
  /** True when more issues were found than kept. */
  truncated: boolean;
  /** Share of records having each raw Solr field (bounded number of fields). */
  fieldFill?: FieldFill | undefined;
  /** With a baseline: how many findings are new, known, and fixed (each issue says whether it is new). */
  baseline?: BaselineComparison | undefined;
  /** With `listPassed`: the records without findings, in input order (at most maxIssues). */
  passed?: PassedRecord[] | undefined;
}

/** Reads, validates and normalizes every record, with the run-wide checks, without writing anything. */
export async function validate(options: ValidateOptions): Promise<ValidationResult> {
  const maxIssues = options.maxIssues ?? 100_000;
  const issues: Issue[] = [];
  let truncated = false;
  const fields = new StatsCollector();
  // Every finding is compared as it comes, kept or not: the gate counts all of them.
  const matcher = options.baseline ? new BaselineMatcher(options.baseline) : undefined;
  const keep = (found: readonly Issue[]): void => {
    options.onIssues?.(found);
    for (const issue of found) {
      const baselineState = matcher?.classify(issue);
      if (issues.length < maxIssues) issues.push(baselineState === undefined ? issue : { ...issue, baselineState });
      else truncated = true;
    }
  };
  const passed: PassedRecord[] | undefined = options.listPassed ? [] : undefined;
  const { summary, runIssues } = await runCommand(options, { collect: { issues: true, stats: true, passed: options.listPassed } }, (batch) => {
    for (const digest of batch.stats) fields.add(digest);
    if (passed && batch.passed) {
      for (const record of batch.passed) {
        if (passed.length < maxIssues) passed.push(record);
        else truncated = true;
      }
    }
    keep(batch.issues);
  });
  // Run-level findings (fill rates below their minimum) come after every record.
  keep(runIssues);
  return { summary, issues, truncated, fieldFill: fields.result().fill, baseline: matcher?.result(), passed };
}
