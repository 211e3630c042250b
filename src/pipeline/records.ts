import PQueue from 'p-queue';
import type { RawRecord } from '../model/raw-record.js';
import { isSolrSource } from '../read/solr-http.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/types.js';
import { makeIssue } from '../model/rules.js';
import { expandInputs, openInput, UsageError, type OpenedInput } from './inputs.js';
import { readSolrInput, type SolrReadOptions } from './sources.js';

export type { SolrReadOptions } from './sources.js';

export interface ReadOptions {
  /** Reader name, or `auto` (default) to detect each input's format from its content. */
  from?: string | undefined;
  limits?: Partial<ReadLimits> | undefined;
  /** How `solr+http(s)://` inputs are queried, paged, sharded and resumed. */
  solr?: SolrReadOptions | undefined;
  /**
   * Most input files open at once (default 4): files after the current one are opened,
   * decompressed and parsed ahead into small buffers. Records still come out in input order.
   */
  openFiles?: number | undefined;
}

/** Records parsed ahead per file beyond the current one. */
const READ_AHEAD_RECORDS = 64;

/** One rejected record standing for an input (or the rest of one) that cannot be read. */
export function unreadableInput(file: string, code: 'read.unsupported-input' | 'read.malformed', message: string): RawRecord {
  const source = { file };
  return { format: 'unknown', source, fields: {}, issues: [makeIssue(code, { message, source })] };
}

/**
 * Every raw record of every input, in input order (directories in name order, glob
 * matches in path order), whatever order the files finish reading in. An input that
 * cannot be read at all becomes one rejected record naming the file, so a run's
 * `read = converted + rejected` accounts for it.
 */
export async function* readRecords(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<RawRecord> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const files = await expandInputs(inputs);
  const queue = new PQueue({ concurrency: Math.max(1, options.openFiles ?? 4) });
  const channels = new Map<number, RecordChannel>();
  let cancelled = false;
  // Files are queued in input order, so the file being consumed has always started: a
  // full read-ahead buffer can never hold up the file that is due.
  files.forEach((file, index) => {
    if (isSolrSource(file)) return;
    const channel = new RecordChannel(READ_AHEAD_RECORDS);
    channels.set(index, channel);
    void queue.add(async () => {
      if (!cancelled) await pumpFile(file, options.from, limits, channel);
    });
  });
  try {
    for (const [index, file] of files.entries()) {
      const channel = channels.get(index);
      // A live source is read only when it is due: its cursor checkpoints must count the
      // records that were taken, not those parsed ahead.
      if (channel === undefined) yield* readSolrInput(file, options.solr ?? {}, limits);
      else yield* channel.drain();
    }
  } finally {
    cancelled = true;
    queue.clear();
    for (const channel of channels.values()) channel.cancel();
  }
}

/**
 * The records of an opened input as its reader yields them. An input no reader fits, or
 * one whose reading fails midway, becomes a rejected record; usage errors pass through.
 */
export async function* recordsOfOpenedInput(input: OpenedInput, file: string, limits: ReadLimits): AsyncGenerator<RawRecord> {
  if (!input.reader) {
    yield unreadableInput(file, 'read.unsupported-input', `${file}: not a format bibpipe reads (expected a VuFind Staff View scrape, Solr JSON, Solr XML or Solr CSV); use --from to force one`);
    return;
  }
  let count = 0;
  let failure: Error | undefined;
  try {
    for await (const record of input.reader.read(input.bytes, { file, limits })) {
      count++;
      yield record;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    failure = error instanceof Error ? error : new Error(String(error));
  }
  // Readers return data problems as issues; what still escapes is an I/O or decompression failure.
  if (failure) yield unreadableInput(file, 'read.malformed', `${file}: reading stopped after ${count} records: ${failure.message}`);
}

/** Reads one file into its channel; failures of the file become records, usage errors pass through. */
async function pumpFile(file: string, from: string | undefined, limits: ReadLimits, channel: RecordChannel): Promise<void> {
  try {
    const input = await openInput(file, from);
    for await (const record of recordsOfOpenedInput(input, file, limits)) {
      if (!(await channel.push(record))) return;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      channel.fail(error);
      return;
    }
    await channel.push(unreadableInput(file, 'read.malformed', `${file}: reading stopped after 0 records: ${(error as Error).message}`));
  } finally {
    channel.close();
  }
}

/**
 * A bounded hand-over of one file's records from its reader to the consumer. `push`
 * waits while the buffer is full and answers false once the consumer has gone.
 */
class RecordChannel {
  private readonly buffer: RawRecord[] = [];
  private closed = false;
  private cancelled = false;
  private error: Error | undefined;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  async push(record: RawRecord): Promise<boolean> {
    while (this.buffer.length >= this.capacity && !this.cancelled) {
      await new Promise<void>((resolve) => {
        this.wakeProducer = resolve;
      });
    }
    if (this.cancelled) return false;
    this.buffer.push(record);
    this.wake('consumer');
    return true;
  }

  close(): void {
    this.closed = true;
    this.wake('consumer');
  }

  fail(error: Error): void {
    this.error = error;
    this.close();
  }

  cancel(): void {
    this.cancelled = true;
    this.buffer.length = 0;
    this.wake('producer');
  }

  async *drain(): AsyncGenerator<RawRecord> {
    for (;;) {
      if (this.buffer.length > 0) {
        const record = this.buffer.shift()!;
        this.wake('producer');
        yield record;
        continue;
      }
      if (this.error !== undefined) throw this.error;
      if (this.closed) return;
      await new Promise<void>((resolve) => {
        this.wakeConsumer = resolve;
      });
    }
  }

  private wake(side: 'consumer' | 'producer'): void {
    const wake = side === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (side === 'consumer') this.wakeConsumer = undefined;
    else this.wakeProducer = undefined;
    wake?.();
  }
}
