import type { Info, Options } from 'csv-parse';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { isMultiValued } from '../biblio-schema/index.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { rawRecordFromSolrDoc, truncate } from './solr-doc.js';
import type { ReadContext } from './types.js';

/** What the Solr CSV reader's two ways of reading share: the dialect, csv-parse's options, and how a row becomes a record. */

export const FORMAT = 'solr-csv';

/** How Solr's CSV response writer was asked to write (`csv.separator`, `csv.mv.separator`, `csv.mv.escape`). */
export interface SolrCsvDialect {
  /** Column separator (`csv.separator`, default `,`). */
  separator: string;
  /** Separator between the values of a multi-valued field (`csv.mv.separator`, default: the column separator). */
  mvSeparator: string;
  /** Escape character inside multi-valued cells (`csv.mv.escape`, default `\`). */
  mvEscape: string;
}

export const SOLR_CSV_DEFAULTS: SolrCsvDialect = { separator: ',', mvSeparator: ',', mvEscape: '\\' };

/** Longest header cell (field name) accepted; Solr field names are tens of characters. */
export const MAX_FIELD_NAME_LENGTH = 1024;

/** The values of a multi-valued cell: split on unescaped separators, escapes resolved. */
export function splitMultiValued(cell: string, dialect: SolrCsvDialect): string[] {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (char === dialect.mvEscape && i + 1 < cell.length) {
      const next = cell[++i]!;
      current += next === 'n' ? '\n' : next === 'r' ? '\r' : next;
    } else if (char === dialect.mvSeparator) {
      values.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  values.push(current);
  return values;
}

export function errorRecord(code: IssueCode, message: string, source: SourcePosition, rawText?: string): RawRecord {
  const record: RawRecord = { format: FORMAT, source, fields: {}, issues: [makeIssue(code, { message, source })] };
  if (rawText !== undefined) record.rawText = truncate(rawText, 1 << 20);
  return record;
}

/** What both the streamed reader and the chunk parser ask of csv-parse. */
export function csvParseOptions(dialect: SolrCsvDialect, limits: ReadContext['limits']): Options {
  return {
    delimiter: dialect.separator,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: limits.maxRecordBytes,
    skip_records_with_error: true,
  };
}

export interface ParsedRow {
  record: string[];
  raw: string;
  info: Info;
}

export interface CsvError {
  code: string;
  message: string;
  /** Bytes the parser had read when it failed. */
  bytes: number;
}

/**
 * Rows parsed by csv-parse turned into records: the header row first, then one record a row.
 * Shared by the streamed reader and the chunk parser (solr-csv-chunks.ts), so that both read
 * a row the same way. Numbers rows from `ordinalBefore + 1` for messages, sources from 1.
 */
export class CsvRows {
  private header: string[] | undefined;
  private multiValued: boolean[] = [];
  private ordinal: number;
  private previousEnd = 0;
  private readonly ready: RawRecord[] = [];

  constructor(
    private readonly context: ReadContext,
    private readonly dialect: SolrCsvDialect,
    private readonly lines: { lineAfter(offset: number): number },
    header?: readonly string[],
    private readonly ordinalBefore = 0,
  ) {
    this.ordinal = ordinalBefore;
    if (header !== undefined) this.setHeader(header);
  }

  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  /** The header's names, once read. */
  get names(): readonly string[] | undefined {
    return this.header;
  }

  private setHeader(names: readonly string[]): void {
    this.header = names.map((name) => name.trim());
    this.multiValued = this.header.map((name) => isMultiValued(name));
  }

  private source(extra: Omit<SourcePosition, 'file'> = {}): SourcePosition {
    return { file: this.context.file, ...extra };
  }

  /** One parsed row: `stop` when bad bytes cut it (nothing after is read), `refused` when the header is. */
  take(row: ParsedRow, invalidAt: number | undefined): 'ok' | 'stop' | 'refused' {
    const cutByBadBytes = invalidAt !== undefined && row.info.bytes >= invalidAt && !row.raw.endsWith('\n');
    if (cutByBadBytes) return 'stop';
    const line = this.lines.lineAfter(this.previousEnd);
    this.previousEnd = row.info.bytes;
    if (this.header === undefined) {
      const tooLong = row.record.findIndex((name) => name.length > MAX_FIELD_NAME_LENGTH);
      if (tooLong !== -1) {
        const length = row.record[tooLong]!.length;
        this.ready.push(errorRecord('read.limit-exceeded', `Header cell ${tooLong + 1} (line ${line}) is ${length} characters long, over the field name limit of ${MAX_FIELD_NAME_LENGTH}; reading of ${this.context.file} stopped`, this.source({ line, ordinal: 1 }), row.raw.slice(0, 1024)));
        return 'refused';
      }
      this.setHeader(row.record);
      return 'ok';
    }
    this.ordinal++;
    const source = this.source({ line, ordinal: this.ordinal - this.ordinalBefore });
    if (row.record.length !== this.header.length) {
      this.ready.push(errorRecord('read.malformed', `Row at line ${line} has ${row.record.length} cells but the header has ${this.header.length} columns`, source, row.raw));
      return 'ok';
    }
    // No prototype: a column named `__proto__` stays a field.
    const doc: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    const { header, multiValued, dialect } = this;
    for (let column = 0; column < header.length; column++) {
      const cell = row.record[column]!;
      if (cell !== '') doc[header[column]!] = multiValued[column] ? splitMultiValued(cell, dialect) : cell;
    }
    const record = rawRecordFromSolrDoc(doc, FORMAT, source, this.context.limits);
    record.rawText = truncate(row.raw, 1 << 20);
    this.ready.push(record);
    return 'ok';
  }

  /** The records made so far, handed over once. */
  drain(): RawRecord[] {
    return this.ready.splice(0);
  }

  /** The record that stands for the rest of an input whose row scan stopped early without a parser error (solr-csv-chunks.ts). */
  stopped(reason: 'quote' | 'size'): RawRecord {
    const { file, limits } = this.context;
    const line = this.lines.lineAfter(this.previousEnd);
    const source = this.source({ line, ordinal: this.ordinal - this.ordinalBefore + 1 });
    return reason === 'size'
      ? errorRecord('read.limit-exceeded', `The record starting at line ${line} is longer than the record size limit of ${limits.maxRecordBytes} characters after ${this.ordinal} records; reading of ${file} stopped`, source)
      : errorRecord('read.malformed', `CSV error in the record starting at line ${line} after ${this.ordinal} records: a quote inside an unquoted cell or after a closing quote; reading of ${file} stopped`, source);
  }

  /** The record that stands for the rest of the input after a CSV error or invalid UTF-8 (offsets absolute). */
  failure(csvError: CsvError | undefined, invalidAt: number | undefined, byteDelta = 0): RawRecord {
    const { file } = this.context;
    const line = this.lines.lineAfter(this.previousEnd);
    const ordinal = this.ordinal - this.ordinalBefore + 1;
    if (invalidAt !== undefined && (csvError === undefined || csvError.bytes >= invalidAt)) {
      return errorRecord('read.invalid-utf8', `Invalid UTF-8 byte at offset ${invalidAt + byteDelta} (in the record starting at line ${line}); reading of ${file} stopped after ${this.ordinal} records`, { file, line, byteOffset: invalidAt + byteDelta, ordinal });
    }
    const error = csvError!;
    const code = error.code === 'CSV_MAX_RECORD_SIZE' ? 'read.limit-exceeded' : 'read.malformed';
    // csv-parse counts lines from where its parse started, and counts a quoted CR LF twice: the record's own line says where.
    const message = error.message.replace(/ at line \d+/g, '');
    return errorRecord(code, `CSV error in the record starting at line ${line} after ${this.ordinal} records: ${message}; reading of ${file} stopped`, { file, line, ordinal });
  }
}

/**
 * Line numbers by byte offset. csv-parse reports exact byte offsets (its line counts drift
 * on CRLF input), so lines are counted here. Offsets are asked for in increasing order, so
 * only the bytes between the last answer and the parser's read position are kept.
 */
export class LineIndex {
  private chunks: Buffer[] = [];
  /** Byte offset of chunks[0][0]. */
  private chunkStart = 0;
  /** Position (absolute byte offset) and 1-based line reached so far. */
  private position = 0;

  /** `firstLine`: the line of byte 0 (a chunk's, when it does not start the input). */
  constructor(private line = 1) {}

  add(bytes: Buffer): void {
    this.chunks.push(bytes);
  }

  /** The line of the first byte at or after `offset` that is not a line break (blank lines skipped). */
  lineAfter(offset: number): number {
    while (this.chunks.length > 0) {
      const chunk = this.chunks[0]!;
      const end = this.chunkStart + chunk.length;
      // Up to the offset: count line breaks in bulk.
      const stop = Math.min(offset, end);
      while (this.position < stop) {
        const newline = chunk.indexOf(0x0a, this.position - this.chunkStart);
        if (newline === -1 || this.chunkStart + newline >= stop) {
          this.position = stop;
          break;
        }
        this.line++;
        this.position = this.chunkStart + newline + 1;
      }
      // From the offset: skip the line breaks of blank lines.
      while (this.position < end) {
        const byte = chunk[this.position - this.chunkStart]!;
        if (byte !== 0x0a && byte !== 0x0d) return this.line;
        if (byte === 0x0a) this.line++;
        this.position++;
      }
      this.chunks.shift();
      this.chunkStart = end;
    }
    return this.line;
  }
}
