import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import type { RawRecord } from '../model/raw-record.js';
import { bytesAfter, peekBytes } from './peek.js';
import { CsvRows, csvParseOptions, LineIndex, type CsvError, type ParsedRow, type SolrCsvDialect } from './solr-csv-rows.js';
import type { ByteChunk, ReadBatch, ReadContext, RecordChunk } from './types.js';
import { invalidUtf8Offset } from './utf8.js';

/**
 * Solr CSV cut into chunks of whole rows for workers. A row ends at a line end outside a
 * quoted cell (quoted cells hold line breaks); the scan looks at each byte once and decodes
 * nothing. It keeps csv-parse's strict quoting rules, so that it never ends a row where the
 * parser would not: a quote opens a cell only at its start, and a closing quote is followed
 * by a separator, a line end or another quote. Where the input breaks those rules, holds
 * invalid UTF-8 or a row longer than the record limit, the scan hands over what it has up to
 * there as the last chunk and reads no further, as the streamed reader stops there too.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Bytes of a row cut apart at most this much over the record limit are never held (UTF-8 takes up to 4 bytes a character). */
const BYTES_PER_CHARACTER = 4;

/** What a chunk parser needs besides the bytes: the header, the dialect, and why it is the last. */
export interface CsvChunkState {
  header: readonly string[];
  dialect: SolrCsvDialect;
  /** The input's row terminator (`\n` or `\r\n`), as the header row ended. */
  recordDelimiter: string;
  /** Set on the last chunk when the scan stopped early. */
  stop?: { invalidAt?: number | undefined; reason?: 'quote' | 'size' | undefined } | undefined;
}

type ScanState = 'cellStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'crAfterQuote';

/** Finds row ends in a byte stream, carrying the quote state across pieces. */
class RowScanner {
  private state: ScanState = 'cellStart';
  /** The byte before the current one (CRLF rows end only at a CR LF pair). */
  private previous = -1;
  irregularAt: number | undefined;
  /** Rows (non-empty) ended so far. */
  rows = 0;
  private rowHasContent = false;

  constructor(
    private readonly separator: number,
    private readonly crlf: boolean,
  ) {}

  /** True when the row that ended held anything: blank lines stay with the next row (csv-parse keeps them in its raw text). */
  private rowEnd(): boolean {
    const content = this.rowHasContent;
    if (content) this.rows++;
    this.rowHasContent = false;
    this.state = 'cellStart';
    return content;
  }

  /**
   * Scans `bytes[from..]`: the offset just after the first row end at or after `cutAt`, or
   * after the last row end before the bytes run out (-1 when none); stops at an irregular quote.
   */
  scan(bytes: Uint8Array, from: number, cutAt = Infinity): number {
    let lastEnd = -1;
    let ended = false;
    const { separator, crlf } = this;
    for (let at = from; at < bytes.length; at++) {
      const byte = bytes[at]!;
      const state = this.state;
      const lineEnd = byte === LF && (!crlf || this.previous === CR);
      this.previous = byte;
      if (state === 'quoted') {
        if (byte === QUOTE) this.state = 'quoteInQuoted';
        continue;
      }
      if (state === 'quoteInQuoted' || state === 'crAfterQuote') {
        // After a closing quote: a doubled quote, a separator, or the row terminator.
        if (state === 'quoteInQuoted' && byte === QUOTE) this.state = 'quoted';
        else if (state === 'quoteInQuoted' && byte === separator) this.state = 'cellStart';
        else if (state === 'quoteInQuoted' && crlf && byte === CR) this.state = 'crAfterQuote';
        else if (lineEnd) ended = this.rowEnd();
        else {
          this.irregularAt = at;
          return lastEnd;
        }
      } else if (byte === QUOTE) {
        if (state !== 'cellStart') {
          this.irregularAt = at;
          return lastEnd;
        }
        this.state = 'quoted';
        this.rowHasContent = true;
      } else if (byte === separator) {
        this.state = 'cellStart';
        this.rowHasContent = true;
      } else if (lineEnd) {
        ended = this.rowEnd();
      } else if (!(crlf && byte === CR)) {
        this.state = 'unquoted';
        this.rowHasContent = true;
      }
      if (ended) {
        ended = false;
        lastEnd = at + 1;
        if (lastEnd >= cutAt) return lastEnd;
      }
    }
    return lastEnd;
  }
}

/** The header row of a CSV head, when the head can be cut (else the input is streamed on one thread). */
function headerOf(head: Buffer, dialect: SolrCsvDialect, context: ReadContext): { names: string[]; end: number; crlf: boolean } | undefined {
  if (Buffer.byteLength(dialect.separator) !== 1 || dialect.separator === '"') return undefined;
  const newline = head.indexOf(LF);
  if (newline <= 0) return undefined;
  const crlf = head[newline - 1] === CR;
  const scanner = new RowScanner(dialect.separator.charCodeAt(0), crlf);
  const end = scanner.scan(head.subarray(0, newline + 1), 0);
  // A header with a line break in a quoted name, a bare CR, or a blank first line: the streamed reader's.
  if (end !== newline + 1 || head.subarray(0, newline).includes(CR) !== crlf) return undefined;
  let rows: string[][];
  try {
    rows = parse(head.subarray(0, end), { ...csvParseOptions(dialect, context.limits), info: false, raw: false, skip_records_with_error: false });
  } catch {
    return undefined;
  }
  const names = rows[0];
  if (rows.length !== 1 || names === undefined || names.some((name) => name.length > 1024)) return undefined;
  return { names, end, crlf };
}

