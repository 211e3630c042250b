import { Readable } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { isMultiValued } from '../biblio-schema/index.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { rawRecordFromSolrDoc, truncate } from './solr-doc.js';
import type { ReadContext, RecordReader } from './types.js';
import { StrictUtf8Decoder } from './utf8.js';

const FORMAT = 'solr-csv';

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

/**
 * Solr's CSV response writer output (`wt=csv`): a header row of field names, then one
 * row per document. Multi-valued fields are joined with the mv separator, inside which the
 * separator, the escape character and line breaks are escaped (`\,` `\\` `\n` `\r`). The
 * CSV carries no types, so a cell is split only when the schema says the field is
 * multi-valued; any other cell is kept whole. An empty cell is an absent field (`csv.null`).
 */
export function createSolrCsvReader(dialect: Partial<SolrCsvDialect> = {}): RecordReader {
  const options: SolrCsvDialect = { ...SOLR_CSV_DEFAULTS, ...dialect };
  if (dialect.separator !== undefined && dialect.mvSeparator === undefined) options.mvSeparator = dialect.separator;
  return {
    name: FORMAT,
    description: 'Solr CSV (wt=csv): a header row of field names including id, one row per document',
    detect: (head) => looksLikeSolrCsvHeader(head, options.separator),
    read: (input, context) => readSolrCsv(input, context, options),
  };
}

export const solrCsvReader: RecordReader = createSolrCsvReader();

/** Longest header cell (field name) accepted; Solr field names are tens of characters. */
export const MAX_FIELD_NAME_LENGTH = 1024;

/** Longest header row (its bytes before the first line end): a few thousand field names. */
const MAX_HEADER_BYTES = 1024 * 1024;

interface HeaderWatch {
  /** A line end was seen: the header row is complete. */
  ended: boolean;
  /** More than MAX_HEADER_BYTES came without a line end; reading stopped there. */
  tooLong: boolean;
}

/** A Solr field name (or pseudo-field such as `score`, `[docid]`) as a header cell. */
function isPlausibleFieldName(cell: string): boolean {
  const name = cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1) : cell;
  if (name.length === 0 || name.length > 200) return false;
  if (name.startsWith('[') && name.endsWith(']')) return true;
  const first = name.charCodeAt(0);
  if (!(isLetter(first) || first === 95 /* _ */)) return false;
  for (let i = 1; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (!(isLetter(code) || (code >= 48 && code <= 57) || code === 95 || code === 45 /* - */ || code === 46 /* . */)) return false;
  }
  return true;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function looksLikeSolrCsvHeader(head: string, separator: string): boolean {
  const newline = head.indexOf('\n');
  if (newline === -1) return false;
  const line = head.slice(0, newline).replace(/\r$/, '');
  const cells = line.split(separator);
  return cells.some((cell) => cell === 'id' || cell === '"id"') && cells.every(isPlausibleFieldName);
}

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

function errorRecord(code: IssueCode, message: string, source: SourcePosition, rawText?: string): RawRecord {
  const record: RawRecord = { format: FORMAT, source, fields: {}, issues: [makeIssue(code, { message, source })] };
  if (rawText !== undefined) record.rawText = truncate(rawText, 1 << 20);
  return record;
}

interface ParsedRow {
  record: string[];
  raw: string;
  info: Info;
}

interface CsvError {
  code: string;
  message: string;
  /** Bytes the parser had read when it failed. */
  bytes: number;
}

