import { isUtf8 } from 'node:buffer';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { JsonTooDeepError, MAX_JSON_DEPTH, parseJsonExact, quoteUnsafeIntegers } from './exact-json.js';
import { bytesAfter, peekBytes } from './peek.js';
import { rawRecordFromSolrDoc } from './solr-doc.js';
import { errorRecord, FORMAT } from './solr-json-documents.js';
import type { ByteChunk, ReadBatch, ReadContext, RecordChunk } from './types.js';
import { invalidUtf8Offset } from './utf8.js';

/**
 * A Solr JSON select response (`{"responseHeader":…,"response":{"docs":[…]}}`) or a bare
 * array of documents, cut for workers at the documents array's element boundaries. The
 * main thread only follows strings and brackets (no decoding, no values); each chunk is a
 * run of whole elements, parsed where it lands. What the scan cannot place (no documents
 * array in the first megabyte, a key written with escapes) is streamed on one thread, the
 * way every response was read before.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const COMMA = 0x2c;

/** How far into a response the documents array is looked for before it is streamed instead. */
const MAX_PREAMBLE_BYTES = 1024 * 1024;

/** Bytes of one document held at most before it is refused unseen (UTF-8 takes up to 4 bytes a character). */
const BYTES_PER_CHARACTER = 4;

/** The offset after the string whose opening quote is at `quoteAt`, or -1 when it does not end in `bytes`. */
function stringEnd(bytes: Uint8Array, quoteAt: number): number {
  const buffer = bytes as Buffer;
  let at = quoteAt + 1;
  for (;;) {
    const quote = buffer.indexOf(QUOTE, at);
    if (quote === -1) return -1;
    let backslashes = 0;
    while (quote - backslashes - 1 > quoteAt && bytes[quote - backslashes - 1] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Where the documents array's first element may start (just after its `[`), from the first
 * bytes of the input: a bare array's, or `response.docs`'s of a root object. Undefined when
 * the head holds no such array (the input is streamed).
 */
export function documentsStart(head: Buffer, from: number): number | undefined {
  // The path of containers: 'o' objects with their key, 'a' arrays.
  const path: Array<{ kind: 'o' | 'a'; key: string | undefined }> = [];
  let expectKey = false;
  let at = from;
  while (at < head.length) {
    const byte = head[at]!;
    if (byte === QUOTE) {
      const end = stringEnd(head, at);
      if (end === -1) return undefined;
      const top = path.at(-1);
      if (top?.kind === 'o' && expectKey) {
        top.key = head.subarray(at + 1, end - 1).toString('latin1');
        expectKey = false;
      }
      at = end;
      continue;
    }
    if (byte === 0x7b /* { */) {
      path.push({ kind: 'o', key: undefined });
      expectKey = true;
    } else if (byte === 0x5b /* [ */) {
      if (path.length === 0) return at + 1;
      if (path.length === 2 && path[0]!.key === 'response' && path[1]!.key === 'docs') return at + 1;
      path.push({ kind: 'a', key: undefined });
    } else if (byte === 0x7d /* } */ || byte === 0x5d /* ] */) {
      path.pop();
      if (path.length === 0) return undefined;
    } else if (byte === COMMA) {
      expectKey = path.at(-1)?.kind === 'o';
    } else if (!isSpace(byte) && path.length === 0) {
      return undefined;
    }
    at++;
  }
  return undefined;
}

/** Follows strings and brackets inside the documents array, across pieces of input. */
class ElementScanner {
  /** Depth below the documents array (0: between elements). */
  depth = 0;
  inString = false;
  escaped = false;
  /** The documents array was closed. */
  ended = false;
  /** Commas between elements seen so far. */
  commas = 0;

  /**
   * Scans `bytes[from..]`; returns the offset of the last comma between elements found (or
   * -1), stopping at the first such comma at or after `cutAt`, or where the array ends.
   */
  scan(bytes: Buffer, from: number, cutAt: number): { lastComma: number; stoppedAt: number } {
    let lastComma = -1;
    let at = from;
    while (at < bytes.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          at++;
          continue;
        }
        const quote = bytes.indexOf(QUOTE, at);
        const backslash = bytes.indexOf(BACKSLASH, at);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          this.escaped = true;
          at = backslash + 1;
          continue;
        }
        if (quote === -1) return { lastComma, stoppedAt: bytes.length };
        this.inString = false;
        at = quote + 1;
        continue;
      }
      const byte = bytes[at]!;
      if (byte === QUOTE) this.inString = true;
      else if (byte === 0x7b || byte === 0x5b) this.depth++;
      else if (byte === 0x7d || byte === 0x5d) {
        if (this.depth === 0) {
          this.ended = true;
          return { lastComma, stoppedAt: at };
        }
        this.depth--;
      } else if (byte === COMMA && this.depth === 0) {
        this.commas++;
        lastComma = at;
        if (at >= cutAt) return { lastComma, stoppedAt: at + 1 };
      }
      at++;
    }
    return { lastComma, stoppedAt: bytes.length };
  }
}