/**
 * Batches of a Solr CSV input: whole rows as chunks, or undefined when the head says this
 * input must be streamed on one thread (a multi-character separator, an odd header row).
 */
export async function* splitSolrCsvRows(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number, dialect: SolrCsvDialect, streamed: (input: AsyncIterable<Uint8Array>) => AsyncIterable<ReadBatch>): AsyncGenerator<ReadBatch> {
  const { head, stream } = await peekBytes(input, 64 * 1024);
  const header = headerOf(head, dialect, context);
  if (header === undefined) {
    yield* streamed(stream);
    return;
  }
  const state = (stop?: CsvChunkState['stop']): CsvChunkState => ({ header: header.names, dialect, recordDelimiter: header.crlf ? '\r\n' : '\n', ...(stop ? { stop } : {}) });
  const scanner = new RowScanner(dialect.separator.charCodeAt(0), header.crlf);
  const maxRowBytes = context.limits.maxRecordBytes * BYTES_PER_CHARACTER + 64 * 1024;
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = header.end;
  let scanned = 0;
  /** The end of the last whole row in `pending`, or 0. */
  let rowsEnd = 0;
  let rowsBefore = 0;
  let line = 2;
  let ordinalBefore = 0;
  /** `pending` up to `end` as a chunk; invalid UTF-8 in it makes it the last, cut at the bad byte. */
  const take = (end: number, stop?: CsvChunkState['stop']): { batch: ReadBatch; last: boolean } => {
    let bytes = pending.subarray(0, end);
    const whole = isUtf8(bytes);
    if (!whole) {
      const invalidAt = invalidUtf8Offset(bytes);
      bytes = bytes.subarray(0, invalidAt);
      stop = { invalidAt };
    }
    const chunk: ByteChunk = { kind: 'bytes', bytes, firstLine: line, firstByteOffset: pendingOffset, ordinalBefore, state: state(stop) };
    for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) line++;
    ordinalBefore += scanner.rows - rowsBefore;
    rowsBefore = scanner.rows;
    pendingOffset += end;
    pending = pending.subarray(end);
    scanned -= end;
    rowsEnd = 0;
    return { batch: { kind: 'chunk', chunk }, last: !whole || stop !== undefined };
  };
  // The peeked head is replayed by `stream`.
  for await (const bytes of bytesAfter(stream, header.end)) {
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    for (;;) {
      const rowEnd = scanner.scan(pending, scanned, targetBytes);
      scanned = rowEnd >= targetBytes && scanner.irregularAt === undefined ? rowEnd : pending.length;
      if (rowEnd !== -1) rowsEnd = rowEnd;
      if (scanner.irregularAt !== undefined) {
        // Up to the offending character: the parser finds the same fault there, and nothing after it is read.
        let end = scanner.irregularAt + 1;
        while (end < pending.length && (pending[end]! & 0xc0) === 0x80) end++;
        yield take(end, { reason: 'quote' }).batch;
        return;
      }
      if (rowsEnd < targetBytes) break;
      const { batch, last } = take(rowsEnd);
      yield batch;
      if (last) return;
    }
    if (pending.length - rowsEnd > maxRowBytes) {
      yield take(pending.length, { reason: 'size' }).batch;
      return;
    }
  }
  if (pending.length > 0) yield take(pending.length).batch;
}

/** The records of one chunk of rows, numbered from 1; the last chunk of a stopped scan ends with the reason. */
export function parseSolrCsvChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  if (chunk.kind !== 'bytes') throw new Error(`solr-csv parses its own chunks, not ${chunk.kind}`);
  const state = chunk.state as CsvChunkState;
  const bytes = Buffer.isBuffer(chunk.bytes) ? chunk.bytes : Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const lines = new LineIndex(chunk.firstLine);
  lines.add(bytes);
  const rows = new CsvRows(context, state.dialect, lines, state.header, chunk.ordinalBefore);
  let csvError: CsvError | undefined;
  const parsed = parse(bytes, {
    ...csvParseOptions(state.dialect, context.limits),
    record_delimiter: state.recordDelimiter,
    on_skip: (error) => {
      if (error && csvError === undefined) csvError = { code: error.code, message: error.message, bytes: (error as { bytes?: number }).bytes ?? 0 };
      return undefined;
    },
  }) as unknown as ParsedRow[];
  const invalidAt = state.stop?.invalidAt;
  for (const row of parsed) {
    if (csvError !== undefined && row.info.bytes > csvError.bytes) break;
    if (rows.take(row, invalidAt) === 'stop') break;
  }
  const records = rows.drain();
  if (csvError !== undefined || invalidAt !== undefined) records.push(rows.failure(csvError, invalidAt, chunk.firstByteOffset));
  else if (state.stop?.reason !== undefined) records.push(rows.stopped(state.stop.reason));
  return records;
}
