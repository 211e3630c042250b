import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { findWriter, writerOptionsOf, writers, type OutputFormat } from '../write/index.js';
import type { RecordWriter, WriterOptions, WriterSession } from '../write/types.js';
import { refuseOutputsThatAreInputs, type PlannedOutput } from '../sources/output-overlap.js';
import type { Input } from '../sources/memory.js';
import { runCommand, type RunOptions } from './run.js';
import { MANIFEST_NAME, OutputSet } from './output-set.js';
import { AtomicFileSink, StreamSink, writeFileAtomically, type Sink } from './sinks.js';
import { HeldCursor, recordsBeforeCursor } from '../sources/solr-pages.js';
import { isSolrSource } from '../sources/solr-http.js';
import type { RunSummary } from './summary.js';
import type { ShardDescription } from '../model/run-state.js';
import { RUN_STATE_BIN, RUN_STATE_JSON } from '../model/run-state-files.js';
import type { RunStateWriter } from './run-state/codec.js';
import { runStateInputs, type RunStateInputs } from './run-state/inputs.js';
import type { Pass2Result } from './workers/batch-work.js';
import { DEFAULT_READ_LIMITS } from '../read/types.js';
import { makeDirectory } from '../atomic-file.js';

export interface ConvertOptions extends RunOptions {
  /** Output formats (writer names): `medline`, `jsonld`, `csv`, `ndjson`, `nbib`. */
  /** Output formats (`--to`): a typo is a type error. */
  to: readonly OutputFormat[];
  /** Directory for the output files, rejects.ndjson and summary.json. */
  outDir?: string | undefined;
  /** Without outDir: where the one output format goes (default: process.stdout). */
  output?: Writable | undefined;
  /** Without outDir: a file for rejected records (NDJSON). */
  rejectsPath?: string | undefined;
  writerOptions?: WriterOptions | undefined;
  /**
   * A shard run (`--shard`, `--solr-shard`): read only this share (file inputs: a byte range
   * of each file), and write run-state.json/.bin beside the outputs for `bibpipe merge`.
   */
  runState?: { shard: ShardDescription } | undefined;
}

/**
 * Text of one output gathered into large writes: a write per batch would cost a system
 * call (and a stream round trip) per few kilobytes. Text is encoded as it comes, so the
 * strings die young instead of waiting in the heap for the write.
 */
class WriteBuffer {
  private pieces: Uint8Array[] = [];
  private bytes = 0;
  constructor(private readonly sink: Sink, private readonly limit = 1 << 18) {}

  async add(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return;
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    this.pieces.push(bytes);
    this.bytes += bytes.byteLength;
    if (this.bytes >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pieces.length === 0) return;
    const pieces = this.pieces;
    this.pieces = [];
    this.bytes = 0;
    await this.sink.write(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces));
  }
}

interface Output {
  writer: RecordWriter;
  session: WriterSession;
  sink: Sink;
  buffer: WriteBuffer;
  /** The document's start is written with its first record (see RecordWriter.requiresRecords). */
  started: boolean;
  recordsWritten: number;
}

