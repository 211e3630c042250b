import { stat } from 'node:fs/promises';
import type { RawRecord } from '../model/raw-record.js';
import { makeIssue } from '../model/rules.js';
import { UsageError } from '../errors.js';
import { isSolrSource } from '../sources/solr-http.js';
import type { ReadBatch, ReadLimits } from '../read/types.js';
import { CrossRecordChecks, type RecordFindings } from './cross-record.js';
import { emptyInputMessage, expandInputList, openInput, type ExpandedInput, type OpenedInput } from '../sources/inputs.js';
import { memoryInputBytes, type Input } from '../sources/memory.js';
import { readSolrPages, type SolrReadOptions } from '../sources/solr-pages.js';
import { readShardsInParallel, readsShardsInParallel } from '../sources/solr-parallel.js';
import type { BatchExecutor } from './workers/executor.js';
import type { BatchInput, Pass1Result, Pass2Result } from './workers/batch-work.js';
import type { Share } from '../sources/byte-ranges.js';
import { atFilePositions, shareOfInput, type InputShare } from '../sources/file-shards.js';
import { describeRead, RangeDigest } from '../sources/input-read.js';
import type { InputRead } from '../model/run-state.js';

/**
 * The one engine every command runs on (convert, validate, stats, the library):
 *
 *   sources -> batches -> pass 1 (parse, validate, normalize; on a worker) ->
 *   run-wide checks (main thread, input order) -> pass 2 (apply findings, serialize,
 *   collect; the same worker) -> the command's sink, in input order.
 *
 * A command differs only in what pass 2 collects and what its sink does with it.
 */

export interface EngineOptions {
  inputs: readonly Input[];
  from?: string | undefined;
  limits: ReadLimits;
  solr?: SolrReadOptions | undefined;
  signal?: AbortSignal | undefined;
  executor: BatchExecutor;
  checks: CrossRecordChecks;
  /** Files opened (decompressed, format detected) ahead of the one being read. */
  openAhead?: number | undefined;
  /** Updated as input is read, for progress bars. */
  progress?: ReadProgress | undefined;
  /** Paths never read as inputs (this run's output directory). */
  exclude?: readonly string[] | undefined;
  /** `--exclude GLOB`: files never read. */
  excludeGlobs?: readonly string[] | undefined;
  /** Told of each file found in a folder (or by a pattern) that is not a catalogue export: skipped, not read. */
  onNotAnExport?: ((file: string) => void) | undefined;
  /** Told of an input `--from` names another format than its content looks like, for the run's log. */
  onFormatMismatch?: ((message: string) => void) | undefined;
  /** Told of a file given more than once (it is read once), for the run's log. */
  onRepeatedInput?: ((file: string) => void) | undefined;
  /** Told of an input with nothing in it (0 bytes), for the run's log. */
  onEmptyInput?: ((message: string) => void) | undefined;
  /** `--shard I/N` on files: read only share I of every input file (sources/file-shards.ts). */
  fileShard?: Share | undefined;
  /** With fileShard: told what was read of each input file once it was read (its range and their hashes). */
  onInputRead?: ((file: string, read: InputRead) => void) | undefined;
}

/** How much of the run's input has been read (decompressed bytes). */
export interface ReadProgress {
  bytesRead: number;
  /** Sum of the input files' sizes; undefined when unknown (stdin, live sources, compressed files). */
  bytesTotal: number | undefined;
}

/** About this many bytes of input per batch: enough to amortize a hand-over, little enough to bound memory. */
const BATCH_BYTES_INLINE = 64 * 1024;
const BATCH_BYTES_WORKERS = 256 * 1024;

/** One record standing for an input (or the rest of one) that cannot be read. */
export function unreadableInput(file: string, code: 'read.unsupported-input' | 'read.malformed' | 'read.unreadable', message: string): RawRecord {
  const source = { file };
  return { format: 'unknown', source, fields: {}, issues: [makeIssue(code, { message, source })] };
}

async function* counted(bytes: AsyncIterable<Uint8Array>, progress: ReadProgress): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    progress.bytesRead += chunk.byteLength;
    yield chunk;
  }
}

async function totalSize(files: readonly string[]): Promise<number | undefined> {
  let total = 0;
  for (const file of files) {
    if (file === '-' || isSolrSource(file)) return undefined;
    try {
      total += (await stat(file)).size;
    } catch {
      return undefined;
    }
  }
  return total;
}

type Opening = { kind: 'opened'; input: OpenedInput } | { kind: 'failed'; error: Error } | { kind: 'live' } | { kind: 'unreadable'; reason: string };

