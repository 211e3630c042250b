import { stat } from 'node:fs/promises';
import type { Issue } from '../../model/issue.js';
import type { RawRecord } from '../../model/raw-record.js';
import type { BibRecord } from '../../model/record.js';
import { lineDelimitedHeaderBytes, peekSolrJsonHead } from '../../read/solr-json.js';
import { isSolrSource } from '../../read/solr-http.js';
import type { ReadLimits } from '../../read/types.js';
import type { CrossRecordChecks } from '../cross-record.js';
import { expandInputs, openInput, UsageError, type OpenedInput } from '../inputs.js';
import { readRecords, recordsOfOpenedInput, unreadableInput, type SolrReadOptions } from '../records.js';
import type { BatchExecutor } from './executor.js';
import type { BatchInput, BatchJob, BatchOutput } from './batch-job.js';
import { lineBatches } from './line-batches.js';
import type { Share } from '../../read/byte-ranges.js';
import { recordsAtFilePositions, shareOfInput } from '../file-shards.js';

export interface ScheduleOptions {
  inputs: readonly string[];
  from?: string | undefined;
  limits: ReadLimits;
  solr?: SolrReadOptions | undefined;
  signal?: AbortSignal | undefined;
  executor: BatchExecutor;
  crossRecord: CrossRecordChecks;
  /** Files opened (and their format detected) ahead of the one being read. */
  openAhead?: number | undefined;
  /** Updated as input is read, for progress bars. */
  progress?: ReadProgress | undefined;
  /** `--shard I/N` on files: read only share I of every input file (file-shards.ts). */
  fileShard?: Share | undefined;
}

/** How much of the run's input has been read (decompressed bytes). */
export interface ReadProgress {
  bytesRead: number;
  /** Sum of the input files' sizes; undefined when unknown (stdin, live sources, compressed files). */
  bytesTotal: number | undefined;
}

/** The bytes of an input, counted into `progress` as they are pulled. */
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

/**
 * About this many bytes of input per batch: large enough to amortize a hand-over to a
 * worker, small enough to bound memory. On one thread there is no hand-over, and smaller
 * batches keep less text alive at once.
 */
const BATCH_BYTES_INLINE = 64 * 1024;
const BATCH_BYTES_WORKERS = 256 * 1024;
/**
 * Records per batch for inputs read on the main thread. On one thread, records are better
 * processed while still young (they die in the young generation instead of being promoted).
 */
const BATCH_RECORDS_INLINE = 16;
const BATCH_RECORDS_WORKERS = 128;

interface InFlight {
  job: BatchJob;
  output: Promise<BatchOutput>;
  /** Which input (its index in the run) a line batch belongs to, and its guessed record count. */
  inputIndex: number;
  likelyRecords: number;
}

function handled(promise: Promise<BatchOutput>): Promise<BatchOutput> {
  // Awaited later in order; a failure before then must not count as unhandled.
  promise.catch(() => undefined);
  return promise;
}

/**
 * Every batch of the run, processed (possibly on several threads at once) and handed back
 * strictly in input order. Run-wide decisions are made here, on one thread, in input order:
 *
 * - record ordinals: a line batch is numbered from a guess (its lines that look like
 *   records); when the records before it turn out otherwise, it is run again;
 * - duplicate ids, DOIs and PMIDs: checked on the ids (and DOIs, PMIDs of converted records)
 *   a batch returns; a batch with a duplicate is run again with the duplicate issues, so the
 *   records are rejected (or warned about) in all outputs exactly as on one thread.
 *
 * At most `2 x parallelism` batches are in flight, which bounds memory whatever the input size.
 */
