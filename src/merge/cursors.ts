import { join } from 'node:path';
import type { RunStateRecord } from '../model/run-state.js';
import { RunStateReader } from '../pipeline/run-state/codec.js';
import type { RecordWriter } from '../write/types.js';
import { BlockReader } from './byte-streams.js';
import type { Shard } from './shard-set.js';

/** One shard as merge walks it: its run state's next entry and its files, read front to back. */
export interface Cursor {
  shard: Shard;
  reader: RunStateReader;
  head: RunStateRecord | undefined;
  outputs: BlockReader[];
  rejects: BlockReader;
  skipped: BlockReader;
  /** Per format: records of this shard's file already taken (the separator goes before all but the first). */
  taken: number[];
  /** Per input: the shard's last ordinal, to tell a whole shard from a resumed part of one. */
  lastOrdinal: number[];
}

/** The shard's run state and files opened at their first record; each output file must start as its format does. */
export function openCursor(shard: Shard, writers: readonly RecordWriter[], starts: readonly Buffer[]): Cursor {
  const reader = new RunStateReader(shard.directory, shard.state);
  const cursor: Cursor = {
    shard,
    reader,
    head: undefined,
    outputs: writers.map((writer) => new BlockReader(join(shard.directory, writer.fileName))),
    rejects: new BlockReader(join(shard.directory, 'rejects.ndjson')),
    skipped: new BlockReader(join(shard.directory, 'skipped.ndjson')),
    taken: writers.map(() => 0),
    lastOrdinal: shard.state.inputs.map(() => 0),
  };
  try {
    cursor.head = reader.next();
    cursor.outputs.forEach((output, at) => {
      if (output.exists) expectBytes(output, starts[at]!, 'start');
    });
  } catch (error) {
    closeCursor(cursor);
    throw error;
  }
  return cursor;
}

export function advance(cursor: Cursor): void {
  cursor.head = cursor.reader.next();
}

export function closeCursor(cursor: Cursor): void {
  cursor.reader.close();
  for (const reader of [...cursor.outputs, cursor.rejects, cursor.skipped]) reader.close();
}

/** After its last record every file of the shard must end where its run state says: a document's end, nothing more. */
export function expectShardEnds(cursor: Cursor, ends: readonly Buffer[]): void {
  cursor.outputs.forEach((reader, at) => {
    if (reader.exists) expectEnd(reader, ends[at]!);
  });
  expectEnd(cursor.rejects, Buffer.alloc(0));
  expectEnd(cursor.skipped, Buffer.alloc(0));
}

const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The merged run's records in the single run's order: per input, file ranges one shard
 * after the other, live Solr shards as a k-way merge on the id (each shard came sorted by
 * id in Solr's byte order, which is checked as it goes).
 */
export function* mergedOrder(cursors: readonly Cursor[], inputs: Shard['state']['inputs']): Generator<Cursor> {
  for (let input = 0; input < inputs.length; input++) {
    if (inputs[input]!.kind !== 'solr') {
      for (const cursor of cursors) while (cursor.head?.input === input) yield cursor;
      continue;
    }
    yield* byId(cursors, input);
  }
  for (const cursor of cursors) {
    if (cursor.head !== undefined) throw new Error(`${cursor.shard.directory}: run-state.bin names input ${cursor.head.input}, out of order or unknown`);
  }
}

function* byId(cursors: readonly Cursor[], input: number): Generator<Cursor> {
  let last: string | undefined;
  for (;;) {
    let best: Cursor | undefined;
    for (const cursor of cursors) {
      if (cursor.head?.input !== input) continue;
      if (best === undefined || byUtf8(cursor.head.id ?? '', best.head!.id ?? '') < 0) best = cursor;
    }
    if (best === undefined) return;
    const id = best.head!.id ?? '';
    if (last !== undefined && byUtf8(id, last) <= 0) {
      throw new Error(`${best.shard.directory}: record "${id}" comes after "${last}": live Solr shards must be read sorted by the unique key (a string field; cursorMark does that)`);
    }
    last = id;
    yield best;
  }
}

export function expectBytes(reader: BlockReader, expected: Buffer, what: string): void {
  if (expected.length === 0) return;
  const actual = reader.take(expected.length);
  if (!actual.equals(expected)) throw new Error(`${reader.path}: expected the document ${what} ${JSON.stringify(expected.toString())} at byte ${reader.position - expected.length}; the outputs and run-state.bin do not belong together`);
}

function expectEnd(reader: BlockReader, expected: Buffer): void {
  const rest = reader.rest(expected.length);
  if (!rest.equals(expected)) throw new Error(`${reader.path}: ${rest.length > expected.length ? 'holds more than its run state describes' : 'does not end as its format does'} (at byte ${reader.position}); the outputs and run-state.bin do not belong together`);
}
