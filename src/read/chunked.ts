import type { RawRecord } from '../model/raw-record.js';
import type { LineChunk, OversizedLine } from './lines.js';
import type { ReadBatch, ReadContext, RecordChunk } from './types.js';

/** Records parsed on one thread are handed on in groups of about this many. */
const RECORDS_PER_BATCH = 64;

/**
 * Shifts the ordinals of records parsed from one chunk (numbered from 1 within the chunk)
 * by the records of the input's earlier chunks. Positions can be shared between a record
 * and its issues, so each position object is moved once.
 */
export function shiftOrdinals(records: readonly RawRecord[], before: number): void {
  if (before === 0) return;
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

/** `read` for a reader that splits: the batches of `split`, chunks parsed in order on this thread. */
export async function* readBySplitting(
  split: (input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number) => AsyncIterable<ReadBatch>,
  parseChunk: (chunk: RecordChunk, context: ReadContext) => RawRecord[],
  input: AsyncIterable<Uint8Array>,
  context: ReadContext,
): AsyncGenerator<RawRecord> {
  let before = 0;
  for await (const batch of split(input, context, 64 * 1024)) {
    if (batch.kind === 'records') {
      yield* batch.records;
      continue;
    }
    const records = parseChunk(batch.chunk, context);
    // XML chunks number their documents themselves (their splitter counts them).
    if (batch.chunk.kind !== 'xml') {
      shiftOrdinals(records, before);
      before += records.length;
    }
    yield* records;
  }
}

/** Records a reader parsed itself, as engine batches. */
export async function* recordBatches(records: AsyncIterable<RawRecord>): AsyncGenerator<ReadBatch> {
  let group: RawRecord[] = [];
  for await (const record of records) {
    group.push(record);
    if (group.length >= RECORDS_PER_BATCH) {
      yield { kind: 'records', records: group };
      group = [];
    }
  }
  if (group.length > 0) yield { kind: 'records', records: group };
}

/** A chunk a line-based reader cut (anything else reaching it is a bug). */
export function lineChunkOf(chunk: RecordChunk): LineChunk | OversizedLine {
  if (chunk.kind === 'xml') throw new Error('A line-based reader was given an XML chunk');
  return chunk;
}