export async function* orderedBatches(options: ScheduleOptions): AsyncGenerator<BatchOutput> {
  const { executor, crossRecord } = options;
  const maxInFlight = Math.max(2, executor.parallelism * 2);
  const batchBytes = executor.parallelism > 1 ? BATCH_BYTES_WORKERS : BATCH_BYTES_INLINE;
  const recordsPerBatch = executor.parallelism > 1 ? BATCH_RECORDS_WORKERS : BATCH_RECORDS_INLINE;
  const inFlight: InFlight[] = [];
  // Per input: ordinals committed, and the correction learnt for later guesses.
  let committedInput = -1;
  let committedOrdinal = 0;
  const guessCorrection = new Map<number, number>();

  const submit = (job: BatchJob, inputIndex: number, likelyRecords: number): void => {
    inFlight.push({ job, output: handled(executor.run(job)), inputIndex, likelyRecords });
  };

  const commitHead = async (): Promise<BatchOutput> => {
    const head = inFlight.shift()!;
    let { job } = head;
    let output = await head.output;
    if (head.inputIndex !== committedInput) {
      committedInput = head.inputIndex;
      committedOrdinal = 0;
    }
    if (job.input.kind === 'lines') {
      if (job.input.ordinalBase !== committedOrdinal) {
        job = { ...job, input: { ...job.input, ordinalBase: committedOrdinal } };
        output = await executor.run(job);
      }
      const correction = output.ordinalsUsed - head.likelyRecords;
      if (correction !== 0) guessCorrection.set(head.inputIndex, (guessCorrection.get(head.inputIndex) ?? 0) + correction);
    }
    const duplicates: Array<[number, Issue[]]> = [];
    for (const { index, id, format, source } of output.ids) {
      const issues = crossRecord.check({ format, source, fields: { id }, issues: [] });
      if (issues.length > 0) duplicates.push([index, issues]);
    }
    if (duplicates.length > 0) {
      job = { ...job, extraIssues: duplicates };
      output = await executor.run(job);
    }
    const normalizedDuplicates: Array<[number, Issue[]]> = [];
    for (const { index, record } of output.converted) {
      // The projection holds every field checkNormalized reads for duplicates.
      const issues = crossRecord.checkNormalized(record as BibRecord);
      if (issues.length > 0) normalizedDuplicates.push([index, issues]);
    }
    if (normalizedDuplicates.length > 0) output = await executor.run({ ...job, normalizedIssues: normalizedDuplicates });
    committedOrdinal += output.ordinalsUsed;
    return output;
  };

  async function* submitAndCommit(job: BatchJob, inputIndex: number, likelyRecords = 0): AsyncGenerator<BatchOutput> {
    submit(job, inputIndex, likelyRecords);
    while (inFlight.length >= maxInFlight) yield await commitHead();
  }

  const files = await expandInputs(options.inputs);
  const progress = options.progress;
  if (progress) progress.bytesTotal = await totalSize(files);
  const opened = openAheadInOrder(files, options.from, Math.max(1, options.openAhead ?? 4));
  for (let index = 0; index < files.length; index++) {
    if (options.signal?.aborted) break;
    const file = files[index]!;
    const next = await opened.next();
    if (next.done) break;
    const opening = next.value;
    if (opening.kind === 'live') {
      yield* batchRecords(readRecords([file], { from: options.from, limits: options.limits, solr: options.solr }), index);
      continue;
    }
    if (opening.kind === 'failed') {
      if (opening.error instanceof UsageError) throw opening.error;
      yield* batchRecords([unreadableInput(file, 'read.malformed', `${file}: reading stopped after 0 records: ${opening.error.message}`)], index);
      continue;
    }
    const input = opening.input;
    // --shard I/N on files: this job reads only its byte range of the input (file-shards.ts).
    const share = options.fileShard ? await shareOfInput(input, file, options.fileShard) : undefined;
    if (share !== undefined && share.kind !== 'whole') {
      await input.bytes[Symbol.asyncIterator]().return?.();
      if (share.kind === 'nothing') continue;
      input.bytes = share.bytes;
    }
    if (progress) {
      if (input.compression !== 'none') progress.bytesTotal = undefined;
      input.bytes = counted(input.bytes, progress);
    }
    if (input.reader?.name === 'solr-json') {
      const ranged = share?.kind === 'range' && share.format === 'ndjson' ? share : undefined;
      const peeked = ranged ? { head: Buffer.alloc(0), stream: input.bytes } : await peekSolrJsonHead(input.bytes, options.limits.maxRecordBytes);
      const headerBytes = ranged ? ranged.headerBytes : lineDelimitedHeaderBytes(peeked.head);
      const lineDelta = ranged?.lineDelta ?? 0;
      const byteDelta = ranged?.byteDelta ?? 0;
      if (headerBytes !== undefined) {
        let guessed = 0;
        for await (const batch of lineBatches(peeked.stream, headerBytes, batchBytes)) {
          const ordinalBase = guessed + (guessCorrection.get(index) ?? 0);
          guessed += batch.likelyRecords;
          const lines: BatchInput = { kind: 'lines', file, bytes: batch.bytes, firstLine: batch.firstLine + lineDelta, firstByteOffset: batch.firstByteOffset + byteDelta, headerBytes: headerBytes + byteDelta, ordinalBase };
          yield* submitAndCommit({ input: lines }, index, batch.likelyRecords);
          if (options.signal?.aborted) break;
        }
        continue;
      }
      input.bytes = peeked.stream;
    }
    const records = recordsOfOpenedInput(input, file, options.limits);
    yield* batchRecords(share ? recordsAtFilePositions(records, file, share) : records, index);
  }
  while (inFlight.length > 0 && !options.signal?.aborted) yield await commitHead();

  /** Records read on this thread (streamed and non-JSON inputs), processed in batches. */
  async function* batchRecords(records: AsyncIterable<RawRecord> | Iterable<RawRecord>, inputIndex: number): AsyncGenerator<BatchOutput> {
    let batch: RawRecord[] = [];
    let bytes = 0;
    for await (const record of records) {
      batch.push(record);
      bytes += record.rawText?.length ?? 0;
      if (batch.length >= recordsPerBatch || bytes >= batchBytes) {
        yield* submitAndCommit({ input: { kind: 'records', records: batch } }, inputIndex);
        batch = [];
        bytes = 0;
        if (options.signal?.aborted) return;
      }
    }
    if (batch.length > 0) yield* submitAndCommit({ input: { kind: 'records', records: batch } }, inputIndex);
  }
}

type Opening = { kind: 'opened'; input: OpenedInput } | { kind: 'failed'; error: Error } | { kind: 'live' };

/**
 * Opens files (decompression and format detection included) up to `ahead` before the one
 * being read, handing them over in input order: a bounded number of files is open at once.
 */
async function* openAheadInOrder(files: readonly string[], from: string | undefined, ahead: number): AsyncGenerator<Opening> {
  const window: Array<Promise<Opening>> = [];
  let next = 0;
  const start = (): void => {
    const file = files[next++]!;
    window.push(
      isSolrSource(file)
        ? Promise.resolve({ kind: 'live' })
        : openInput(file, from).then(
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
