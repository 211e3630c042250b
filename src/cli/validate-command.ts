import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { baselineFromIssues, htmlReporter, loadConfig, parseReporterSpec, refuseOutputsThatAreInputs, serializeBaseline, validateToSpool, valuesOf, type Baseline, type ReporterTarget, type Severity, type ValidationTotals } from '../command-api.js';
import { solrOptionsFromFlags, type SolrFlags } from './solr-options.js';
import { limitsFromFlags, type LimitFlags } from './limits-options.js';
import { writeFully } from './stdio.js';
import { writeWithBackpressure } from '../atomic-file.js';
import { UsageError } from '../errors.js';
import { refuseEmptyRun } from './empty-run.js';
import type { ProgressDisplay } from './progress.js';
import { fillRatesWithSources, inputFormat, profileFrom } from './run-flags.js';
import { checkWritable } from './output-paths.js';

export interface ValidateFlags extends LimitFlags, SolrFlags {
  from: string;
  /** `--exclude GLOB`, repeatable: files never read. */
  exclude?: readonly string[] | undefined;
  profile?: string | undefined;
  config?: string | undefined;
  /** `NAME` or `NAME:FILE`, repeatable; default `text` on stdout. */
  reporter?: readonly string[] | undefined;
  allowEmpty?: boolean | undefined;
  /** HTML report file (same as `--reporter html:FILE`). */
  report?: string | undefined;
  maxWarnings?: number | undefined;
  /** Threads (default: the cores available). */
  workers?: number | 'auto' | undefined;
  /** Colour for the text reporter on stdout; undefined: when stdout is a terminal. */
  color?: boolean | undefined;
  /** Known findings: only findings not in this file fail the run. */
  baseline?: string | undefined;
  /** Write every finding of this run as a baseline file. */
  writeBaseline?: string | undefined;
  /** Reports list findings of this severity or worse (the totals and the gate are unchanged). */
  minSeverity?: Severity | undefined;
  /** JUnit: warnings fail test cases too (default: errors only). */
  junitFailures?: 'error' | 'warning' | undefined;
}

/** Where and how a command runs: its working directory, progress bar, interrupt signal and log. */
export interface RunContext {
  cwd?: string | undefined;
  progress?: ProgressDisplay | undefined;
  signal?: AbortSignal | undefined;
  logger?: Logger | undefined;
}

export interface ValidateOutcome {
  /** The totals (the findings themselves went to the reports). */
  result: ValidationTotals;
  /** Why the run fails (exit 1); empty when it passes. */
  failures: string[];
}

/** `--max-warnings N`: a non-negative integer. */

function reporterTargets(flags: ValidateFlags): ReporterTarget[] {
  const specs = flags.reporter !== undefined && flags.reporter.length > 0 ? [...flags.reporter] : ['text'];
  const targets = specs.map((spec) => {
    const target = parseReporterSpec(spec);
    if (typeof target === 'string') throw new UsageError(target);
    return target;
  });
  if (flags.report !== undefined) targets.push({ reporter: htmlReporter, file: flags.report });
  const onStdout = targets.filter((target) => target.file === undefined);
  if (onStdout.length > 1) {
    throw new UsageError(`Only one reporter can write to stdout (got ${onStdout.map((t) => t.reporter.name).join(', ')}); give the others a file: --reporter junit:junit.xml`);
  }
  return targets;
}

function useColor(stdout: Writable, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return (stdout as Writable & { isTTY?: boolean }).isTTY === true;
}

/**
 * `bibpipe validate`: config, validation, every requested report, and the verdict. Fails on
 * any error, or on more warnings than `--max-warnings` (or the config's `maxWarnings`).
 */
