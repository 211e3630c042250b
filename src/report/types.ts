import type { BaselineComparison } from '../pipeline/baseline.js';
import { MemoryFindings, type FindingsSource } from '../pipeline/findings.js';
import type { RunSummary } from '../pipeline/summary.js';
import type { ValidationResult } from '../pipeline/validate.js';

type FieldFill = NonNullable<ValidationResult['fieldFill']>;

export interface ReportOptions {
  /** Text reporter: ANSI colours (the CLI turns them on for a TTY only). */
  color?: boolean | undefined;
  /** Tool version written into JUnit/SARIF/HTML (defaults to the package's). */
  toolVersion?: string | undefined;
  /** The run's inputs as given: where SARIF points findings that have no place of their own. */
  inputs?: readonly string[] | undefined;
  /** JUnit: the least severity that fails a test case (default `error`: warnings do not fail). */
  junitFailures?: 'error' | 'warning' | undefined;
}

/** What a report is made of: the totals, and the kept findings, in memory or spooled to disk. */
export interface ReportData {
  summary: RunSummary;
  /** True when more findings were found than kept. */
  truncated: boolean;
  fieldFill?: FieldFill | undefined;
  baseline?: BaselineComparison | undefined;
  findings: FindingsSource;
}

/** A report format: one module per format under src/report/, all with this shape. */
export interface Reporter {
  readonly name: string;
  readonly description: string;
  /**
   * The report a piece at a time, reading the findings as it goes: the CLI writes each
   * piece as it comes, so a report of any size needs no more memory than its largest piece.
   */
  pieces(report: ReportData, options?: ReportOptions): Iterable<string>;
  /** The whole report as one text (the pieces joined). */
  render(result: ValidationResult, options?: ReportOptions): string;
}

/** The report data of a validation result held in memory. */
export function reportData(result: ValidationResult): ReportData {
  return { summary: result.summary, truncated: result.truncated, fieldFill: result.fieldFill, baseline: result.baseline, findings: new MemoryFindings(result.issues, result.passed) };
}

/** A reporter from its `pieces`: `render` joins them. */
export function defineReporter(spec: Omit<Reporter, 'render'>): Reporter {
  return {
    ...spec,
    render(result: ValidationResult, options?: ReportOptions): string {
      let text = '';
      for (const piece of spec.pieces(reportData(result), options)) text += piece;
      return text;
    },
  };
}
