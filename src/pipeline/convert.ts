import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/types.js';
import type { Profile } from '../biblio-schema/profile.js';
import type { SeverityOverrides } from '../model/rules.js';
import { findWriter, writers } from '../write/index.js';
import type { RecordWriter, WriterOptions, WriterSession } from '../write/types.js';
import { UsageError } from './inputs.js';
import type { SolrReadOptions } from './sources.js';
import { CrossRecordChecks } from './cross-record.js';
import { AtomicFileSink, StreamSink, type Sink } from './sinks.js';
import { emptySummary, sortedSummary, type RunSummary } from './summary.js';
import type { BatchSettings } from './workers/batch-job.js';
import { InlineExecutor, WorkerPool, workerThreadsAvailable, type BatchExecutor } from './workers/executor.js';
import { orderedBatches, type ReadProgress } from './workers/scheduler.js';
import { RunStateWriter, type ShardDescription } from '../model/run-state.js';
import { runStateInputs } from './run-state-inputs.js';

export interface ConvertOptions {
  inputs: readonly string[];
  /** Output formats (writer names): `medline`, `jsonld`, `csv`, `ndjson`. */
  to: readonly string[];
  from?: string | undefined;
  /** Directory for the output files, rejects.ndjson and summary.json. */
  outDir?: string | undefined;
  /** Without outDir: where the one output format goes (default: process.stdout). */
  output?: Writable | undefined;
  /** Without outDir: a file for rejected records (NDJSON). */
  rejectsPath?: string | undefined;
  writerOptions?: WriterOptions | undefined;
  profile?: Profile | undefined;
  severities?: SeverityOverrides | undefined;
  /** How `solr+http(s)://` inputs are queried, paged, sharded and resumed. */
  solr?: SolrReadOptions | undefined;
  /** Most input files opened and parsed ahead at once (default 4); output order stays input order. */
  openFiles?: number | undefined;
  limits?: Partial<ReadLimits> | undefined;
  logger?: Logger | undefined;
  /** Aborting stops the run after the current batch of records; outputs are then discarded. */
  signal?: AbortSignal | undefined;
  /** Called after every batch of records (progress bars), with the counts so far. */
  onRecord?: ((summary: Readonly<RunSummary>) => void) | undefined;
  /**
   * Threads that parse, validate, normalize and serialize (default 1: all on the calling
   * thread). With more, line-delimited Solr JSON is parsed on the workers too; output is
   * identical whatever the number.
   */
  workers?: number | undefined;
  /** Called after every batch of records with how much input was read (progress bars). */
  onProgress?: ((progress: Readonly<RunProgress>) => void) | undefined;
  /** With outDir: write run-state.json/.bin beside the outputs (shard runs, for `bibpipe merge`). */
  runState?: { shard: ShardDescription } | undefined;
}

/** Records and input bytes read so far. */
export interface RunProgress extends ReadProgress {
  records: number;
}

interface Output {
  writer: RecordWriter;
  session: WriterSession;
  sink: Sink;
  /** The document's start is written with its first record (see RecordWriter.requiresRecords). */
  started: boolean;
  recordsWritten: number;
}

async function ensureStarted(output: Output): Promise<void> {
  if (output.started) return;
  output.started = true;
  await output.sink.write(output.session.start());
}

function addCounts(total: Record<string, number>, delta: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(delta)) total[key] = (total[key] ?? 0) + count;
}

function addSummary(total: RunSummary, delta: Readonly<RunSummary>): void {
  total.read += delta.read;
  total.converted += delta.converted;
  total.rejected += delta.rejected;
  addCounts(total.written, delta.written);
  addCounts(total.skipped, delta.skipped);
  addCounts(total.issues, delta.issues);
  addCounts(total.severities, delta.severities);
}

function createExecutor(settings: BatchSettings, workers: number, logger: Logger | undefined): BatchExecutor {
  if (workers <= 1) return new InlineExecutor(settings);
  if (!workerThreadsAvailable()) {
    logger?.debug('worker threads need the compiled worker (dist/); running on one thread');
    return new InlineExecutor(settings);
  }
  return new WorkerPool(settings, workers);
}

export function resolveWriters(names: readonly string[]): RecordWriter[] {
  if (names.length === 0) throw new UsageError('No output format given (--to medline,jsonld,csv,ndjson)');
  return names.map((name) => {
    const writer = findWriter(name);
    if (!writer) throw new UsageError(`Unknown output format "${name}" (known: ${writers.map((w) => w.name).join(', ')})`);
    return writer;
  });
}

/**
 * read -> validate -> normalize -> write, for every record of every input. Returns the
 * run's summary; with `outDir` also writes it as summary.json beside the outputs.
 */
