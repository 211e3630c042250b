import type { RawRecord } from '../model/raw-record.js';

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
  read(input: AsyncIterable<Uint8Array>, context: ReadContext): AsyncIterable<RawRecord>;
}
