import { isUtf8 } from 'node:buffer';

export interface TextLine {
  /** The line without its terminator (LF or CRLF). */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the input. */
  byteOffset: number;
  /** Byte offset of the first invalid UTF-8 byte, when the line is not valid UTF-8. */
  invalidUtf8At?: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Offset of the byte at which `bytes` stops being valid UTF-8 (the slow path, only taken
 * for input already known to be bad). "A prefix decodes in stream mode" is monotonic in
 * the prefix length, so a binary search finds the first byte that cannot belong to valid
 * UTF-8. A sequence merely cut off at the end counts as invalid at the end.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0; // decodes(low) is true
  let high = bytes.length;
  if (decodes(high)) return bytes.length;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (decodes(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** One line from its bytes (LF excluded; a final CR is dropped), decoded and checked for UTF-8. */
export function textLine(bytes: Buffer, lineNumber: number, byteOffset: number): TextLine {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === CR) end -= 1;
  const body = bytes.subarray(0, end);
  const line: TextLine = { text: body.toString('utf8'), line: lineNumber, byteOffset };
  if (!isUtf8(body)) line.invalidUtf8At = byteOffset + firstInvalidUtf8Offset(body);
  return line;
}

/**
 * Splits a byte stream into lines, keeping line numbers and byte offsets exact. A UTF-8
 * BOM at the start is dropped; CRLF and LF both end a line; a missing final newline is
 * fine. Lines are decoded one at a time so that an invalid byte is reported with its
 * offset instead of being silently replaced.
 */
export async function* readLines(input: AsyncIterable<Uint8Array>): AsyncGenerator<TextLine> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = 0;
  let lineNumber = 0;
  let first = true;

  const emit = (bytes: Buffer, offset: number): TextLine => {
    first = false;
    lineNumber += 1;
    return textLine(bytes, lineNumber, offset);
  };

  for await (const chunk of input) {
    let buffer = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    let bufferOffset = pendingOffset;
    if (first && buffer.length >= 3) {
      first = false;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
        buffer = buffer.subarray(3);
        bufferOffset += 3;
      }
    }
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(LF, start);
      if (newline === -1) break;
      yield emit(buffer.subarray(start, newline), bufferOffset + start);
      start = newline + 1;
    }
    pending = buffer.subarray(start);
    pendingOffset = bufferOffset + start;
  }
  if (first && pending.length >= 3 && pending[0] === 0xef && pending[1] === 0xbb && pending[2] === 0xbf) {
    pending = pending.subarray(3);
    pendingOffset += 3;
  }
  if (pending.length > 0) yield emit(pending, pendingOffset);
}
