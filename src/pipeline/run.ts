import type { Logger } from 'pino';
import { UsageError } from '../errors.js';
import type { Issue } from '../model/issue.js';
import { applySeverities, type SeverityOverrides } from '../model/rules.js';
import type { Profile } from '../biblio-schema/profile.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/types.js';
import type { InputFormat } from '../read/index.js';
import type { Input } from '../sources/memory.js';
import type { WriterOptions } from '../write/types.js';
import { CrossRecordChecks, fillRateIssues, type FillRateCount, type FillRateRule } from './cross-record.js';
import { runEngine, type ReadProgress } from './engine.js';
import type { SolrReadOptions } from '../sources/solr-pages.js';
import { addSummary, countIssues, emptySummary, sortedSummary } from './counts.js';
import type { RunSummary } from './summary.js';
import type { EngineSettings, Pass2Result } from './workers/batch-work.js';
import { createExecutor } from './workers/executor.js';
import { workersFor, type WorkerCount } from './thread-rule.js';
import { expandInputs } from '../sources/inputs.js';
import type { Share } from '../sources/byte-ranges.js';
import type { InputRead } from '../model/run-state.js';

/** Options every command shares: what to read, how to check it, how to run. */
export interface RunOptions {
  /** Paths, directories, globs, `-`, `solr+http(s)://` URLs, or inputs in memory (`{ text }`, `{ stream }`, `{ records }`). */
  inputs: readonly Input[];
  /** Reader name, or `auto` (default) to detect each input's format from its content; a typo is a type error. */
  from?: InputFormat | 'auto' | undefined;
  limits?: Partial<ReadLimits> | undefined;
  profile?: Profile | undefined;
  severities?: SeverityOverrides | undefined;
  /** Minimum fill rates of normalized fields (the config's `fillRates`). */
  fillRates?: readonly FillRateRule[] | undefined;
  /** Record ids whose findings are left out of counts and reports (the config's `ignore`). */
  ignore?: readonly string[] | undefined;
  /** How `solr+http(s)://` inputs are queried, paged, sharded and resumed. */
  solr?: SolrReadOptions | undefined;
  /** Most input files opened and decompressed ahead at once (default 4); output order stays input order. */
  openFiles?: number | undefined;
  /**
   * Threads that parse, validate, normalize and serialize (default 1: all on the calling
   * thread); `auto` starts them only where they pay off (pipeline/thread-rule.ts). Output is
   * identical whatever the number.
   */
  workers?: WorkerCount | undefined;
  /** Files never read (glob patterns matched against each file's path, or its name for a pattern without a slash). */
  exclude?: readonly string[] | undefined;
  /** Aborting stops the run after the current batch; outputs are then discarded. */
  signal?: AbortSignal | undefined;
  logger?: Logger | undefined;
  /** Called after every batch with the counts so far and how much input was read (progress bars). */
  onProgress?: ((progress: Readonly<RunProgress>) => void) | undefined;
}

/** Records and input bytes read so far. */
export interface RunProgress extends ReadProgress {
  records: number;
}

/** What a command asks the engine for besides counts. */
export interface RunSpec {
  formats?: readonly string[] | undefined;
  writerOptions?: WriterOptions | undefined;
  collect?: Partial<EngineSettings['collect']> | undefined;
  /** Directories never read as inputs (the run's own output directory). */
  exclude?: readonly string[] | undefined;
  /** `--shard I/N` on files: read only share I of every input file (sources/file-shards.ts). */
  fileShard?: Share | undefined;
  /** With fileShard: told what was read of each input file (the run state records it for merge). */
  onInputRead?: ((file: string, read: InputRead) => void) | undefined;
}

export interface RunOutcome {
  summary: RunSummary;
  /** Findings about the run as a whole (fill rates below their minimum), counted in the summary. */
  runIssues: Issue[];
  /** Per fill-rate rule: converted records in scope and those that had the field. */
  fillCounts: FillRateCount[];
}

