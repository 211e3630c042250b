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
}

/**
 * An input format. Every reader has this shape (one file, one registry line in
 * `src/read/index.ts`): it turns the bytes of one input into raw records with their
 * source positions. Readers never throw for bad data: a broken record is yielded with
 * an error issue so that it lands in the rejects output.
 */
export interface RecordReader {
  /** Registry name used by `--from` (`staff-view`, `solr-json`, ...). */
  readonly name: string;
  readonly description: string;
  /** True when the first bytes of an input (decoded as UTF-8, BOM removed) look like this format. */
  detect(head: string): boolean;
  /**
   * For a head `detect` accepts: false when it is surely not catalogue records (a JSON config
   * or manifest beside the exports). Files found in a folder that are not are skipped.
   */
  holdsRecords?(head: string): boolean;
  read(input: AsyncIterable<Uint8Array>, context: ReadContext): AsyncIterable<RawRecord>;
  /**
   * Cuts the input into batches for the engine: chunks of whole records as bytes, found by
   * a cheap boundary search and parsed later with `parseChunk` (on a worker thread when
   * there are workers), or records this reader had to parse itself. Readers without it
   * are read with `read` on the main thread.
   */
  split?(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncIterable<ReadBatch>;
  /**
   * The records of one chunk that `split` cut, numbered (`source.ordinal`) from 1 within
   * the chunk: the engine adds the records of the input's earlier chunks. Synchronous and
   * free of I/O, so it runs the same on any thread.
   */
  parseChunk?(chunk: RecordChunk, context: ReadContext): RawRecord[];
}

/** Whole Solr XML documents as bytes, with the container's open tags to parse them in. */
export interface XmlChunk {
  kind: 'xml';
  bytes: Uint8Array;
  prefix: string;
  firstLine: number;
  firstByteOffset: number;
  /** Documents before this chunk: XML chunks number their records themselves. */
  ordinalBefore: number;
  /** The input's last chunk (it closes the root element). */
  last: boolean;
}

/** Whole records as bytes, cut by a reader's `split`; plain data, so it can be posted to a worker. */
export type RecordChunk = LineChunk | OversizedLine | XmlChunk;

export type ReadBatch = { kind: 'chunk'; chunk: RecordChunk } | { kind: 'records'; records: RawRecord[] };