// eslint-disable-next-line max-lines-per-function -- one streaming loop over csv-parse's rows with the error handling that must stay inside it
async function* readSolrCsv(input: AsyncIterable<Uint8Array>, context: ReadContext, dialect: SolrCsvDialect): AsyncGenerator<RawRecord> {
  const { file, limits } = context;
  const lines = new LineIndex();
  const utf8 = new StrictUtf8Decoder();
  // Errors are collected, not thrown: a stream that fails drops the records it had
  // buffered, and every record read before the failure must still come out.
  let csvError: CsvError | undefined;
  const parser = parse({
    delimiter: dialect.separator,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: limits.maxRecordBytes,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error && csvError === undefined) {
        csvError = { code: error.code, message: error.message, bytes: (error as { bytes?: number }).bytes ?? 0 };
        // Nothing after the failure is read: in skip mode the parser would go on buffering
        // a record that never ends (a gigabyte of NULs) until the input does.
        stopReading();
      }
      return undefined;
    },
  });
  const headerWatch: HeaderWatch = { ended: false, tooLong: false };
  const source = Readable.from(validUtf8Prefix(input, lines, utf8, headerWatch));
  // pipe() passes no error on: a source that fails (a corrupt or exploding .gz) must end
  // the parser with that error, or reading would wait for rows that never come.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let stopped = false;
  function stopReading(): void {
    if (stopped) return;
    stopped = true;
    source.unpipe(parser);
    source.destroy();
    // Rows completed before the failure are still handed out; the rest of the input is not read.
    queueMicrotask(() => parser.end());
  }

  let header: string[] | undefined;
  let multiValued: boolean[] = [];
  let ordinal = 0;
  let previousEnd = 0;
  const failure = (): RawRecord => {
    const line = lines.lineAfter(previousEnd);
    if (utf8.invalidAt !== undefined && (csvError === undefined || csvError.bytes >= utf8.invalidAt)) {
      return errorRecord('read.invalid-utf8', `Invalid UTF-8 byte at offset ${utf8.invalidAt} (in the record starting at line ${line}); reading of ${file} stopped after ${ordinal} records`, { file, line, byteOffset: utf8.invalidAt, ordinal: ordinal + 1 });
    }
    const error = csvError!;
    const code = error.code === 'CSV_MAX_RECORD_SIZE' ? 'read.limit-exceeded' : 'read.malformed';
    return errorRecord(code, `CSV error in the record starting at line ${line} after ${ordinal} records: ${error.message}; reading of ${file} stopped`, { file, line, ordinal: ordinal + 1 });
  };

  for await (const row of parser as AsyncIterable<ParsedRow>) {
    // The parser may go on past a failure: nothing after it is trusted.
    if (csvError !== undefined && row.info.bytes > csvError.bytes) break;
    const cutByBadBytes = utf8.invalidAt !== undefined && row.info.bytes >= utf8.invalidAt && !row.raw.endsWith('\n');
    if (cutByBadBytes) break;
    const line = lines.lineAfter(previousEnd);
    previousEnd = row.info.bytes;
    if (header === undefined) {
      if (headerWatch.tooLong) break;
      const tooLong = row.record.findIndex((name) => name.length > MAX_FIELD_NAME_LENGTH);
      if (tooLong !== -1) {
        const length = row.record[tooLong]!.length;
        yield errorRecord('read.limit-exceeded', `Header cell ${tooLong + 1} (line ${line}) is ${length} characters long, over the field name limit of ${MAX_FIELD_NAME_LENGTH}; reading of ${file} stopped`, { file, line, ordinal: 1 }, row.raw.slice(0, 1024));
        parser.destroy();
        return;
      }
      header = row.record.map((name) => name.trim());
      multiValued = header.map((name) => isMultiValued(name));
      continue;
    }
    ordinal++;
    const source: SourcePosition = { file, line, ordinal };
    if (row.record.length !== header.length) {
      yield errorRecord('read.malformed', `Row at line ${line} has ${row.record.length} cells but the header has ${header.length} columns`, source, row.raw);
      continue;
    }
    // No prototype: a column named `__proto__` stays a field.
    const doc: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    header.forEach((name, column) => {
      const cell = row.record[column]!;
      if (cell === '') return;
      doc[name] = multiValued[column] ? splitMultiValued(cell, dialect) : cell;
    });
    const record = rawRecordFromSolrDoc(doc, FORMAT, source, limits);
    record.rawText = truncate(row.raw, 1 << 20);
    yield record;
  }
  parser.destroy();
  if (headerWatch.tooLong) {
    yield errorRecord('read.limit-exceeded', `The header row (line 1) has no line end in its first ${MAX_HEADER_BYTES} bytes, over the header limit; reading of ${file} stopped`, { file, line: 1, ordinal: 1 });
    return;
  }
  if (csvError !== undefined || utf8.invalidAt !== undefined) yield failure();
}

/**
 * Passes the bytes on while they are valid UTF-8, indexing line breaks; at the first
 * invalid byte the stream ends there (its offset is kept for the issue).
 */
async function* validUtf8Prefix(input: AsyncIterable<Uint8Array>, lines: LineIndex, utf8: StrictUtf8Decoder, header: HeaderWatch): AsyncGenerator<Buffer> {
  let offset = 0;
  for await (const chunk of input) {
    const bytes = Buffer.from(chunk);
    if (!header.ended) {
      // The header row is read before anything else: one with no line end in sight (a file
      // of NULs) is refused as the bytes arrive, instead of being parsed as one huge cell.
      const newline = bytes.indexOf(0x0a);
      if (newline !== -1) header.ended = true;
      else if (offset + bytes.length > MAX_HEADER_BYTES) {
        header.tooLong = true;
        return;
      }
    }
    const valid = utf8.decode(bytes) === undefined ? bytes.subarray(0, Math.max(0, utf8.invalidAt! - offset)) : bytes;
    offset += bytes.length;
    if (valid.length > 0) {
      lines.add(valid);
      yield valid;
    }
    if (utf8.invalidAt !== undefined) return;
  }
  utf8.end();
}

/**
 * Line numbers by byte offset. csv-parse reports exact byte offsets (its line counts drift
 * on CRLF input), so lines are counted here. Offsets are asked for in increasing order, so
 * only the bytes between the last answer and the parser's read position are kept.
 */
class LineIndex {
  private chunks: Buffer[] = [];
  /** Byte offset of chunks[0][0]. */
  private chunkStart = 0;
  /** Position (absolute byte offset) and 1-based line reached so far. */
  private position = 0;
  private line = 1;

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