export async function runValidate(inputs: readonly string[], flags: ValidateFlags, stdout: Writable, run: RunContext = {}): Promise<ValidateOutcome> {
  const { cwd = process.cwd(), progress, signal, logger } = run;
  const targets = reporterTargets(flags);
  // Every file the run will write is checked before the run: a typo must not cost a long run,
  // and a report written over an input would replace the records it reports on.
  const written = targets.flatMap(({ reporter, file }) => (file === undefined ? [] : [{ path: file, what: `The ${reporter.name} report` }]));
  if (flags.writeBaseline !== undefined) written.push({ path: flags.writeBaseline, what: 'The baseline (--write-baseline)' });
  await refuseOutputsThatAreInputs(inputs, written);
  for (const { file } of targets) if (file !== undefined) await checkWritable(file, 'report');
  if (flags.writeBaseline !== undefined) await checkWritable(flags.writeBaseline, 'baseline');
  const baseline = flags.baseline === undefined ? undefined : await readBaseline(flags.baseline);
  const loaded = await loadConfig({ cwd, path: flags.config });
  const { config, profilePath } = loaded;
  const listPassed = targets.some((target) => target.reporter.name === 'junit');
  // Findings wait in a temporary file, not in memory: a report of a million records needs no more than one of ten.
  const spooled = await validateToSpool({
    inputs,
    from: inputFormat(flags.from),
    limits: limitsFromFlags(flags),
    profile: await profileFrom(flags.profile ?? profilePath),
    severities: config.rules,
    fillRates: fillRatesWithSources(loaded, cwd),
    ignore: config.ignore,
    workers: flags.workers ?? 'auto',
    solr: solrOptionsFromFlags(flags, undefined),
    openFiles: flags.openFiles,
    onProgress: progress ? (read) => progress.update(read) : undefined,
    baseline,
    listPassed,
    signal,
    logger,
    exclude: flags.exclude,
  });
  try {
    progress?.stop();
    const { summary, truncated, fieldFill, baseline: comparison, findings } = spooled;
    const result = { summary, truncated, fieldFill, baseline: comparison };
    if (result.summary.interrupted) return { result, failures: [] };
    refuseEmptyRun(result.summary.read, inputs, flags.allowEmpty);
    const shown = { ...result, findings: findings.atLeast(flags.minSeverity) };
    for (const { reporter, file } of targets) {
      const pieces = reporter.pieces(shown, { color: file === undefined && useColor(stdout, flags.color), inputs, junitFailures: flags.junitFailures });
      // Awaited: a report that did not reach stdout must not pass for a delivered one.
      if (file === undefined) await writePieces(pieces, (text) => writeFully(stdout, text));
      else await writeReportFile(file, pieces);
    }
    if (flags.writeBaseline !== undefined) {
      if (result.truncated) throw new UsageError(`cannot write the baseline ${flags.writeBaseline}: the run found more findings than it keeps (${findings.issueCount}); fix or switch off the commonest rules first`);
      await writeFile(flags.writeBaseline, serializeBaseline(baselineFromIssues(valuesOf(findings.issues()))));
    }
    return { result, failures: verdict(result, flags.maxWarnings ?? config.maxWarnings, flags.writeBaseline !== undefined) };
  } finally {
    spooled.dispose();
  }
}

/** Report pieces gathered into writes of about this size. */
const REPORT_WRITE_BYTES = 256 * 1024;

async function writePieces(pieces: Iterable<string>, write: (text: string) => Promise<void>): Promise<void> {
  let gathered = '';
  for (const piece of pieces) {
    gathered += piece;
    if (gathered.length >= REPORT_WRITE_BYTES) {
      await write(gathered);
      gathered = '';
    }
  }
  if (gathered.length > 0) await write(gathered);
}

/** A report file written as its pieces come. */
async function writeReportFile(file: string, pieces: Iterable<string>): Promise<void> {
  const stream = createWriteStream(file);
  try {
    await writePieces(pieces, (text) => writeWithBackpressure(stream, text));
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(resolve);
    });
  } finally {
    stream.destroy();
  }
}

/** `--baseline FILE`: a usage error when it is missing or not a baseline. */
async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (write one with --write-baseline)' : (error as Error).message}`);
  }
  // The baseline file's schema (zod) is loaded only by a run given one.
  const { parseBaseline } = await import('../index.js');
  try {
    return parseBaseline(text);
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof SyntaxError ? 'not JSON' : (error as Error).message}`);
  }
}

/**
 * Why the run fails: errors, or more warnings than allowed; with a baseline only the new
 * findings count. A run that writes a baseline records the findings it has and passes.
 */
function verdict(result: ValidationTotals, maxWarnings: number | undefined, wroteBaseline: boolean): string[] {
  if (wroteBaseline) return [];
  const failures: string[] = [];
  const counts = result.baseline?.new ?? result.summary.severities;
  const fresh = result.baseline ? 'new ' : '';
  if (counts.error > 0) failures.push(`${counts.error} ${fresh}${counts.error === 1 ? 'error' : 'errors'}`);
  if (maxWarnings !== undefined && counts.warning > maxWarnings) failures.push(`too many ${fresh}warnings (${counts.warning}); maximum allowed is ${maxWarnings}`);
  return failures;
}
