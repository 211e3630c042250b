import type { $ZodObject } from 'zod/v4/core';
import type { Issue } from '../model/issue.js';
import type { BibRecord } from '../model/record.js';

/**
 * A run's writer options, by name: one bag for all the run's writers, each of which reads
 * the options it declares (`RecordWriter.options`). Checked against those declarations when
 * a run starts (`writerOptionsOf` in write/index.ts).
 */
export type WriterOptions = Readonly<Record<string, unknown>>;

/**
 * What a writer's option schema carries besides its type (zod `.meta()` on each field): the
 * CLI flag in commander's syntax (`--separator <text>`: a value; `--bom`: a switch; a
 * `--no-` switch sets the option to true when given), its help text, and the value the
 * crosswalk generator sets to keep records writable (`probe`).
 */
export interface WriterOptionMeta {
  flag: string;
  description: string;
  probe?: unknown;
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
export interface RecordWriter<Options extends WriterOptions = WriterOptions> {
  /** Registry name used by `--to` (`medline`, `jsonld`, `csv`, `ndjson`). */
  readonly name: string;
  readonly description: string;
  /** File name used under `--out-dir`. */
  readonly fileName: string;
  readonly mediaType: string;
  /**
   * The options this writer reads, declared once: their names, types, defaults and checks,
   * and (as WriterOptionMeta) their CLI flags. A run's options are checked against them, its
   * run state keeps what they parse to, and the CLI offers their flags. Any zod object:
   * zod's classic API or zod/mini (the built-in writers use zod/mini, see csv.ts).
   */
  readonly options?: $ZodObject;
  /**
   * Why a record cannot be written in this format (an info issue), or undefined when it can.
   * `options` are the run's writer options (MEDLINE's `medlineTaFallback` changes the answer).
   */
  accepts(record: BibRecord, options?: Options): Issue | undefined;
  /**
   * True when an output with no records is not written at all (the run says so). Every
   * format sets it, so that one rule holds for all: a PubmedArticleSet needs at least one
   * article, and an empty CSV, JSON-LD array, NDJSON or .nbib file next to it would only
   * look like a result.
   */
  readonly requiresRecords?: boolean;
  /**
   * Text a session writes between two records (JSON-LD: the array's `,`), before every
   * record but its first. Pipelines that join the text of several sessions (one per batch,
   * on worker threads) put it between them; `end()` must not depend on what was written.
   */
  readonly recordSeparator?: string;
  open(options: Options): WriterSession;
}