/** Opens files up to `ahead` before the one being read, handing them over in input order. */
async function* openAheadInOrder(files: readonly ExpandedInput[], from: string | undefined, ahead: number, signal: AbortSignal | undefined): AsyncGenerator<Opening> {
  const window: Array<Promise<Opening>> = [];
  let next = 0;
  const start = (): void => {
    const { path: file, memory, unreadable } = files[next++]!;
    // Documents in memory are Solr JSON whatever --from says; text and streams are detected like files.
    const inMemory = memory === undefined ? undefined : memoryInputBytes(memory);
    window.push(
      unreadable !== undefined
        ? Promise.resolve({ kind: 'unreadable', reason: unreadable })
        : memory === undefined && isSolrSource(file)
        ? Promise.resolve({ kind: 'live' })
        : openInput(file, inMemory?.format ?? from, { signal, bytes: inMemory?.bytes }).then(
            (input): Opening => ({ kind: 'opened', input }),
            (error: unknown): Opening => ({ kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
          ),
    );
  };
  while (next < files.length && window.length < ahead) start();
  while (window.length > 0) {
    const opening = await window.shift()!;
    if (next < files.length) start();
    yield opening;
  }
}

/** An input's batches; a failure of the input midway becomes a rejected record after what was read. */
async function* batchesOfInput(input: OpenedInput, file: string, limits: ReadLimits, batchBytes: number, lines?: { headerBytes: number }): AsyncGenerator<ReadBatch> {
  const reader = input.reader;
  if (!reader) {
    yield { kind: 'records', records: [unreadableInput(file, 'read.unsupported-input', `${file}: not a format bibpipe reads (expected a VuFind Staff View scrape, Solr JSON, Solr XML or Solr CSV); use --from to force one`)] };
    return;
  }
  const context = { file, limits, lines };
  const read = { bytes: 0 };
  async function* countedBytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input.bytes) {
      read.bytes += chunk.byteLength;
      yield chunk;
    }
  }
  try {
    const bytes = countedBytes();
    for await (const batch of reader.split(bytes, context, batchBytes)) yield batch;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // Readers return data problems as issues; what still escapes is an I/O or decompression
    // failure. The whole records before it were handed on; this one stands for the rest.
    const record = unreadableInput(file, 'read.malformed', `${file}: reading stopped after ${read.bytes} bytes: ${(error as Error).message}`);
    record.source.byteOffset = read.bytes;
    yield { kind: 'records', records: [record] };
  }
}

/** Every batch of the run, in input order, each with the input it belongs to. */
async function* runBatches(options: EngineOptions, batchBytes: number): AsyncGenerator<{ input: number; batch: BatchInput; commit?: (() => Promise<void>) | undefined; placed?: boolean }> {
  const expanded = await expandInputList(options.inputs, { excludeDirectories: options.exclude, excludeGlobs: options.excludeGlobs, onRepeated: options.onRepeatedInput });
  const files = expanded.map((input) => input.path);
  const progress = options.progress;
  if (progress) progress.bytesTotal = expanded.some((input) => input.memory !== undefined) ? undefined : await totalSize(files);
  const opened = openAheadInOrder(expanded, options.from, Math.max(1, options.openAhead ?? 4), options.signal);
  for (let index = 0; index < files.length; index++) {
    if (options.signal?.aborted) return;
    const file = files[index]!;
    const next = await opened.next();
    if (next.done) return;
    const opening = next.value;
    if (opening.kind === 'live') {
      // A live source is read only when it is due, a page per batch; a page's cursor is saved once it is delivered.
      const solr = { ...options.solr, signal: options.signal ?? options.solr?.signal };
      const pages = readsShardsInParallel(solr) ? readShardsInParallel(file, solr, options.limits) : readSolrPages(file, solr, options.limits);
      for await (const page of pages) {
        if (page.records.length > 0 || page.commit) yield { input: index, batch: { kind: 'records', records: page.records }, commit: page.commit, placed: true };
        if (options.signal?.aborted) return;
      }
      continue;
    }
    if (opening.kind === 'unreadable') {
      // A folder the walk could not list: one rejected input naming it, and the run goes on.
      yield { input: index, batch: { kind: 'records', records: [unreadableInput(file, 'read.unreadable', opening.reason)] } };
      continue;
    }
    if (opening.kind === 'failed') {
      if (opening.error instanceof UsageError) throw opening.error;
      yield { input: index, batch: { kind: 'records', records: [unreadableInput(file, 'read.malformed', `${file}: reading stopped after 0 records: ${opening.error.message}`)] } };
      continue;
    }
    const input = opening.input;
    // notes.txt or photo.jpg beside the exports: not records to reject, a file to leave out.
    if (!expanded[index]!.named && !input.looksLikeExport) {
      await input.bytes[Symbol.asyncIterator]().return?.();
      options.onNotAnExport?.(file);
      continue;
    }
    if (input.empty) options.onEmptyInput?.(emptyInputMessage(file));
    if (input.detectedOtherFormat !== undefined) {
      options.onFormatMismatch?.(`${file}: read as ${input.reader!.name} (--from), but the content looks like ${input.detectedOtherFormat}: try --from ${input.detectedOtherFormat}, or leave --from out to detect it`);
    }
    const share = options.fileShard ? await takeShare(input, file, options.fileShard) : undefined;
    if (share?.kind === 'nothing') {
      await share.finished(options.onInputRead);
      continue;
    }
    if (progress) {
      if (input.compression !== 'none') progress.bytesTotal = undefined;
      input.bytes = counted(input.bytes, progress);
    }
    // A share of a line-delimited file is read as lines, as the whole file is.
    const lines = share?.kind === 'range' && share.start.kind === 'line' ? { headerBytes: share.headerBytes } : undefined;
    for await (const read of batchesOfInput(input, file, options.limits, batchBytes, lines)) {
      const batch = share ? atFilePositions(read, file, share) : read;
      yield { input: index, batch: batch.kind === 'chunk' ? { kind: 'chunk', reader: input.reader!.name, file, chunk: batch.chunk } : batch };
      if (options.signal?.aborted) return;
    }
    await share?.finished(options.onInputRead);
  }
}

