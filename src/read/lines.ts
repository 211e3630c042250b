import { isUtf8 } from 'node:buffer';
import { invalidUtf8Offset } from './utf8.js';

/**
 * The one line splitter. `lineChunks` cuts a byte stream into chunks of whole lines on the
 * main thread (searching only for line ends, never decoding); `linesOf` decodes the lines
 * of one chunk wherever the chunk is parsed (a worker thread included); `readLines` is the
 * two together, for readers that read on one thread.
 *
 * Bounded by construction: every byte is looked at once (no re-scanning of pending bytes,
 * so a 300 MB line costs linear time) and a line longer than `maxLineBytes` is never held
 * whole: its first bytes are kept and the rest is counted and dropped.
 */

export interface TextLine {
  /** The line without its terminator (LF, CRLF, or CR for CR-only input). */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the input. */
  byteOffset: number;
  /** Byte offset of the first invalid UTF-8 byte, when the line is not valid UTF-8. */
  invalidUtf8At?: number;
  /** Set when the line was longer than the cap: its full length in bytes (`text` holds only its start). */
  oversizedBytes?: number;
}

/** Whole lines cut from a stream, with where they start. */
export interface LineChunk {
  kind: 'lines';
  bytes: Buffer;
  /** 1-based number of the first line. */
  firstLine: number;
  firstByteOffset: number;
  /** Line terminator byte of this input: LF, or CR for CR-only (old Mac) input. */
  terminator: number;
}

/** A line over the cap: only its start was kept. */
export interface OversizedLine {
  kind: 'oversized';
  head: Buffer;
  line: number;
  byteOffset: number;
  /** Its whole length in bytes, terminator excluded. */
  length: number;
}

const LF = 0x0a;
const CR = 0x0d;
/** Bytes of an over-long line kept for its error record. */
const OVERSIZED_HEAD_BYTES = 64 * 1024;

/** One line from its bytes (terminator excluded; a final CR is dropped), decoded and checked for UTF-8. */
export function textLine(bytes: Buffer, lineNumber: number, byteOffset: number): TextLine {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === CR) end -= 1;
  const body = bytes.subarray(0, end);
  const line: TextLine = { text: body.toString('utf8'), line: lineNumber, byteOffset };
  if (!isUtf8(body)) line.invalidUtf8At = byteOffset + invalidUtf8Offset(body);
  return line;
}

/** The decoded lines of one chunk, numbered and placed as reading the whole input numbers them. */
export function* linesOf(chunk: LineChunk | OversizedLine): Generator<TextLine> {
  // A chunk posted to a worker thread arrives as a plain Uint8Array.
  const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (chunk.kind === 'oversized') {
    const line = textLine(asBuffer(chunk.head), chunk.line, chunk.byteOffset);
    line.oversizedBytes = chunk.length;
    yield line;
    return;
  }
  const bytes = asBuffer(chunk.bytes);
  const terminator = chunk.terminator;
  let lineNumber = chunk.firstLine;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(terminator, start);
    if (end === -1) end = bytes.length;
    yield textLine(bytes.subarray(start, end), lineNumber, chunk.firstByteOffset + start);
    lineNumber++;
    start = end + 1;
  }
}

function hasBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The terminator of an input from its first bytes: CR when there is a CR but no LF at all
 * (CR-only files), LF otherwise (CRLF lines end in LF; their CR is dropped per line).
 */
function terminatorOf(head: Buffer): number {
  return head.indexOf(LF) === -1 && head.indexOf(CR) !== -1 ? CR : LF;
}

export interface LineChunkOptions {
  /** About this many bytes per chunk (a chunk always ends at a line end). */
  targetBytes: number;
  /** Longest line kept whole; longer ones come as `OversizedLine`. */
  maxLineBytes: number;
  /** Bytes at the start that belong to no line chunk (an HTTP header); they still count in offsets and line numbers. */
  skipBytes?: number | undefined;
  /** The byte that ends a record, when it is not a line end (ISO 2709's record terminator 1D). */
  terminator?: number | undefined;
}

/**
 * Cuts a byte stream into chunks of whole lines of about `targetBytes`. A UTF-8 BOM at the
 * start is skipped (its bytes count in offsets); LF, CRLF and CR-only line ends are all
 * lines; a missing final newline is fine.
 */