export async function convert(options: ConvertOptions): Promise<RunSummary> {
  const chosen = resolveWriters(options.to);
  if (!options.outDir && chosen.length !== 1) {
    throw new UsageError('Without --out-dir exactly one output format goes to stdout; give --out-dir for several');
  }
  const writerOptions = options.writerOptions ?? {};
  if (options.outDir) {
    try {
      await makeDirectory(options.outDir);
    } catch (error) {
      throw new UsageError(`Cannot create output directory ${options.outDir}: ${(error as Error).message}`);
    }
  }
  const outputs: Output[] = [];
  const sinks: Sink[] = [];
  let rejects: Sink | undefined;
  let skipped: Sink | undefined;
  const summary = emptySummary();
  let executor: BatchExecutor | undefined;
  let state: RunStateWriter | undefined;
  try {
    for (const writer of chosen) {
      const session = writer.open(writerOptions);
      const sink = options.outDir ? new AtomicFileSink(join(options.outDir, writer.fileName)) : new StreamSink(options.output ?? process.stdout);
      sinks.push(sink);
      outputs.push({ writer, session, sink, started: false, recordsWritten: 0 });
      summary.written[writer.name] = 0;
    }
    const rejectsPath = options.outDir ? join(options.outDir, 'rejects.ndjson') : options.rejectsPath;
    if (rejectsPath) sinks.push((rejects = new AtomicFileSink(rejectsPath)));
    if (options.outDir) sinks.push((skipped = new AtomicFileSink(join(options.outDir, 'skipped.ndjson'))));
    // An output that cannot be created fails the run before any record is read.
    await Promise.all(sinks.map((sink) => sink.opened?.()));

    const settings: BatchSettings = {
      formats: chosen.map((writer) => writer.name),
      writerOptions,
      profile: options.profile,
      severities: options.severities,
      limits: { ...DEFAULT_READ_LIMITS, ...options.limits },
      rejects: rejects !== undefined,
      skipped: skipped !== undefined,
      logRejected: options.logger?.isLevelEnabled('warn') ?? false,
      logSkipped: options.logger?.isLevelEnabled('debug') ?? false,
      runState: options.runState !== undefined && options.outDir !== undefined,
    };
    const stateInputs = settings.runState ? await runStateInputs(options.inputs, options.solr) : undefined;
    if (stateInputs) {
      state = await RunStateWriter.create(options.outDir!, {
        shard: options.runState!.shard,
        inputs: stateInputs.inputs,
        settings: { formats: settings.formats.slice(), writerOptions: { ...writerOptions }, severities: options.severities as Record<string, string> | undefined },
      });
    }
    executor = createExecutor(settings, options.workers ?? 1, options.logger);
    const progress: RunProgress = { records: 0, bytesRead: 0, bytesTotal: undefined };
    const batches = orderedBatches({
      inputs: options.inputs,
      from: options.from,
      limits: settings.limits,
      signal: options.signal,
      executor,
      crossRecord: new CrossRecordChecks(),
      solr: options.solr,
      openAhead: options.openFiles,
      progress,
      fileShard: options.runState?.shard.kind === 'file-range' ? options.runState.shard : undefined,
    });
    for await (const batch of batches) {
      addSummary(summary, batch.summary);
      if (state && stateInputs) for (const { file, ...entry } of batch.state ?? []) await state.add({ ...entry, input: stateInputs.indexOf(file) });
      for (const log of batch.logs) options.logger?.[log.level](log.fields, log.message);
      if (rejects && batch.rejects) await rejects.write(batch.rejects);
      if (skipped && batch.skipped) await skipped.write(batch.skipped);
      for (const [index, output] of outputs.entries()) {
        if (batch.written[index] === 0) continue;
        const separator = output.recordsWritten > 0 ? (output.writer.recordSeparator ?? '') : '';
        output.recordsWritten += batch.written[index]!;
        await ensureStarted(output);
        const text = batch.texts[index]!;
        if (typeof text === 'string') await output.sink.write(separator + text);
        else {
          await output.sink.write(separator);
          await output.sink.write(text);
        }
      }
      options.onRecord?.(summary);
      progress.records = summary.read;
      options.onProgress?.(progress);
      if (options.signal?.aborted) break;
    }
    if (options.signal?.aborted) {
      summary.interrupted = true;
      await Promise.all(sinks.map((sink) => sink.discard()));
      await state?.discard();
      return sortedSummary(summary);
    }
    for (const output of outputs) {
      if (!output.started && output.writer.requiresRecords) {
        options.logger?.warn({ format: output.writer.name }, `${output.writer.name}: no record could be written, so no ${output.writer.fileName} was written`);
        await output.sink.discard();
        continue;
      }
      await ensureStarted(output);
      await output.sink.write(output.session.end());
      await output.sink.commit();
    }
    for (const sink of sinks) if (!outputs.some((output) => output.sink === sink)) await sink.commit();
    if (state) {
      await state.finish(sortedSummary(summary), []);
      await state.commit();
    }
  } catch (error) {
    await Promise.all(sinks.map((sink) => sink.discard()));
    await state?.discard();
    throw error;
  } finally {
    await executor?.close();
  }
  const result = sortedSummary(summary);
  if (options.outDir) await writeFile(join(options.outDir, 'summary.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/**
 * `mkdir -p` one level at a time: Node's recursive mkdir never settles for some paths
 * (under /proc, for one), which would hang a run instead of failing it.
 */
async function makeDirectory(path: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      if (!(await stat(current)).isDirectory()) throw new Error(`${current} is not a directory`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.unshift(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const directory of missing) await mkdir(directory);
}
