import type { Issue } from '../model/issue.js';
import { BaselineMatcher, type Baseline, type BaselineComparison } from './baseline.js';
import { StatsCollector } from '../stats/collect.js';
import type { FieldFill } from '../stats/field-fill.js';
import { runCommand, type RunOptions } from './run.js';
import type { PassedRecord } from './workers/batch-work.js';
import type { RunSummary } from './summary.js';
import type { FindingsSource } from './findings.js';
import { SpooledFindings } from './findings-spool.js';

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

/** Where validate puts the findings it keeps. */
interface FindingsSink {
  addIssue(issue: Issue): void;
  addPassed(record: PassedRecord): void;
}

/** Everything but the kept findings themselves. */
export type ValidationTotals = Omit<ValidationResult, 'issues' | 'passed'>;

async function validateInto(options: ValidateOptions, sink: FindingsSink): Promise<ValidationTotals> {
  const maxIssues = options.maxIssues ?? 100_000;
  let keptIssues = 0;
  let keptPassed = 0;
  let truncated = false;
  const fields = new StatsCollector();
  // Every finding is compared as it comes, kept or not: the gate counts all of them.
  const matcher = options.baseline ? new BaselineMatcher(options.baseline) : undefined;
  const keep = (found: readonly Issue[]): void => {
    options.onIssues?.(found);
    for (const issue of found) {
      const baselineState = matcher?.classify(issue);
      if (keptIssues++ < maxIssues) sink.addIssue(baselineState === undefined ? issue : { ...issue, baselineState });
      else truncated = true;
    }
  };
  const { summary, runIssues } = await runCommand(options, { collect: { issues: true, stats: true, passed: options.listPassed } }, (batch) => {
    for (const digest of batch.stats) fields.add(digest);
    if (options.listPassed && batch.passed) {
      for (const record of batch.passed) {
        if (keptPassed++ < maxIssues) sink.addPassed(record);
        else truncated = true;
      }
    }
    keep(batch.issues);
  });
  // Run-level findings (fill rates below their minimum) come after every record.
  keep(runIssues);
  return { summary, truncated, fieldFill: fields.result().fill, baseline: matcher?.result() };
}

/**
 * Reads, validates and normalizes every record, with the run-wide checks, without writing
 * anything. The kept findings are held in memory (at most `maxIssues`); for reports of any
 * size without that memory, `validateToSpool`.
 */
export async function validate(options: ValidateOptions): Promise<ValidationResult> {
  const issues: Issue[] = [];
  const passed: PassedRecord[] | undefined = options.listPassed ? [] : undefined;
  const totals = await validateInto(options, { addIssue: (issue) => issues.push(issue), addPassed: (record) => passed?.push(record) });
  return { ...totals, issues, passed };
}

/** A validation whose findings wait in a temporary file; `dispose()` removes it. */
export interface SpooledValidation extends ValidationTotals {
  findings: FindingsSource;
  dispose(): void;
}

/**
 * `validate` with its kept findings spooled to a temporary file as they are found, so that
 * memory does not grow with their number: what `bibpipe validate` runs. The reporters read
 * them back from `findings`. The file is removed by `dispose()`, and at once when the run
 * fails.
 */
export async function validateToSpool(options: ValidateOptions): Promise<SpooledValidation> {
  const spool = new SpooledFindings(options.listPassed === true);
  try {
    const totals = await validateInto(options, spool);
    return { ...totals, findings: spool, dispose: () => spool.dispose() };
  } catch (error) {
    spool.dispose();
    throw error;
  }
}
