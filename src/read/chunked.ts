import type { RawRecord } from '../model/raw-record.js';
import type { LineChunk, OversizedLine } from './lines.js';
import type { ReadBatch, ReadContext, RecordChunk, RecordReader } from './types.js';

/** Records parsed on one thread are handed on in groups of about this many. */
const RECORDS_PER_BATCH = 64;

/**
 * Shifts the ordinals of records parsed from one chunk (numbered from 1 within the chunk)
 * by the records of the input's earlier chunks. Positions can be shared between a record
 * and its issues, so each position object is moved once.
 */
export function shiftOrdinals(records: readonly RawRecord[], before: number): void {
  if (before === 0 || records.length === 0) return;
  const moved = new Set<object>();
  const move = (source: { ordinal?: number | undefined } | undefined): void => {
    if (source === undefined || source.ordinal === undefined || moved.has(source)) return;
    moved.add(source);
    source.ordinal += before;
  };
  for (const record of records) {
    move(record.source);
    for (const issue of record.issues) move(issue.source);
  }
}

/**
 * Every record of one input, read on this thread: the reader's batches, chunks parsed in
 * order, numbered as the engine numbers them (each batch from 1, plus the records of the
 * input's earlier batches). What `--workers 1` reads, without the engine.
 */
export async function* readRecords(reader: RecordReader, input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes = 64 * 1024): AsyncGenerator<RawRecord> {
  let before = 0;
  for await (const batch of reader.split(input, context, targetBytes)) {
    const records = batch.kind === 'records' ? batch.records : reader.parseChunk(batch.chunk, context);
    shiftOrdinals(records, before);
    before += records.length;
    yield* records;
  }
}

/**
 * Records a reader parsed itself (numbered over the whole input), as engine batches: each
 * batch numbered from 1, as the contract wants.
 */
export async function* recordBatches(records: AsyncIterable<RawRecord>): AsyncGenerator<ReadBatch> {
  let group: RawRecord[] = [];
  let before = 0;
  for await (const record of records) {
    group.push(record);
    if (group.length >= RECORDS_PER_BATCH) {
      shiftOrdinals(group, -before);
      before += group.length;
      yield { kind: 'records', records: group };
      group = [];
    }
  }
  if (group.length > 0) {
    shiftOrdinals(group, -before);
    yield { kind: 'records', records: group };
  }
}

/** A chunk a line-based reader cut (anything else reaching it is a bug). */
export function lineChunkOf(chunk: RecordChunk): LineChunk | OversizedLine {
  if (chunk.kind !== 'lines' && chunk.kind !== 'oversized') throw new Error(`A line-based reader was given a chunk of kind ${chunk.kind}`);
  return chunk;
}
