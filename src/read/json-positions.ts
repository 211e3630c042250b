/** Where an opening bracket stands in the input. */
export interface OpenPosition {
  /** 1-based line. */
  line: number;
  /** 0-based byte offset of the bracket. */
  byteOffset: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** UTF-8 bytes of the UTF-16 code unit `code` (a surrogate pair counts 2 + 2). */
function utf8Bytes(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return 2;
  return 3;
}

/**
 * UTF-8 bytes of `text[from, to)`. A slice may split a surrogate pair; each half counts
 * 2 bytes (the pair's 4), where Buffer.byteLength would count a lone half as 3.
 */
function utf8Length(text: string, from: number, to: number): number {
  if (from >= to) return 0;
  let bytes = Buffer.byteLength(text.slice(from, to));
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
  if (first >= 0xdc00 && first <= 0xdfff) bytes -= 1;
  if (last >= 0xd800 && last <= 0xdbff) bytes -= 1;
  return bytes;
}

/**
 * Follows the bracket structure of JSON text fed in slices, alongside a tokenizer that
 * reports no positions, and records where each bracket that opens at depth <= `maxDepth`
 * stands. A reader takes these in order, one per shallow opening token it sees, so that a
 * streamed Solr document gets an exact line and byte offset. Strings are skipped with
 * `indexOf`, so the cost stays small beside tokenizing.
 */
export class JsonOpenTracker {
  private readonly opens: OpenPosition[] = [];
  private depth = 0;
  private inString = false;
  /** A backslash ended the previous slice inside a string. */
  private escaped = false;
  private line: number;
  private searchedText: string | undefined;
  private backslashAt = -1;
  private searchedFrom = 0;
  private byteOffset: number;

  constructor(startByteOffset: number, startLine: number, private readonly maxDepth = 3) {
    this.byteOffset = startByteOffset;
    this.line = startLine;
  }

  feed(text: string): void {
    let at = 0;
    while (at < text.length) {
      if (this.inString) {
        at = this.skipString(text, at);
        continue;
      }
      const code = text.charCodeAt(at);
      if (code === QUOTE) {
        this.inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (this.depth <= this.maxDepth) this.opens.push({ line: this.line, byteOffset: this.byteOffset });
        this.depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth--;
      } else if (code === NEWLINE) {
        this.line++;
      }
      this.byteOffset += utf8Bytes(code);
      at++;
    }
  }

  /** The position of the next shallow opening bracket, in input order. */
  next(): OpenPosition | undefined {
    return this.opens.shift();
  }

  /**
   * The next backslash at or after `from`, remembered per slice: searching afresh for
   * every string would rescan a slice without backslashes once per string (quadratic).
   */
  private nextBackslash(text: string, from: number): number {
    if (text !== this.searchedText || from < this.searchedFrom || (this.backslashAt !== -1 && this.backslashAt < from)) {
      this.searchedText = text;
      this.searchedFrom = from;
      this.backslashAt = text.indexOf('\\', from);
    }
    return this.backslashAt;
  }

  /** Skips string content from `at`; returns where scanning goes on. */
  private skipString(text: string, at: number): number {
    let index = at;
    if (this.escaped) {
      this.escaped = false;
      this.byteOffset += utf8Bytes(text.charCodeAt(index));
      index++;
    }
    for (;;) {
      const quote = text.indexOf('"', index);
      const backslash = this.nextBackslash(text, index);
      const stop = quote === -1 ? backslash : backslash === -1 ? quote : Math.min(quote, backslash);
      if (stop === -1) {
        this.byteOffset += utf8Length(text, index, text.length);
        return text.length;
      }
      this.byteOffset += utf8Length(text, index, stop) + 1;
      if (text.charCodeAt(stop) === BACKSLASH) {
        if (stop + 1 >= text.length) {
          this.escaped = true;
          return text.length;
        }
        this.byteOffset += utf8Bytes(text.charCodeAt(stop + 1));
        index = stop + 2;
        continue;
      }
      if (text.charCodeAt(stop) === QUOTE) {
        this.inString = false;
        return stop + 1;
      }
    }
  }
}