/**
 * Batches of a response or bare array: runs of whole elements as chunks. `streamed` reads
 * the input on this thread when its head holds no documents array the scan can find.
 */
export async function* splitSolrJsonResponse(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number, skipBytes: number, streamed: (input: AsyncIterable<Uint8Array>) => AsyncIterable<ReadBatch>): AsyncGenerator<ReadBatch> {
  const { head, stream } = await peekBytes(input, MAX_PREAMBLE_BYTES);
  const bom = head[skipBytes] === 0xef && head[skipBytes + 1] === 0xbb && head[skipBytes + 2] === 0xbf ? 3 : 0;
  const start = documentsStart(head, skipBytes + bom);
  if (start === undefined || !isUtf8(head.subarray(0, start))) {
    yield* streamed(stream);
    return;
  }
  const scanner = new ElementScanner();
  const maxElementBytes = context.limits.maxRecordBytes * BYTES_PER_CHARACTER + 64 * 1024;
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = start;
  let line = 1;
  for (let at = head.indexOf(LF); at !== -1 && at < start; at = head.indexOf(LF, at + 1)) line++;
  let elementsBefore = 0;
  let scanned = 0;
  let lastComma = -1;

  let commasBefore = 0;
  /**
   * `pending` up to `end` (a comma, or the array's end when `last`) as a chunk of whole
   * elements; `next` is where the following chunk starts. With invalid UTF-8 in it, the
   * elements wholly before the bad byte and a record that stops the input instead.
   */
  const take = (end: number, next: number, last: boolean): ReadBatch[] | { batch: ReadBatch; stop: false } => {
    const bytes = pending.subarray(0, end);
    const tail = bytes.subarray(bytes.lastIndexOf(COMMA) + 1);
    const elements = scanner.commas - commasBefore + (last && tail.some((byte) => !isSpace(byte)) ? 1 : 0);
    if (!isUtf8(bytes)) return stopAtInvalidUtf8(bytes, pendingOffset, chunkOf, elementsBefore, context);
    const chunk = chunkOf(bytes);
    for (let at = pending.indexOf(LF); at !== -1 && at < next; at = pending.indexOf(LF, at + 1)) line++;
    pendingOffset += next;
    pending = pending.subarray(next);
    scanned -= next;
    lastComma = -1;
    elementsBefore += elements;
    commasBefore = scanner.commas;
    return { batch: { kind: 'chunk', chunk }, stop: false };
  };
  const chunkOf = (bytes: Buffer): ByteChunk => ({ kind: 'bytes', bytes, firstLine: line, firstByteOffset: pendingOffset, ordinalBefore: elementsBefore });

  for await (const bytes of bytesAfter(stream, start)) {
    if (scanner.ended) continue;
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    for (;;) {
      const { lastComma: comma, stoppedAt } = scanner.scan(pending, scanned, targetBytes);
      scanned = stoppedAt;
      if (comma !== -1) lastComma = comma;
      if (scanner.ended) {
        const taken = take(stoppedAt, stoppedAt, true);
        if (Array.isArray(taken)) return yield* taken;
        yield taken.batch;
        break;
      }
      if (lastComma === -1 || lastComma < targetBytes) break;
      const taken = take(lastComma, lastComma + 1, false);
      if (Array.isArray(taken)) return yield* taken;
      yield taken.batch;
    }
    if (!scanner.ended && pending.length - (lastComma + 1) > maxElementBytes) {
      yield { kind: 'records', records: [errorRecord('read.limit-exceeded', `Document ${elementsBefore + 1} is larger than the record size limit of ${context.limits.maxRecordBytes} characters; reading of ${context.file} stopped`, { file: context.file, byteOffset: pendingOffset, ordinal: 1 })] };
      return;
    }
  }
  if (scanner.ended) return;
  // The input ended inside the documents array: the whole elements are read, the cut-off one is reported.
  const end = lastComma === -1 ? 0 : lastComma;
  const partialFrom = lastComma === -1 ? 0 : lastComma + 1;
  const partial = pending.subarray(partialFrom);
  const partialStart = partial.findIndex((byte) => !isSpace(byte));
  if (end > 0) {
    const taken = take(end, partialFrom, false);
    if (Array.isArray(taken)) return yield* taken;
    yield taken.batch;
  }
  yield { kind: 'records', records: [cutOffRecord(pending.subarray(0, partialStart + (end > 0 ? 0 : partialFrom) + 1), line, pendingOffset, elementsBefore, context)] };
}

/**
 * The record for an input that ends inside the documents array: `before` ends with the
 * cut-off element's first byte (a bracket gives it a position, as the streamed reader's).
 */
