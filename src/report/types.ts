import type { ValidationResult } from '../pipeline/validate.js';

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

/** A report format: one module per format under src/report/, all with this shape. */
export interface Reporter {
  readonly name: string;
  readonly description: string;
  render(result: ValidationResult, options?: ReportOptions): string;
}