// eslint-disable-next-line max-lines-per-function -- one pass over the bytes of every line format, its state in locals; split, that state would move into an object read for every byte
export async function* lineChunks(input: AsyncIterable<Uint8Array>, options: LineChunkOptions): AsyncGenerator<LineChunk | OversizedLine> {
  const { targetBytes, maxLineBytes } = options;
  let skip = options.skipBytes ?? 0;
  let terminator = LF;
  // Complete lines not yet handed out, and where they start.
  let whole: Buffer[] = [];
  let wholeBytes = 0;
  let wholeLines = 0;
  let offset = 0;
  let line = 1;
  // The line being assembled (no terminator seen yet).
  let partial: Buffer[] = [];
  let partialBytes = 0;
  let oversized: OversizedLine | undefined;

  const count = (bytes: Buffer): number => {
    let lines = 0;
    for (let at = bytes.indexOf(terminator); at !== -1; at = bytes.indexOf(terminator, at + 1)) lines++;
    return lines;
  };
  const join = (parts: Buffer[], length: number): Buffer => (parts.length === 1 ? parts[0]! : Buffer.concat(parts, length));
  /** The chunk's own copy of its bytes (never a view into a read buffer): it can be moved to a worker thread. */
  const own = (parts: Buffer[], length: number): Buffer => {
    const bytes = Buffer.allocUnsafeSlow(length);
    let at = 0;
    for (const part of parts) at += part.copy(bytes, at);
    return bytes;
  };
  function emit(): LineChunk | undefined {
    if (wholeBytes === 0) return undefined;
    const chunk: LineChunk = { kind: 'lines', bytes: own(whole, wholeBytes), firstLine: line, firstByteOffset: offset, terminator };
    offset += wholeBytes;
    line += wholeLines;
    whole = [];
    wholeBytes = 0;
    wholeLines = 0;
    return chunk;
  }
  /** Adds complete lines (ending in a terminator) to the chunk being built. */
  function addWhole(bytes: Buffer, lines: number): void {
    whole.push(bytes);
    wholeBytes += bytes.length;
    wholeLines += lines;
  }
  function* startOversized(head: Buffer[], length: number): Generator<LineChunk> {
    const flushed = emit();
    if (flushed) yield flushed;
    const start = join(head, head.reduce((sum, part) => sum + part.length, 0));
    oversized = { kind: 'oversized', head: Buffer.from(start.subarray(0, OVERSIZED_HEAD_BYTES)), line, byteOffset: offset, length };
    partial = [];
    partialBytes = 0;
  }
  function finishOversized(): OversizedLine {
    const done = oversized!;
    offset += done.length + 1;
    line += 1;
    oversized = undefined;
    return done;
  }

  function* feed(chunk: Buffer): Generator<LineChunk | OversizedLine> {
    let piece = chunk;
    while (piece.length > 0) {
      if (skip > 0) {
        // Header bytes: counted in offsets and line numbers, never chunked.
        const skipped = piece.subarray(0, Math.min(skip, piece.length));
        line += count(skipped);
        offset += skipped.length;
        skip -= skipped.length;
        piece = piece.subarray(skipped.length);
        continue;
      }
      const end = piece.indexOf(terminator);
      if (oversized !== undefined) {
        if (end === -1) {
          oversized.length += piece.length;
          return;
        }
        oversized.length += end;
        yield finishOversized();
        piece = piece.subarray(end + 1);
        continue;
      }
      if (end === -1) {
        if (partialBytes + piece.length > maxLineBytes) {
          yield* startOversized([...partial, piece], partialBytes + piece.length);
          return;
        }
        // A copy: a pending line start must not pin a whole read buffer.
        partial.push(Buffer.from(piece));
        partialBytes += piece.length;
        return;
      }
      if (partialBytes + end > maxLineBytes) {
        yield* startOversized([...partial, piece.subarray(0, end)], partialBytes + end);
        yield finishOversized();
        piece = piece.subarray(end + 1);
        continue;
      }
      // The first line ends here; when no line of the piece can be over the cap, take all
      // its complete lines at once, else this one line.
      const last = piece.length <= maxLineBytes ? piece.lastIndexOf(terminator) : end;
      const lines = last === end ? 1 : count(piece.subarray(0, last + 1));
      if (partialBytes > 0) {
        partial.push(piece.subarray(0, last + 1));
        addWhole(Buffer.concat(partial, partialBytes + last + 1), lines);
        partial = [];
        partialBytes = 0;
      } else addWhole(piece.subarray(0, last + 1), lines);
      if (wholeBytes >= targetBytes) yield emit()!;
      piece = piece.subarray(last + 1);
    }
  }

  let head: Buffer[] = [];
  let headBytes = 0;
  let started = false;
  const begin = function* (): Generator<LineChunk | OversizedLine> {
    started = true;
    let first = join(head, headBytes);
    head = [];
    terminator = options.terminator ?? terminatorOf(first);
    if (hasBom(first) && skip === 0) {
      first = first.subarray(3);
      offset = 3;
    }
    yield* feed(first);
  };
  try {
    for await (const raw of input) {
      const chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      if (started) {
        yield* feed(chunk);
        continue;
      }
      // The BOM and terminator checks need a few bytes, which the first read may not have.
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= 3 && (chunk.indexOf(LF) !== -1 || headBytes >= 4096)) yield* begin();
    }
  } catch (error) {
    // The input broke off (a cut or corrupt compressed stream): the whole lines read before
    // the fault are records like any others; the line in progress is not.
    if (!started) yield* begin();
    const flushed = emit();
    if (flushed) yield flushed;
    throw error;
  }
  if (!started) yield* begin();
  if (oversized !== undefined) {
    yield oversized;
    return;
  }
  if (partialBytes > 0) addWhole(join(partial, partialBytes), 1);
  const rest = emit();
  if (rest) yield rest;
}

/**
 * Splits a byte stream into decoded lines, keeping line numbers and byte offsets exact.
 * Lines are decoded one at a time so that an invalid byte is reported with its offset
 * instead of being silently replaced.
 */
export async function* readLines(input: AsyncIterable<Uint8Array>, maxLineBytes = Number.MAX_SAFE_INTEGER, skipBytes = 0): AsyncGenerator<TextLine> {
  for await (const chunk of lineChunks(input, { targetBytes: 64 * 1024, maxLineBytes, skipBytes })) yield* linesOf(chunk);
}
