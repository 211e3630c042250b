import type { Issue } from '../model/issue.js';
import type { BibRecord } from '../model/record.js';

/** Options every writer may read; each writer documents the ones it uses. */
export interface WriterOptions {
  /** CSV: columns in order (ids from the CSV column table); default: the documented set. */
  csvColumns?: readonly string[];
  /** CSV: separator for multi-valued cells (default `|`). */
  csvSeparator?: string;
  /** CSV: start the file with a UTF-8 BOM (for Excel). */
  csvBom?: boolean;
  /** CSV: leave cells that start with = + - @ TAB CR as they are (machine consumers). */
  csvNoFormulaEscape?: boolean;
  /**
   * MEDLINE/.nbib: MedlineTA to write for a record with neither a journal abbreviation nor a
   * journal title (opt-in; without it such a record is skipped as `medline.no-journal`).
   */
  medlineTaFallback?: string;
}

/**
 * One output document being written. The core is synchronous and returns text so it can
 * be driven by a Node stream, a worker or a test alike (the csv-stringify pattern).
 */
export interface WriterSession {
  /** Text before the first record (XML prolog, CSV header, JSON-LD array start...). */
  start(): string;
  /** The text of one record. Only called for records `accepts` let through. */
  write(record: BibRecord): string;
  /** The text of several records, the same as `write` on each in turn; for formats where one call for many costs less. */
  writeMany?(records: readonly BibRecord[]): string;
  /** Text after the last record. */
  end(): string;
  /** Findings about a record this format writes only with a fallback (e.g. no journal abbreviation). */
  warnings?(record: BibRecord): Issue[];
}

/**
 * An output format: one file, one registry line in `src/write/index.ts`. A writer sees
 * only the normalized model.
 */
export interface RecordWriter {
  /** Registry name used by `--to` (`medline`, `jsonld`, `csv`, `ndjson`). */
  readonly name: string;
  readonly description: string;
  /** File name used under `--out-dir`. */
  readonly fileName: string;
  readonly mediaType: string;
  /**
   * Why a record cannot be written in this format (an info issue), or undefined when it can.
   * `options` are the run's writer options (MEDLINE's `medlineTaFallback` changes the answer).
   */
  accepts(record: BibRecord, options?: WriterOptions): Issue | undefined;
  /**
   * True when a document with no records would be invalid (a PubmedArticleSet needs at
   * least one article): such an output is then not written at all, and the run says so.
   */
  readonly requiresRecords?: boolean;
  /**
   * Text a session writes between two records (JSON-LD: the array's `,`), before every
   * record but its first. Pipelines that join the text of several sessions (one per batch,
   * on worker threads) put it between them; `end()` must not depend on what was written.
   */
  readonly recordSeparator?: string;
  open(options: WriterOptions): WriterSession;
}