/**
 * Runs the engine for one command: `onBatch` gets every batch's pass-2 result in input
 * order (the command's sink). Counts, fill rates and run-level findings are summed here,
 * the same way for every command.
 */
export async function runCommand(options: RunOptions, spec: RunSpec, onBatch: (result: Pass2Result) => Promise<void> | void): Promise<RunOutcome> {
  const fillRates = options.fillRates ?? [];
  // The model's schema (zod) is loaded only when a rule needs a field path resolved.
  const resolve = fillRates.length === 0 ? undefined : (await import('../model/fields.js')).resolveModelField;
  const settings: EngineSettings = {
    formats: spec.formats ?? [],
    writerOptions: spec.writerOptions ?? {},
    profile: options.profile,
    severities: options.severities,
    limits: { ...DEFAULT_READ_LIMITS, ...options.limits },
    fillRates: fillRates.map((rule) => {
      const path = resolve?.(rule.field);
      if (path === undefined) throw new UsageError(`Unknown record field "${rule.field}" in a fill-rate rule`);
      return { ...rule, path };
    }),
    ignore: options.ignore ?? [],
    collect: { rejects: false, skipped: false, issues: false, stats: false, records: false, logRejected: false, logSkipped: false, ...spec.collect },
  };
  const workers = await workersFor(options.workers, options.workers === 'auto' ? await expandInputs(options.inputs.filter((input): input is string => typeof input === 'string'), spec.exclude) : []);
  const executor = await createExecutor(settings, workers, () => options.logger?.debug('worker threads need the compiled worker (dist/); running on one thread'));
  const summary = emptySummary();
  const fillCounts: FillRateCount[] = fillRates.map(() => ({ records: 0, filled: 0 }));
  const progress: RunProgress = { records: 0, bytesRead: 0, bytesTotal: undefined };
  const notExports: string[] = [];
  try {
    const results = runEngine({
      inputs: options.inputs,
      from: options.from,
      limits: settings.limits,
      solr: options.solr,
      signal: options.signal,
      executor,
      checks: new CrossRecordChecks(options.severities),
      openAhead: options.openFiles,
      progress,
      exclude: spec.exclude,
      excludeGlobs: options.exclude,
      onNotAnExport: (file) => notExports.push(file),
      onFormatMismatch: (message) => options.logger?.warn({}, message),
      onEmptyInput: (message) => options.logger?.info({}, message),
      onRepeatedInput: (file) => options.logger?.warn({ file }, `${file}: given more than once; read once`),
      fileShard: spec.fileShard,
      onInputRead: spec.onInputRead,
    });
    for await (const result of results) {
      addSummary(summary, result.summary);
      result.fillRates.forEach((count, index) => {
        fillCounts[index]!.records += count.records;
        fillCounts[index]!.filled += count.filled;
      });
      for (const log of result.logs) options.logger?.[log.level](log.fields, log.message);
      await onBatch(result);
      progress.records = summary.read;
      options.onProgress?.(progress);
      if (options.signal?.aborted) break;
    }
  } finally {
    await executor.close();
  }
  if (notExports.length > 0) {
    const shown = notExports.slice(0, 5).join(', ') + (notExports.length > 5 ? `, ... (${notExports.length - 5} more)` : '');
    options.logger?.warn({ files: notExports.length }, `skipped ${notExports.length === 1 ? '1 file that is not a catalogue export' : `${notExports.length} files that are not catalogue exports`}: ${shown} (name a file to read it anyway)`);
  }
  if (options.signal?.aborted) {
    summary.interrupted = true;
    return { summary: sortedSummary(summary), runIssues: [], fillCounts };
  }
  const runIssues = applySeverities(fillRateIssues(fillRates, fillCounts), options.severities);
  countIssues(summary, runIssues);
  return { summary: sortedSummary(summary), runIssues, fillCounts };
}
