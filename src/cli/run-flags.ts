import { isAbsolute, relative } from 'node:path';
import type { DestinationStream, Logger } from 'pino';
import { lazyLogger } from './lazy-logger.js';
import { UsageError } from '../errors.js';
import { isInputFormat, isOutputFormat, OUTPUT_FORMATS, writers, type FillRateRule, type InputFormat, type LoadedConfig, type OutputFormat, type Profile } from '../command-api.js';
import type { LimitFlags } from './limits-options.js';
import { logDestination, type ProgressDisplay, type TerminalStream } from './progress.js';
import type { SolrFlags } from './solr-options.js';

export { EXIT, type CliStreams } from './exit-codes.js';

/** The flags every reading command shares. */
export interface RunFlags extends LimitFlags, SolrFlags {
  from: string;
  /** `--exclude GLOB`, repeatable: files never read. */
  exclude?: readonly string[] | undefined;
  profile?: string | undefined;
  config?: string | undefined;
  logLevel: string;
  /** `text` (readable lines, the default) or `json` (pino's JSON lines). */
  logFormat?: 'text' | 'json' | undefined;
  quiet?: boolean | undefined;
  allowEmpty?: boolean | undefined;
}

/** pino on stderr (loaded when a line is printed): readable lines (above the progress bar on a terminal), or JSON lines with `--log-format json`. */
export function makeLogger(level: string, stderr: TerminalStream, display?: ProgressDisplay, format: 'text' | 'json' = 'text'): Logger {
  return lazyLogger(level, () => logDestination(stderr, display, format) as unknown as DestinationStream);
}

/** The profile file, read as a usage error when it is missing or invalid. */
export async function profileFrom(path: string | undefined): Promise<Profile | undefined> {
  if (path === undefined) return undefined;
  try {
    // The profile's schema (zod) is loaded by runs that name a profile only.
    const { loadProfile } = await import('./profile-load.js');
    return await loadProfile(path);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}


/**
 * The config's fill-rate rules, each with the file and line it is written on, so that its
 * run-wide finding points there (SARIF, annotations): relative to the working directory when
 * the config is inside it, as code scanning expects repository-relative paths.
 */
export function fillRatesWithSources(loaded: LoadedConfig, cwd: string): FillRateRule[] {
  const { config, file, fillRateLines } = loaded;
  if (file === undefined) return config.fillRates;
  const shown = relative(cwd, file);
  const path = shown.startsWith('..') || isAbsolute(shown) ? file : shown;
  return config.fillRates.map((rule, index) => ({ ...rule, source: { file: path, line: fillRateLines?.[index] } }));
}

/** `--to` names checked against the registered writers: a usage error for an unknown one. */
export function outputFormats(names: readonly string[]): OutputFormat[] {
  if (names.length === 0) throw new UsageError(`No output format given (--to ${OUTPUT_FORMATS.join(',')})`);
  return names.map((name) => {
    if (!isOutputFormat(name)) throw new UsageError(`Unknown output format "${name}" (known: ${writers.map((writer) => writer.name).join(', ')})`);
    return name;
  });
}

/** `--from`: commander has checked it against the readers' names. */
export function inputFormat(name: string): InputFormat | 'auto' {
  if (name === 'auto' || isInputFormat(name)) return name;
  throw new UsageError(`Unknown input format "${name}"`);
}
