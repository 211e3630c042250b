import { isUtf8 } from 'node:buffer';
import type { XmlChunk } from './types.js';
import { invalidUtf8Offset } from './utf8.js';
import { documentStartsOf, type DocumentStart } from './xml-doc-boundaries.js';

/**
 * Where a reader of a Solr XML part goes on after a syntax error: the part's top-level
 * document starts, found by the scan that cut the part (so that resync points and cuts
 * agree), with their places in the part's text, lines and ordinals.
 */

/** A part's bytes and their text (the bytes up to `valid` are UTF-8; a BOM at the input's start is left out of `text`). */
export interface PartText {
  part: XmlChunk;
  bytes: Buffer;
  valid: number;
  text: string;
  bom: boolean;
}

export function partText(part: XmlChunk, bytes: Buffer): PartText {
  const valid = isUtf8(bytes) ? bytes.length : invalidUtf8Offset(bytes);
  const decoded = bytes.toString('utf8', 0, valid);
  const bom = part.firstByteOffset === 0 && decoded.charCodeAt(0) === 0xfeff;
  return { part, bytes, valid, text: bom ? decoded.slice(1) : decoded, bom };
}

/** Where a parser starts inside a part: the part's first byte, or a document start after a syntax error. */
export interface PartSegment {
  /** Byte offset in the part, and the same place in the part's text. */
  start: number;
  char: number;
  /** The container's open tags there. */
  prefix: string;
  line: number;
  /** Documents in the input before it. */
  ordinalBefore: number;
}

export class ResyncPoints {
  private readonly starts: Array<DocumentStart & { char: number; line: number }> = [];
  private index = 0;

  constructor(private readonly input: PartText) {
    const { part, bytes, valid } = input;
    let byte = input.bom ? 3 : 0;
    let char = 0;
    let line = part.firstLine;
    for (const start of documentStartsOf(part.prefix, bytes)) {
      if (start.offset >= valid) break;
      // Walked forwards once: the whole part costs one pass however many starts.
      char += bytes.toString('utf8', byte, start.offset).length;
      for (let newline = bytes.indexOf(0x0a, byte); newline !== -1 && newline < start.offset; newline = bytes.indexOf(0x0a, newline + 1)) line++;
      byte = start.offset;
      this.starts.push({ ...start, char, line });
    }
  }

  /**
   * The first document start at or after the byte where the error was found and past the
   * failed parser's own start (a parser failing at its first byte moves on).
   */
  after(errorByte: number, failedStart: number): PartSegment | undefined {
    const starts = this.starts;
    while (this.index < starts.length && (starts[this.index]!.offset < errorByte || starts[this.index]!.offset <= failedStart)) this.index++;
    const next = starts[this.index];
    if (next === undefined) return undefined;
    return { start: next.offset, char: next.char, prefix: next.opening, line: next.line, ordinalBefore: this.input.part.ordinalBefore + this.index };
  }

  /** The text from `char` (0 or a document start) on, cut before each document start after it, with where each piece starts and ends in the part. */
  *piecesFrom(char: number): Generator<{ text: string; startByte: number; endByte: number }> {
    const { text, valid } = this.input;
    let from = char;
    let fromByte = this.index < this.starts.length && this.starts[this.index]!.char === char ? this.starts[this.index]!.offset : 0;
    for (let index = this.index; index < this.starts.length; index++) {
      const start = this.starts[index]!;
      if (start.char <= from) continue;
      yield { text: text.slice(from, start.char), startByte: fromByte, endByte: start.offset };
      from = start.char;
      fromByte = start.offset;
    }
    if (from < text.length) yield { text: text.slice(from), startByte: fromByte, endByte: valid };
  }
}
