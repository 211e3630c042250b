import { jsonParser as jsonTokenizer } from 'stream-json/parser.js';
import { getManyValues, none } from 'stream-chain/defs.js';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import type { IssueCode } from '../model/rules.js';
import { JsonTooDeepError, parseJsonExact } from './exact-json.js';
import { lineChunkOf, recordBatches } from './chunked.js';
import { lineChunks, linesOf, type TextLine } from './lines.js';
import { StrictUtf8Decoder } from './utf8.js';
import { JsonOpenTracker } from './json-positions.js';
import { parseSolrJsonElements, splitSolrJsonResponse } from './solr-json-response.js';
import { peekBytes } from './peek.js';
import { rawRecordFromSolrDoc, truncate } from './solr-doc.js';
import { DocumentRouter, errorRecord, FORMAT, type Token } from './solr-json-documents.js';
import { Confidence, type ReadBatch, type ReadContext, type RecordChunk, type RecordReader } from './types.js';


/**
 * Solr JSON in the three shapes people save it in: a select response
 * (`{"response":{"docs":[...]}}`), a bare array of documents, or one document per line
 * (NDJSON). Raw HTTP responses (status line and headers before the body) are accepted.
 * Line-shaped input is parsed line by line; anything else is streamed token by token so
 * a response of any size runs in bounded memory.
 */