function cutOffRecord(before: Buffer, line: number, offset: number, elementsBefore: number, context: ReadContext): RawRecord {
  const source: SourcePosition = { file: context.file, ordinal: 1 };
  const opener = before.length > 0 ? before[before.length - 1] : undefined;
  if (opener === 0x7b || opener === 0x5b) {
    let lineAt = line;
    for (let at = before.indexOf(LF); at !== -1; at = before.indexOf(LF, at + 1)) lineAt++;
    source.line = lineAt;
    source.byteOffset = offset + before.length - 1;
  }
  return errorRecord('read.malformed', `The JSON input ends early (truncated after ${elementsBefore} records); reading of ${context.file} stopped`, source);
}

/**
 * A run of elements with invalid UTF-8 in it: the elements wholly before the bad byte, then
 * the record that stops the input there (the streamed reader's message).
 */
function stopAtInvalidUtf8(bytes: Buffer, offset: number, chunkOf: (whole: Buffer) => ByteChunk, elementsBefore: number, context: ReadContext): ReadBatch[] {
  const invalidAt = invalidUtf8Offset(bytes);
  const lastWhole = bytes.subarray(0, invalidAt).lastIndexOf(COMMA);
  const batches: ReadBatch[] = [];
  let read = elementsBefore;
  if (lastWhole !== -1) {
    const whole = bytes.subarray(0, lastWhole);
    batches.push({ kind: 'chunk', chunk: chunkOf(whole) });
    const counter = new ElementScanner();
    counter.scan(whole, 0, Infinity);
    read += counter.commas + 1;
  }
  const at = offset + invalidAt;
  batches.push({ kind: 'records', records: [errorRecord('read.invalid-utf8', `Invalid UTF-8 byte at offset ${at}; reading of ${context.file} stopped after ${read} records`, { file: context.file, byteOffset: at, ordinal: 1 })] });
  return batches;
}

/** The records of one run of elements, numbered from 1: each element parsed on its own. */
export function parseSolrJsonElements(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  if (chunk.kind !== 'bytes') throw new Error(`solr-json parses its own chunks, not ${chunk.kind}`);
  const bytes = Buffer.isBuffer(chunk.bytes) ? chunk.bytes : Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const records: RawRecord[] = [];
  const scanner = new ElementScanner();
  let line = chunk.firstLine;
  let lineCountedTo = 0;
  let from = 0;
  while (from <= bytes.length) {
    const { lastComma } = scanner.scan(bytes, from, from);
    const end = lastComma === -1 ? bytes.length : lastComma;
    let start = from;
    while (start < end && isSpace(bytes[start]!)) start++;
    if (start < end) {
      for (let at = bytes.indexOf(LF, lineCountedTo); at !== -1 && at < start; at = bytes.indexOf(LF, at + 1)) line++;
      lineCountedTo = start;
      records.push(elementRecord(bytes.subarray(start, end), { file: context.file, line, byteOffset: chunk.firstByteOffset + start, ordinal: records.length + 1 }, chunk.ordinalBefore + records.length + 1, context));
    }
    if (lastComma === -1) break;
    from = lastComma + 1;
  }
  return records;
}

function elementRecord(bytes: Buffer, source: SourcePosition, number: number, context: ReadContext): RawRecord {
  const text = bytes.toString('utf8');
  const opener = bytes[0];
  let value: unknown;
  try {
    value = parseJsonExact(quoteUnsafeIntegers(text, true));
  } catch (error) {
    if (error instanceof JsonTooDeepError) return errorRecord('read.limit-exceeded', `Document ${number} nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels; it was skipped`, source, text);
    return errorRecord('read.malformed', `Document ${number} is not valid JSON: ${(error as Error).message}`, source, text);
  }
  if (opener !== 0x7b) {
    const position: SourcePosition = opener === 0x5b ? source : { file: source.file, ordinal: source.ordinal };
    return errorRecord('read.not-a-record', `Element ${number} of the documents array is not a JSON object`, position, Array.isArray(value) ? 'startArray' : String(value));
  }
  if (text.length > context.limits.maxRecordBytes) {
    // Named by its id, as the streamed reader names it, so the reject says which record it was.
    const id = (value as Record<string, unknown>).id;
    const which = `Document ${number}${typeof id === 'string' ? ` (id "${id}")` : ''}`;
    const record = errorRecord('read.limit-exceeded', `${which} is larger than the record size limit of ${context.limits.maxRecordBytes} characters; it was skipped`, source, text);
    record.issues[0]!.expected = `at most ${context.limits.maxRecordBytes} characters per record (--max-record-bytes)`;
    if (typeof id === 'string') {
      record.fields.id = id;
      for (const issue of record.issues) issue.recordId = id;
    }
    return record;
  }
  return rawRecordFromSolrDoc(value, FORMAT, source, context.limits);
}
