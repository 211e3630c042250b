export { parseMaxWarnings } from './limits-options.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { htmlReporter, loadConfig, parseReporterSpec, validate, type ReporterTarget, type ValidationResult } from '../index.js';
import { solrOptionsFromFlags, type SolrFlags } from './solr-options.js';
import { limitsFromFlags, type LimitFlags } from './limits-options.js';
import { writeFully } from './stdio.js';
import { UsageError } from '../errors.js';
import { counted } from '../plural.js';
import { refuseEmptyRun } from './empty-run.js';
import type { ProgressDisplay } from './progress.js';
import { profileFrom } from './run-flags.js';

export interface ValidateFlags extends LimitFlags, SolrFlags {
  from: string;
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
}

export interface ValidateOutcome {
  result: ValidationResult;
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
export async function runValidate(inputs: readonly string[], flags: ValidateFlags, stdout: Writable, cwd: string = process.cwd(), progress?: ProgressDisplay): Promise<ValidateOutcome> {
  const targets = reporterTargets(flags);
  const { config, profilePath } = await loadConfig({ cwd, path: flags.config });
  const result = await validate({
    inputs,
    from: flags.from,
    limits: limitsFromFlags(flags),
    profile: await profileFrom(flags.profile ?? profilePath),
    severities: config.rules,
    fillRates: config.fillRates,
    ignore: config.ignore,
    workers: flags.workers ?? 'auto',
    solr: solrOptionsFromFlags(flags, undefined),
    openFiles: flags.openFiles,
    onProgress: progress ? (read) => progress.update(read) : undefined,
  });
  progress?.stop();
  refuseEmptyRun(result.summary.read, inputs, flags.allowEmpty);
  for (const { reporter, file } of targets) {
    const text = reporter.render(result, { color: file === undefined && useColor(stdout, flags.color) });
    if (file === undefined) {
      // Awaited: a report that did not reach stdout must not pass for a delivered one.
      await writeFully(stdout, text);
      continue;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  const failures: string[] = [];
  const { error, warning } = result.summary.severities;
  if (error > 0) failures.push(counted(error, 'error'));
  const maxWarnings = flags.maxWarnings ?? config.maxWarnings;
  if (maxWarnings !== undefined && warning > maxWarnings) failures.push(`too many warnings (${warning}); maximum allowed is ${maxWarnings}`);
  return { result, failures };
}