async function ensureStarted(output: Output): Promise<void> {
  if (output.started) return;
  output.started = true;
  await output.buffer.add(output.session.start());
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
 * Every file a convert may write or remove: in an out-dir, the name of every output format
 * (a file of an earlier run that this one does not write is removed), rejects, skipped,
 * summary, run state, cursor and manifest; without one, the rejects file.
 */
function plannedOutputs(options: ConvertOptions): PlannedOutput[] {
  if (!options.outDir) return options.rejectsPath ? [{ path: options.rejectsPath, what: 'The rejects file (--rejects)' }] : [];
  const names = [...writers.map((writer) => writer.fileName), 'rejects.ndjson', 'skipped.ndjson', 'summary.json', RUN_STATE_BIN, RUN_STATE_JSON, 'solr-cursor.json', MANIFEST_NAME];
  return names.map((name) => ({ path: join(options.outDir!, name), what: `The output ${name} of --out-dir` }));
}

/** A shard run names its inputs in its run state for merge to find again: paths only. */
function pathInputs(inputs: readonly Input[]): string[] {
  return inputs.map((input) => {
    if (typeof input !== 'string') throw new UsageError('A shard run reads files or live indexes; inputs in memory cannot be sharded');
    return input;
  });
}

/** Where a convert writes: one output per format, rejects and skipped lines, every sink to commit or discard. */
interface ConvertTarget {
  outputs: Output[];
  sinks: Sink[];
  rejects?: Sink | undefined;
  skipped?: Sink | undefined;
}

/** A shard run's state as it is written, and the run's inputs as it names them. */
interface ShardState {
  writer: RunStateWriter;
  inputs: RunStateInputs;
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
  const writerOptions = writerOptionsOf(chosen, options.writerOptions ?? {});
  // An output that is an input would replace the records being read; a missing input (or a
  // pattern matching nothing) is a usage error too. Both are found before the output
  // directory is made, so that a mistyped command leaves nothing behind.
  await refuseOutputsThatAreInputs(options.inputs, plannedOutputs(options), { excludeDirectories: options.outDir ? [options.outDir] : [] });
  if (options.outDir) await makeOutDir(options.outDir);
  const shard = options.runState?.shard;
  const cursor = await heldCursorOf(options);
  // With an output directory the run's files (summary.json included) are one set, committed
  // together or not at all; files of an earlier run that this one does not write are removed.
  // A shard run's state files are members too.
  const set = options.outDir
    ? await OutputSet.open(options.outDir, [...chosen.map((writer) => writer.fileName), 'rejects.ndjson', 'skipped.ndjson', 'summary.json', ...(shard ? [RUN_STATE_BIN, RUN_STATE_JSON] : []), ...(cursor?.member ? [cursor.member] : [])])
    : undefined;
  const target: ConvertTarget = { outputs: [], sinks: [] };
  try {
    await openTarget(target, chosen, writerOptions, set, options);
    const state = shard && set ? await openShardState(set, shard, chosen, writerOptions, options) : undefined;
    const solr = cursor ? { ...options.solr, heldCursor: cursor.held } : options.solr;
    const { summary, fillCounts } = await runCommand({ ...options, solr }, {
      formats: chosen.map((writer) => writer.name),
      writerOptions,
      collect: {
        rejects: target.rejects !== undefined,
        skipped: target.skipped !== undefined,
        logRejected: options.logger?.isLevelEnabled('warn') ?? false,
        logSkipped: options.logger?.isLevelEnabled('debug') ?? false,
        state: state !== undefined,
      },
      exclude: options.outDir ? [options.outDir] : [],
      fileShard: shard?.kind === 'file-range' ? shard : undefined,
      onInputRead: state ? (file, read) => state.inputs.recordRead(file, read) : undefined,
    }, (batch) => writeBatch(target, state, batch));
    // Every chosen format is named in the summary, also with no record written.
    for (const writer of chosen) summary.written[writer.name] ??= 0;
    summary.written = Object.fromEntries(Object.entries(summary.written).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (summary.interrupted) {
      await discardAll(set, target.sinks);
      return summary;
    }
    await commitOutputs(target, options.logger);
    if (state) {
      const rules = options.fillRates ?? [];
      await state.writer.finish(summary, rules.map((rule, index) => ({ field: rule.field, type: rule.type, minimum: rule.minimum, ...fillCounts[index]! })));
    }
    if (set) await commitSet(set, summary, cursor);
    return summary;
  } catch (error) {
    await discardAll(set, target.sinks);
    throw error;
  }
}

/**
 * A missing input (or a pattern matching nothing) is a usage error: found before the output
 * directory is made, so that a mistyped command leaves nothing behind.
 */
async function makeOutDir(outDir: string): Promise<void> {
  try {
    await makeDirectory(outDir);
  } catch (error) {
    throw new UsageError(`Cannot create output directory ${outDir}: ${(error as Error).message}`);
  }
}

/** An output per format (files of the set, or the stream), rejects and skipped; fails before any record is read when one cannot be created. */
async function openTarget(target: ConvertTarget, chosen: readonly RecordWriter[], writerOptions: WriterOptions, set: OutputSet | undefined, options: ConvertOptions): Promise<void> {
  for (const writer of chosen) {
    const session = writer.open(writerOptions);
    const sink = set ? set.file(writer.fileName) : new StreamSink(options.output ?? process.stdout);
    target.sinks.push(sink);
    target.outputs.push({ writer, session, sink, buffer: new WriteBuffer(sink), started: false, recordsWritten: 0 });
  }
  if (set) {
    target.sinks.push((target.rejects = set.file('rejects.ndjson')), (target.skipped = set.file('skipped.ndjson')));
  } else if (options.rejectsPath) {
    target.sinks.push((target.rejects = new AtomicFileSink(options.rejectsPath)));
  }
  await Promise.all(target.sinks.map((sink) => sink.opened?.()));
}

/** A shard run's state files, members of the output set, with what decides the bytes of every output. */
async function openShardState(set: OutputSet, shard: ShardDescription, chosen: readonly RecordWriter[], writerOptions: WriterOptions, options: ConvertOptions): Promise<ShardState> {
  const inputs = await runStateInputs(pathInputs(options.inputs), options.solr);
  // The run-state codec (and zod with it) is loaded by shard runs only.
  const { RunStateWriter } = await import('./run-state/codec.js');
  const writer = RunStateWriter.toSinks(set.file(RUN_STATE_BIN), set.file(RUN_STATE_JSON), {
    shard,
    cwd: process.cwd(),
    inputs: inputs.inputs,
    settings: {
      formats: chosen.map((chosenWriter) => chosenWriter.name),
      writerOptions: { ...writerOptions },
      severities: options.severities as Record<string, string> | undefined,
      from: options.from,
      profile: options.profile,
      limits: { ...DEFAULT_READ_LIMITS, ...options.limits },
      ignore: options.ignore ? [...options.ignore] : undefined,
    },
  });
  return { writer, inputs };
}

/** One batch's results to the outputs, in input order (and its records to the run state). */
async function writeBatch(target: ConvertTarget, state: ShardState | undefined, batch: Pass2Result): Promise<void> {
  if (state) for (const { file, ...entry } of batch.state ?? []) await state.writer.add({ ...entry, input: state.inputs.indexOf(file) });
  if (target.rejects && batch.rejects) await target.rejects.write(batch.rejects);
  if (target.skipped && batch.skipped) await target.skipped.write(batch.skipped);
  for (const [index, output] of target.outputs.entries()) {
    if (batch.written[index] === 0) continue;
    const separator = output.recordsWritten > 0 ? (output.writer.recordSeparator ?? '') : '';
    output.recordsWritten += batch.written[index]!;
    await ensureStarted(output);
    await output.buffer.add(separator);
    await output.buffer.add(batch.texts[index]!);
  }
}

/** Every output ended and committed (a format that needs records and got none is not written), then rejects and skipped. */
async function commitOutputs(target: ConvertTarget, logger: ConvertOptions['logger']): Promise<void> {
  for (const output of target.outputs) {
    if (!output.started && output.writer.requiresRecords) {
      logger?.warn({ format: output.writer.name }, `${output.writer.name}: no record could be written, so no ${output.writer.fileName} was written`);
      await output.sink.discard();
      continue;
    }
    await ensureStarted(output);
    await output.buffer.add(output.session.end());
    await output.buffer.flush();
    await output.sink.commit();
  }
  for (const sink of target.sinks) if (!target.outputs.some((output) => output.sink === sink)) await sink.commit();
}

/** summary.json and the held cursor join the set, which then takes its names all together. */
async function commitSet(set: OutputSet, summary: RunSummary, cursor: Awaited<ReturnType<typeof heldCursorOf>>): Promise<void> {
  const summaryFile = set.file('summary.json');
  await summaryFile.write(`${JSON.stringify(summary, null, 2)}\n`);
  await summaryFile.commit();
  // The cursor goes with the outputs: never past a record they do not hold.
  const cursorText = await cursor?.held.content();
  if (cursor?.member !== undefined) await set.file(cursor.member).write(cursorText!);
  await set.commitAll();
  if (cursor !== undefined && cursor.member === undefined) await writeFileAtomically(cursor.held.path, cursorText!);
}

/**
 * A live read into an out-dir holds its cursor until the outputs are committed (sources/
 * solr-pages.ts, HeldCursor); the cursor file is a member of the output set when it is in
 * the out-dir. `--resume` into the out-dir whose outputs hold the records before the saved
 * cursor is refused: the resumed run writes only the records after it and would replace them.
 */
async function heldCursorOf(options: ConvertOptions): Promise<{ held: HeldCursor; member: string | undefined } | undefined> {
  const solr = options.solr;
  const paths = options.inputs.filter((input): input is string => typeof input === 'string');
  if (!options.outDir || solr?.cursorFile === undefined || !paths.some(isSolrSource)) return undefined;
  const inOutDir = resolve(dirname(solr.cursorFile)) === resolve(options.outDir);
  if (solr.resume && inOutDir) {
    const before = await recordsBeforeCursor(paths, solr);
    if (before > 0) {
      throw new UsageError(
        `--resume: ${options.outDir} holds the ${before} records read before its saved cursor; a resumed run writes only the records after the cursor and would replace them. ` +
          `Resume into a new folder and keep this one (--resume ${solr.cursorFile} --out-dir NEW_DIR: the two folders together hold every record), or read again from the start without --resume`,
      );
    }
  }
  return { held: new HeldCursor(solr.cursorFile), member: inOutDir ? basename(solr.cursorFile) : undefined };
}

async function discardAll(set: OutputSet | undefined, sinks: readonly Sink[]): Promise<void> {
  if (set) await set.discardAll();
  else await Promise.all(sinks.map((sink) => sink.discard()));
}