export const solrJsonReader: RecordReader = {
  name: FORMAT,
  description: 'Solr JSON: a select response, a bare array of docs, or NDJSON (one doc per line)',
  detect(head: string): number {
    const body = skipHttpHeaderText(head).trimStart();
    // Whole documents on lines, or a select response, say more than an opening brace does.
    if (lineDelimitedHeaderBytes(Buffer.from(head)) !== undefined) return Confidence.likely;
    if (/^\{\s*"response(Header)?"\s*:/.test(body)) return Confidence.likely;
    return body.startsWith('{') || body.startsWith('[') ? Confidence.weak : Confidence.none;
  },
  // One JSON object that is neither a document with its unique key nor a response or update
  // file is a config or manifest beside the exports; NDJSON and arrays are records even
  // without ids (their findings say so).
  holdsRecords: (head) => {
    const body = skipHttpHeaderText(head).trimStart();
    const objectLines = body.split('\n', 3).filter((line) => line.trimStart().startsWith('{')).length;
    if (body.startsWith('[') || (objectLines > 1 && lineDelimitedHeaderBytes(Buffer.from(head)) !== undefined)) return true;
    return /"(id|docs|doc|add|response|grouped)"\s*:/.test(body);
  },
  split: splitSolrJson,
  parseChunk: parseSolrJsonChunk,
  // Line-delimited input is cut at line starts; one streamed value (a response, an array) is not cut.
  shards: {
    start: { kind: 'line' },
    cuttable: (head) => {
      const headerBytes = lineDelimitedHeaderBytes(head);
      return headerBytes === undefined ? undefined : { headerBytes };
    },
  },
};

function skipHttpHeaderText(head: string): string {
  if (!head.startsWith('HTTP/')) return head;
  const brace = head.search(/[{[]/);
  return brace === -1 ? '' : head.slice(brace);
}

/** Bytes of a raw HTTP header block (up to and including the blank line), or 0. */
function httpHeaderLength(head: Buffer): number {
  if (head.subarray(0, 5).toString('latin1') !== 'HTTP/') return 0;
  const crlf = head.indexOf('\r\n\r\n');
  const lf = head.indexOf('\n\n');
  const candidates = [crlf === -1 ? -1 : crlf + 4, lf === -1 ? -1 : lf + 2].filter((n) => n > 0);
  return candidates.length === 0 ? 0 : Math.min(...candidates);
}

/**
 * When the input (its first bytes) is line-delimited Solr JSON (NDJSON, or one response
 * per line), the number of HTTP header bytes to skip (usually 0); undefined when the
 * input is one streamed JSON value.
 */
export function lineDelimitedHeaderBytes(head: Buffer): number | undefined {
  const headerBytes = httpHeaderLength(head);
  let text = head.subarray(headerBytes).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const body = text.trimStart();
  // Complete lines of the head (LF, CRLF or CR-only ends); the last one may be cut off.
  const lines = body.split(/\r\n|\n|\r/).slice(0, -1).filter((line) => line.trim() !== '').slice(0, 8);
  if (lines.length === 0) return undefined;
  // A first line that is a whole JSON value means one value per line (NDJSON, or a one-line
  // response per line). So does a broken first line (truncated, garbage) followed by whole
  // objects, as long as no line continues a value (a line ending in "," belongs to a
  // pretty-printed or one-doc-per-line response, which is one streamed value).
  const whole = (line: string): boolean => {
    const trimmed = line.trim();
    return trimmed.startsWith('{') && isWholeJson(trimmed);
  };
  if (whole(lines[0]!)) return headerBytes;
  // A first line that opens a value (`[`, `{`, `"docs": [`) starts one pretty-printed value.
  if (body.startsWith('[') || /[[{:]\s*$/.test(lines[0]!)) return undefined;
  const continued = lines.some((line) => line.trimEnd().endsWith(','));
  return !continued && lines.slice(1).some(whole) ? headerBytes : undefined;
}

/**
 * A head that ends inside its first line at the record size limit: a line too long to be
 * a record. When it opens a document (not a response or an array, which are streamed
 * whatever their length) the input is read line by line, so that the line is one
 * `read.limit-exceeded` reject and every line after it a record; the header bytes to skip.
 */
function oversizedFirstLine(head: Buffer, maxRecordBytes: number): number | undefined {
  const headerBytes = httpHeaderLength(head);
  if (head.length < maxRecordBytes || head.indexOf(0x0a, headerBytes) !== -1 || head.indexOf(0x0d, headerBytes) !== -1) return undefined;
  let body = head.subarray(headerBytes, headerBytes + 256).toString('utf8');
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  body = body.trimStart();
  return body.startsWith('{') && !/^\{\s*"response(Header)?"\s*:/.test(body) ? headerBytes : undefined;
}

/**
 * The head of a Solr JSON input, long enough to hold its first line whole (up to `maxBytes`):
 * NDJSON whose first record is larger than a fixed peek must still be read line by line.
 */
export async function peekSolrJsonHead(input: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ head: Buffer; stream: AsyncIterable<Uint8Array> }> {
  let want = 64 * 1024;
  let peeked = await peekBytes(input, want);
  for (;;) {
    const headerBytes = httpHeaderLength(peeked.head);
    const complete = peeked.head.length < want || peeked.head.indexOf(0x0a, headerBytes) !== -1;
    if (complete || want >= maxBytes) return peeked;
    want = Math.min(want * 4, maxBytes);
    peeked = await peekBytes(peeked.stream, want);
  }
}

async function* splitSolrJson(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncGenerator<ReadBatch> {
  const { head, stream } = await peekSolrJsonHead(input, context.limits.maxRecordBytes);
  const lineHeaderBytes = context.lines?.headerBytes ?? lineDelimitedHeaderBytes(head) ?? oversizedFirstLine(head, context.limits.maxRecordBytes);
  if (lineHeaderBytes !== undefined) {
    const lines = lineChunks(stream, { targetBytes, maxLineBytes: context.limits.maxRecordBytes, skipBytes: lineHeaderBytes });
    for await (const chunk of lines) yield { kind: 'chunk', chunk };
    return;
  }
  // One JSON value (a response, an array): streamed here, token by token.
  const headerBytes = httpHeaderLength(head);
  let headerLines = 0;
  for (let at = head.indexOf(0x0a); at !== -1 && at < headerBytes; at = head.indexOf(0x0a, at + 1)) headerLines++;
  // A response or bare array: its documents array is cut at element boundaries for workers.
  yield* splitSolrJsonResponse(stream, context, targetBytes, headerBytes, (rest) => recordBatches(readStreamed(rest, context, headerBytes, 1 + headerLines)));
}

/** NDJSON lines: every non-blank line is a document, an array of documents, or a select response. */
function parseSolrJsonChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  if (chunk.kind === 'bytes') return parseSolrJsonElements(chunk, context);
  const records: RawRecord[] = [];
  for (const line of linesOf(lineChunkOf(chunk))) {
    if (line.oversizedBytes !== undefined) {
      const message = `Line ${line.line} is ${line.oversizedBytes} bytes long, over the record size limit of ${context.limits.maxRecordBytes}`;
      records.push(errorRecord('read.limit-exceeded', message, { file: context.file, line: line.line, byteOffset: line.byteOffset, ordinal: records.length + 1 }, truncate(line.text, 1 << 20)));
      continue;
    }
    records.push(...recordsFromJsonLine(line, context, records.length));
  }
  return records;
}

/** True when the text is one whole JSON value. */
export function isWholeJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * The records of one line of line-delimited Solr JSON (none for a blank line), numbered
 * from `ordinalBefore + 1`. Synchronous, so that batches of lines can be parsed anywhere
 * (worker threads included) with the same result as reading the file in order.
 */
export function recordsFromJsonLine(line: TextLine, context: ReadContext, ordinalBefore: number): RawRecord[] {
  if (line.text.trim() === '') return [];
  let ordinal = ordinalBefore;
  const position = (): SourcePosition => ({ file: context.file, line: line.line, byteOffset: line.byteOffset, ordinal: ++ordinal });
  if (line.invalidUtf8At !== undefined) {
    return [errorRecord('read.invalid-utf8', `Invalid UTF-8 byte at offset ${line.invalidUtf8At} (line ${line.line}); the line was not read`, { ...position(), byteOffset: line.invalidUtf8At }, line.text)];
  }
  if (line.text.length > context.limits.maxRecordBytes) {
    return [errorRecord('read.limit-exceeded', `Line ${line.line} is ${line.text.length} characters long, over the record size limit of ${context.limits.maxRecordBytes}`, position(), line.text)];
  }
  let value: unknown;
  try {
    value = parseJsonExact(line.text);
  } catch (error) {
    if (error instanceof JsonTooDeepError) return [errorRecord('read.limit-exceeded', `Line ${line.line} holds ${error.message}; the line was not read`, position(), line.text)];
    return [errorRecord('read.malformed', `Line ${line.line} is not valid JSON: ${(error as Error).message}`, position(), line.text)];
  }
  const records: RawRecord[] = [];
  for (const doc of docsOf(value)) {
    if (doc.kind === 'error') {
      records.push(errorRecord(doc.code, doc.message, position(), line.text));
    } else {
      const record = rawRecordFromSolrDoc(doc.doc, FORMAT, position(), context.limits);
      record.rawText = truncate(line.text, 1 << 20);
      records.push(record);
    }
  }
  return records;
}

type DocOrError = { kind: 'doc'; doc: unknown } | { kind: 'error'; code: IssueCode; message: string };

/** The documents inside one parsed JSON value: a response, an array, or a document. */
function docsOf(value: unknown): DocOrError[] {
  if (Array.isArray(value)) return value.map((doc) => ({ kind: 'doc', doc }));
  if (value !== null && typeof value === 'object' && 'response' in value) {
    const response = (value as { response: unknown }).response;
    const docs = response !== null && typeof response === 'object' ? (response as { docs?: unknown }).docs : undefined;
    if (!Array.isArray(docs)) {
      return [{ kind: 'error', code: 'read.not-a-record', message: `A Solr response whose "response.docs" is ${docs === undefined ? 'missing' : `not an array (${typeof docs})`}` }];
    }
    return docs.map((doc) => ({ kind: 'doc', doc }));
  }
  return [{ kind: 'doc', doc: value }];
}

/** Text is fed to the tokenizer in slices this long, so a syntax error loses little. */
const SLICE = 4096;

/**
 * One JSON value streamed token by token (stream-json's synchronous tokenizer). Documents
 * are assembled one at a time from `response.docs[*]` or from a top-level array; the rest
 * of a response (header, facets) is assembled only to learn that it is not a document.
 */
/** One JSON value streamed on this thread: a response the element scan cannot cut, and the oracle of its tests. */
export async function* readStreamed(
  stream: AsyncIterable<Uint8Array>,
  context: ReadContext,
  headerBytes: number,
  firstLine: number,
): AsyncGenerator<RawRecord> {
  const router = new DocumentRouter(context);
  const tokenize = jsonTokenizer({ packValues: true, streamValues: false });
  let byteOffset = 0;
  try {
    for await (const piece of decodeStrictly(stream, headerBytes)) {
      router.positions ??= new JsonOpenTracker(piece.textStartOffset, firstLine);
      for (let at = 0; at < piece.text.length; at += SLICE) {
        const slice = piece.text.slice(at, at + SLICE);
        router.positions.feed(slice);
        const tokens = tokenize(slice);
        if (tokens !== none) for (const token of getManyValues(tokens) as Token[]) router.consume(token);
        yield* router.drain();
      }
      byteOffset = piece.endOffset;
    }
    const rest = (tokenize as unknown as (end: typeof none) => ReturnType<typeof tokenize>)(none);
    if (rest !== none) for (const token of getManyValues(rest) as Token[]) router.consume(token);
    yield* router.drain();
  } catch (error) {
    yield* router.drain();
    if (error instanceof InvalidUtf8Error) {
      yield errorRecord('read.invalid-utf8', `Invalid UTF-8 byte at offset ${error.byteOffset}; reading of ${context.file} stopped after ${router.ordinal} records`, { file: context.file, byteOffset: error.byteOffset, ordinal: router.ordinal + 1 });
    } else {
      const message = (error as Error).message;
      yield errorRecord('read.malformed', `JSON syntax error after ${router.ordinal} records (in the bytes after offset ${byteOffset}): ${message}; reading of ${context.file} stopped`, { file: context.file, byteOffset, ordinal: router.ordinal + 1 });
    }
    return;
  }
  yield* router.finish();
}

class InvalidUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`Invalid UTF-8 byte at offset ${byteOffset}`);
  }
}

interface DecodedPiece {
  text: string;
  /** Bytes of input consumed so far. */
  endOffset: number;
  /** Byte offset of the piece's first character (exact for the first piece). */
  textStartOffset: number;
}

/**
 * Decodes bytes to text, failing with the byte offset of the first invalid byte (exact
 * even when a bad sequence starts in one chunk and ends in the next).
 */
async function* decodeStrictly(stream: AsyncIterable<Uint8Array>, skipBytes: number): AsyncGenerator<DecodedPiece> {
  const utf8 = new StrictUtf8Decoder();
  let offset = 0;
  let first = true;
  for await (const chunk of stream) {
    let bytes = Buffer.from(chunk);
    if (offset < skipBytes) {
      const skip = Math.min(bytes.length, skipBytes - offset);
      offset += skip;
      bytes = bytes.subarray(skip);
      if (bytes.length === 0) continue;
    }
    let textStartOffset = offset;
    let text = utf8.decode(bytes);
    if (text === undefined) {
      const invalidAt = utf8.invalidAt ?? offset;
      // Hand over the valid text before the bad byte, so the records in it are not lost.
      const valid = bytes.subarray(0, Math.max(0, invalidAt - offset));
      yield { text: stripBom(new TextDecoder('utf-8').decode(valid, { stream: true }), first), endOffset: invalidAt, textStartOffset };
      throw new InvalidUtf8Error(invalidAt);
    }
    // A leading BOM is not part of the JSON; positions still count its bytes.
    if (first && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      textStartOffset += 3;
    }
    first = false;
    offset += bytes.length;
    yield { text, endOffset: offset, textStartOffset };
  }
  const rest = utf8.end();
  if (rest === undefined) throw new InvalidUtf8Error(utf8.invalidAt ?? offset);
  yield { text: rest, endOffset: offset, textStartOffset: offset };
}

function stripBom(text: string, atStart: boolean): string {
  return atStart && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