/**
 * The share of one input this shard run reads, in place of the input's bytes, which are
 * hashed as the reader takes them; `finished` then tells what was read (InputRead).
 */
async function takeShare(input: OpenedInput, file: string, fileShard: Share): Promise<InputShare & { finished(onInputRead: EngineOptions['onInputRead']): Promise<void> }> {
  const share = await shareOfInput(input, file, fileShard);
  let digest: RangeDigest | undefined;
  if (share.kind === 'whole') {
    // Read whole: the bytes are the file's unless they are decompressed on the way.
    if (input.compression === 'none') input.bytes = (digest = new RangeDigest()).through(input.bytes);
  } else {
    await input.bytes[Symbol.asyncIterator]().return?.();
    if (share.kind === 'range') {
      input.bytes = share.bytes;
      digest = share.digest;
    }
  }
  const range = share.kind === 'whole' ? { start: 0, end: share.size } : share.range;
  const finished = async (onInputRead: EngineOptions['onInputRead']): Promise<void> => {
    if (onInputRead !== undefined && file !== '-') onInputRead(file, await describeRead(file, range, share.size, digest?.digest()));
  };
  return { ...share, finished };
}

interface InFlight {
  id: number;
  input: number;
  /** A live source's page: its records carry the source's own ordinals (they resume with its cursor). */
  placed: boolean;
  first: Promise<Pass1Result>;
  second?: Promise<Pass2Result>;
  /** Run once the batch's results were taken (a live source saves its cursor). */
  commit?: (() => Promise<void>) | undefined;
}

function handled<T>(promise: Promise<T>): Promise<T> {
  // Awaited later, in order; a failure before then must not count as unhandled.
  promise.catch(() => undefined);
  return promise;
}

/**
 * Runs every batch through both passes and yields the pass-2 results strictly in input
 * order. At most `2 x workers` batches are held at once, which bounds memory whatever
 * the input size; no batch is ever run twice.
 */
export async function* runEngine(options: EngineOptions): AsyncGenerator<Pass2Result> {
  const { executor, checks } = options;
  // On one thread a batch goes through both passes before the next is read: its records die
  // young instead of being promoted while another batch is parsed. Workers get two each.
  const maxHeld = executor.parallelism === 1 ? 1 : executor.parallelism * 2;
  const batchBytes = executor.parallelism > 1 ? BATCH_BYTES_WORKERS : BATCH_BYTES_INLINE;
  const checking: InFlight[] = [];
  const finishing: InFlight[] = [];
  let nextId = 0;
  let currentInput = -1;
  let ordinalsBefore = 0;

  /** Run-wide checks on the oldest batch's keys, then its pass 2 is started. */
  const check = async (): Promise<void> => {
    const head = checking.shift()!;
    const { keys } = await head.first;
    if (head.input !== currentInput) {
      currentInput = head.input;
      ordinalsBefore = 0;
    }
    // A reader's batch numbers its records from 1 (the reader contract, read/types.ts): the engine places them in the input.
    const ordinalBase = head.placed ? 0 : ordinalsBefore;
    const findings: RecordFindings[] = [];
    keys.forEach((key, index) => {
      if (ordinalBase > 0 && key.source.ordinal !== undefined) key.source = { ...key.source, ordinal: key.source.ordinal + ordinalBase };
      const found = checks.check(key);
      if (found) findings.push({ index, ...found });
    });
    if (!head.placed) ordinalsBefore += keys.length;
    head.second = handled(executor.secondPass(head.id, { ordinalBase, findings }));
    finishing.push(head);
  };

  /** The oldest batch's results; it counts as delivered when the consumer asks for more. */
  async function* deliver(): AsyncGenerator<Pass2Result> {
    const head = finishing.shift()!;
    yield await head.second!;
    if (!options.signal?.aborted) await head.commit?.();
  }

  for await (const { input, batch, commit, placed } of runBatches(options, batchBytes)) {
    const id = nextId++;
    checking.push({ id, input, placed: placed === true, first: handled(executor.firstPass(id, batch)), commit });
    while (checking.length + finishing.length >= maxHeld) {
      if (finishing.length > 0 && (checking.length === 0 || finishing.length >= executor.parallelism)) yield* deliver();
      else await check();
    }
    if (options.signal?.aborted) break;
  }
  while (checking.length > 0 && !options.signal?.aborted) await check();
  while (finishing.length > 0 && !options.signal?.aborted) yield* deliver();
}
