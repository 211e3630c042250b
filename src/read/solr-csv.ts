import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { RawRecord } from '../model/raw-record.js';
import { recordBatches } from './chunked.js';
import { parseSolrCsvChunk, splitSolrCsvRows } from './solr-csv-chunks.js';
import { CsvRows, csvParseOptions, errorRecord, FORMAT, LineIndex, SOLR_CSV_DEFAULTS, type CsvError, type ParsedRow, type SolrCsvDialect } from './solr-csv-rows.js';
import { Confidence, type ReadContext, type RecordReader } from './types.js';
import { StrictUtf8Decoder } from './utf8.js';

export { SOLR_CSV_DEFAULTS, splitMultiValued, type SolrCsvDialect } from './solr-csv-rows.js';

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
    detect: (head) => (looksLikeSolrCsvHeader(head, options.separator) ? Confidence.likely : Confidence.none),
    // Rows are cut for workers; an input whose head cannot be cut is streamed on this thread.
    split: (input, context, targetBytes) => splitSolrCsvRows(input, context, targetBytes, options, (rest) => recordBatches(readSolrCsv(rest, context, options))),
    parseChunk: parseSolrCsvChunk,
  };
}

export const solrCsvReader: RecordReader = createSolrCsvReader();
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

/** The whole input through one streaming csv-parse on this thread: inputs the row scan cannot cut, and the oracle of its tests. */
export async function* readSolrCsv(input: AsyncIterable<Uint8Array>, context: ReadContext, dialect: SolrCsvDialect): AsyncGenerator<RawRecord> {
  const { file, limits } = context;
  const lines = new LineIndex();
  const utf8 = new StrictUtf8Decoder();
  // Errors are collected, not thrown: a stream that fails drops the records it had
  // buffered, and every record read before the failure must still come out.
  let csvError: CsvError | undefined;
  const parser = parse({
    ...csvParseOptions(dialect, limits),
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

  const rows = new CsvRows(context, dialect, lines);
  for await (const row of parser as AsyncIterable<ParsedRow>) {
    // The parser may go on past a failure: nothing after it is trusted.
    if (csvError !== undefined && row.info.bytes > csvError.bytes) break;
    if (!rows.hasHeader && headerWatch.tooLong) break;
    const outcome = rows.take(row, utf8.invalidAt);
    if (outcome === 'stop') break;
    if (outcome === 'refused') {
      parser.destroy();
      yield* rows.drain();
      return;
    }
    yield* rows.drain();
  }
  parser.destroy();
  if (headerWatch.tooLong) {
    yield errorRecord('read.limit-exceeded', `The header row (line 1) has no line end in its first ${MAX_HEADER_BYTES} bytes, over the header limit; reading of ${file} stopped`, { file, line: 1, ordinal: 1 });
    return;
  }
  if (csvError !== undefined || utf8.invalidAt !== undefined) yield rows.failure(csvError, utf8.invalidAt);
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

