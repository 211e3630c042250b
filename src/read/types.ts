import type { RawRecord } from '../model/raw-record.js';
import type { LineChunk, OversizedLine } from './lines.js';

/** Caps that protect a run from hostile or broken input; real catalogue data never reaches them. */
export interface ReadLimits {
  /** Largest record (bytes of its text) a reader accepts. */
  maxRecordBytes: number;
  /** Longest single field value (characters). */
  maxFieldLength: number;
  /** Most values in one multi-valued field (authors included). */
  maxValuesPerField: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRecordBytes: 64 * 1024 * 1024,
  maxFieldLength: 16 * 1024 * 1024,
  maxValuesPerField: 100_000,
};

export interface ReadContext {
  /** The input's name as the user gave it (`-` for stdin). */
  file: string;
  limits: ReadLimits;
  /**
   * A `--shard` share of a file whose whole was found line-delimited (its reader's
   * `shards.cuttable`): read as lines whatever the share's own first bytes look like (a
   * share holding one cut-off line is not one streamed JSON value), skipping `headerBytes`.
   */
  lines?: { headerBytes: number } | undefined;
}

/**
 * How sure a reader is that an input is its format, from the input's first bytes. The
 * registry takes the reader with the highest confidence (ties: registry order), so a
 * reader that accepts a broad shape (any `{`) never wins over one that recognises a marker.
 */
export const Confidence = {
  /** Not this format. */
  none: 0,
  /** Could be: a broad shape many formats share (a line starting with `{`). */
  weak: 1,
  /** Likely: the shape and one telling detail (a header row naming `id`, a whole JSON document per line). */
  likely: 2,
  /** Certain: a marker only this format has (a root element, a leader, a loading-marker line). */
  certain: 3,
} as const;

/**
 * How a file of one format is cut into byte ranges for `--shard I/N` (sources/byte-ranges.ts):
 * share I starts at the first record start at or after floor(size x (I-1) / N).
 *
 * - `line`: every line starts a record (NDJSON);
 * - `after-byte`: a record starts after each `byte` (ISO 2709's 0x1D record terminator);
 * - `tag`: a record is an element `<name ...>...</name>` inside a document: a share is read
 *   with the bytes before the first such element and after the last one around it;
 * - `marker-line`: a record starts at a line `isMarker` accepts (Staff View's loading marker).
 */
export type RecordStart =
  | { kind: 'line' }
  | { kind: 'after-byte'; byte: number }
  | { kind: 'tag'; name: string }
  | { kind: 'marker-line'; isMarker: (line: string) => boolean };

export interface ShardCutting {
  start: RecordStart;
  /**
   * Whether this input can be cut, from its first bytes (a reader that reads several shapes
   * cuts only some: NDJSON yes, one JSON response no), and how many bytes of a header share 1
   * skips. Absent: every input of the format can be cut, with no header.
   */
  cuttable?(head: Buffer): { headerBytes: number } | undefined;
}

/**
 * An input format: one file plus one line in the registry (`src/read/index.ts`), which
 * drives detection, worker parsing, `--shard` cutting and the fuzz targets from these
 * declarations. A reader only turns bytes into raw records; it never numbers records
 * across batches, never decides threads, and knows nothing of writers.
 *
 * The contract:
 * - `split` runs on the main thread and must be cheap: it finds record boundaries (a byte
 *   search; a quote- or string-aware scan where the format needs one) and hands over
 *   chunks of whole records as bytes. It may hand over records it had to parse itself
 *   (`{ kind: 'records' }`: input it cannot cut, such as an XML file that declares a DOCTYPE).
 * - `parseChunk` turns one chunk into records. Synchronous, free of I/O and of state kept
 *   between calls, so it runs the same on any thread (chunks are posted to workers).
 * - Every batch's records are numbered (`source.ordinal`) from 1 within the batch; the
 *   engine, and `readRecords` in read/chunked.ts, add the records of the input's earlier
 *   batches. Lines and byte offsets are those of the whole input.
 * - Bad data never throws: a broken record is yielded with an error issue (it lands in the
 *   rejects). What still throws out of `split` is an I/O or decompression failure.
 */
export interface RecordReader {
  /** Registry name used by `--from` (`staff-view`, `solr-json`, ...). */
  readonly name: string;
  readonly description: string;
  /** How sure this reader is that an input whose first bytes (UTF-8, BOM removed) are `head` is its format. */
  detect(head: string): number;
  /** Cuts one input into batches of about `targetBytes`: chunks of whole records, or records parsed here. */
  split(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncIterable<ReadBatch>;
  /** The records of one chunk `split` cut, numbered from 1 within the chunk. */
  parseChunk(chunk: RecordChunk, context: ReadContext): RawRecord[];
  /** How a file of this format is cut for `--shard I/N`; absent: it is read whole by share 1. */
  readonly shards?: ShardCutting | undefined;
  /**
   * For a head `detect` accepts: false when it is surely not catalogue records (a JSON config
   * or manifest beside the exports). Files found in a folder that are not are skipped.
   */
  holdsRecords?(head: string): boolean;
}

/** Whole Solr XML documents as bytes, with the container's open tags to parse them in. */
export interface XmlChunk {
  kind: 'xml';
  bytes: Uint8Array;
  prefix: string;
  firstLine: number;
  firstByteOffset: number;
  /** Documents before this chunk, for messages that count documents ("after 12 records"); ordinals still start at 1. */
  ordinalBefore: number;
  /** The input's last chunk (it closes the root element). */
  last: boolean;
}

/**
 * Whole records as bytes for any reader that needs no more than where they start: `kind`
 * is the reader's own, `state` plain data the reader needs to parse them (a CSV header row).
 */
export interface ByteChunk {
  kind: 'bytes';
  bytes: Uint8Array;
  firstLine: number;
  firstByteOffset: number;
  /** Records before this chunk, for messages only. */
  ordinalBefore: number;
  state?: unknown;
}

/** Whole records as bytes, cut by a reader's `split`; plain data, so it can be posted to a worker. */
export type RecordChunk = LineChunk | OversizedLine | XmlChunk | ByteChunk;

export type ReadBatch = { kind: 'chunk'; chunk: RecordChunk } | { kind: 'records'; records: RawRecord[] };
