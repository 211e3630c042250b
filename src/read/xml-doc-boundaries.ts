/**
 * Finds where the documents of a Solr XML input end, without parsing it: a scan from `<`
 * to `<` on the bytes (tags are ASCII) that skips comments, CDATA sections and processing
 * instructions, tracks the element path outside documents and the nesting of `<doc>`
 * inside them. The input is cut after a top-level `</doc>`; each part is parsed later, on
 * any thread, with the open tags of the container (`<response><result ...>`) before it.
 * A scan that is lost in broken XML only cuts in odd places; the parsers report the error.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const LF = 0x0a;

/** One element open on the path outside documents, with its start tag as written. */
interface OpenElement {
  name: string;
  tag: string;
  /** A `<result>` other than the main one: its documents are not records. */
  other: boolean;
}

/** A run of whole documents, with where it starts in the input. */
export interface XmlPartBytes {
  bytes: Buffer;
  prefix: string;
  firstLine: number;
  firstByteOffset: number;
  ordinalBefore: number;
  last: boolean;
}

/** A document too large to keep: dropped unseen, reported by its place. */
export interface OversizedDocument {
  line: number;
  ordinal: number;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

export class XmlDocBoundaries {
  private buffer = Buffer.alloc(64 * 1024);
  private length = 0;
  /** `buffer` up to `length`: searches never run into bytes past the input. */
  private view = this.buffer.subarray(0, 0);
  /** Scan position in `buffer`; bytes before `cut` were handed out. */
  private at = 0;
  private cut = 0;
  private readonly path: OpenElement[] = [];
  private docDepth = 0;
  private docs = 0;
  private docStart = 0;
  private docLine = 0;
  /** Input offset of `buffer[0]`. */
  private offset = 0;
  /** Line feeds are counted up to `linesAt` in `buffer`; `lineNumber` is the line there. */
  private linesAt = 0;
  private lineNumber = 1;
  /** Where the part being built starts: its prefix, line and documents before it. */
  private partPrefix = '';
  private partLine = 1;
  private partOrdinal = 0;
  private skipping: OversizedDocument | undefined;
  /** End (in `buffer`) of the last top-level document seen. */
  private lastDocEnd = 0;

  /**
   * `onDocumentStart` is told of every top-level document start: its input offset, and the
   * open tags of its container and their end tags (what a reader of the bytes from there on
   * needs around them; `--shard` cuts Solr XML with it).
   */
  constructor(
    private readonly targetBytes: number,
    private readonly maxDocumentBytes: number,
    private readonly onDocumentStart?: (offset: number, frame: { opening: string; closing: string }) => void,
  ) {}

  /** Feeds bytes; returns the parts (and dropped documents) complete so far. */
  push(bytes: Uint8Array): Array<XmlPartBytes | OversizedDocument> {
    this.append(bytes);
    const out: Array<XmlPartBytes | OversizedDocument> = [];
    this.scan(out);
    // Valid input never holds more than a part and one document: more is a document over
    // the limit whose scan is stuck (a tag that never closes), or bytes that are not XML
    // outside documents (a flood of NUL bytes, /dev/zero). The document is dropped as an
    // oversized one; the junk goes out as a part of its own, which the parser reports.
    // Either way memory stays bounded.
    if (this.docDepth > 0 && this.skipping === undefined && this.length - this.docStart > this.maxDocumentBytes) {
      if (this.docStart > this.cut) out.push(this.part(this.docStart, false));
      this.skipping = { line: this.docLine, ordinal: this.docs + 1 };
    }
    if (this.skipping !== undefined) {
      this.countLinesTo(this.length);
      this.at = this.cut = this.docStart = this.length;
    } else if (this.length - this.cut > this.targetBytes + this.maxDocumentBytes) {
      out.push(this.part(this.length, false));
      this.at = this.length;
      this.docDepth = 0;
    }
    return out;
  }

  /** The rest of the input, as the last part. */
  finish(): Array<XmlPartBytes | OversizedDocument> {
    const out: Array<XmlPartBytes | OversizedDocument> = [];
    this.scan(out);
    out.push(this.part(this.length, true));
    return out;
  }

  private append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) {
      // Drop what was handed out, and grow by doubling: every byte is copied a bounded number of times.
      this.compact();
      if (this.length + bytes.length > this.buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes.length));
        this.buffer.copy(grown, 0, 0, this.length);
        this.buffer = grown;
      }
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    this.view = this.buffer.subarray(0, this.length);
  }

  private compact(): void {
    if (this.cut === 0) return;
    this.countLinesTo(this.cut);
    this.buffer.copy(this.buffer, 0, this.cut, this.length);
    this.offset += this.cut;
    this.length -= this.cut;
    this.at -= this.cut;
    this.docStart -= this.cut;
    this.lastDocEnd = Math.max(0, this.lastDocEnd - this.cut);
    this.linesAt -= this.cut;
    this.cut = 0;
    this.view = this.buffer.subarray(0, this.length);
  }

  /** Counts line feeds up to `position` (never backwards). */
  private countLinesTo(position: number): void {
    if (position <= this.linesAt) return;
    let from = this.linesAt;
    for (let newline = this.view.indexOf(LF, from); newline !== -1 && newline < position; newline = this.view.indexOf(LF, from)) {
      this.lineNumber++;
      from = newline + 1;
    }
    this.linesAt = position;
  }

  /** The line of `position`, which must not be before a position asked for earlier. */
  private lineAt(position: number): number {
    this.countLinesTo(position);
    return this.lineNumber;
  }

  private part(end: number, last: boolean): XmlPartBytes {
    const part: XmlPartBytes = {
      bytes: Buffer.from(this.buffer.subarray(this.cut, end)),
      prefix: this.partPrefix,
      firstLine: this.partLine,
      firstByteOffset: this.offset + this.cut,
      ordinalBefore: this.partOrdinal,
      last,
    };
    this.cut = end;
    this.partLine = this.lineAt(end);
    this.partOrdinal = this.docs;
    this.partPrefix = this.path.map((element) => element.tag).join('');
    return part;
  }

  private isDocumentPath(): boolean {
    const path = this.path;
    if (path.length === 1) return path[0]!.name === 'add';
    return path.length === 2 && path[0]!.name === 'response' && path[1]!.name === 'result' && !path[1]!.other;
  }

  /** End of the construct starting at `from` (`<!--`, `<![CDATA[`, `<?`), or -1 when more bytes are needed. */
  private endOf(from: number, terminator: string): number {
    const end = this.view.indexOf(terminator, from, 'latin1');
    return end === -1 || end >= this.length ? -1 : end + terminator.length;
  }

  /** End (after `>`) of a start or end tag at `from`, quotes respected, or -1. */
  private tagEnd(from: number): number {
    let quote = 0;
    for (let index = from + 1; index < this.length; index++) {
      const byte = this.buffer[index]!;
      if (quote !== 0) {
        if (byte === quote) quote = 0;
      } else if (byte === 0x22 || byte === 0x27) quote = byte;
      else if (byte === GT) return index + 1;
    }
    return -1;
  }

  private nameAt(from: number, end: number): string {
    let stop = from;
    while (stop < end && !isSpace(this.buffer[stop]) && this.buffer[stop] !== SLASH && this.buffer[stop] !== GT) stop++;
    return this.buffer.toString('latin1', from, stop);
  }

  private scan(out: Array<XmlPartBytes | OversizedDocument>): void {
    for (;;) {
      if (this.docDepth > 0 && this.at - this.docStart > this.maxDocumentBytes && this.skipping === undefined) {
        // Too large to keep: the part so far goes out, the document's bytes are dropped as they come.
        if (this.docStart > this.cut) out.push(this.part(this.docStart, false));
        this.skipping = { line: this.docLine, ordinal: this.docs + 1 };
      }
      if (this.skipping !== undefined) {
        // Keep the bytes scanned of a dropped document from piling up.
        this.countLinesTo(this.at);
        this.cut = this.at;
        this.docStart = this.at;
      }
      const lt = this.view.indexOf(LT, this.at);
      if (lt === -1 || lt >= this.length) {
        this.at = this.length;
        return;
      }
      const next = this.buffer[lt + 1];
      if (next === undefined || lt + 1 >= this.length) return void (this.at = lt);
      let end: number;
      if (next === BANG) {
        const opener = this.buffer.toString('latin1', lt, Math.min(lt + 9, this.length));
        if (opener.startsWith('<!--')) end = this.endOf(lt + 4, '-->');
        else if (opener.startsWith('<![CDATA[')) end = this.endOf(lt + 9, ']]>');
        else if (lt + 9 > this.length) return void (this.at = lt);
        else end = this.tagEnd(lt);
        if (end === -1) return void (this.at = lt);
        this.at = end;
        continue;
      }
      if (next === QUESTION) {
        end = this.endOf(lt + 2, '?>');
        if (end === -1) return void (this.at = lt);
        this.at = end;
        continue;
      }
      end = this.tagEnd(lt);
      if (end === -1) return void (this.at = lt);
      this.at = end;
      const closing = next === SLASH;
      const name = this.nameAt(closing ? lt + 2 : lt + 1, end);
      const selfClosing = !closing && this.buffer[end - 2] === SLASH;
      if (this.docDepth > 0) {
        if (name !== 'doc') continue;
        if (closing) this.docDepth--;
        else if (!selfClosing) this.docDepth++;
        if (this.docDepth === 0) this.documentEnded(end, out);
        continue;
      }
      if (closing) {
        this.path.pop();
        continue;
      }
      if (name === 'doc' && this.isDocumentPath()) {
        this.onDocumentStart?.(this.offset + lt, { opening: this.path.map((element) => element.tag).join(''), closing: this.path.map((element) => `</${element.name}>`).reverse().join('') });
        this.docStart = lt;
        this.docLine = this.lineAt(lt);
        if (selfClosing) this.documentEnded(end, out);
        else this.docDepth = 1;
        continue;
      }
      if (selfClosing) continue;
      const tag = this.buffer.toString('utf8', lt, end).replace(/[\r\n]/g, ' ');
      const parent = this.path[this.path.length - 1];
      const other = name === 'result' && parent?.name === 'response' && this.path.length === 1 && /\sname\s*=\s*["'](?!response["'])/.test(tag);
      this.path.push({ name, tag, other: other || (parent?.other ?? false) });
    }
  }

  /** The whole documents not handed out yet, when the input breaks off (the rest is lost with the fault). */
  flushComplete(): XmlPartBytes[] {
    return this.lastDocEnd > this.cut ? [this.part(this.lastDocEnd, false)] : [];
  }

  private documentEnded(end: number, out: Array<XmlPartBytes | OversizedDocument>): void {
    this.docs++;
    this.lastDocEnd = end;
    if (this.skipping !== undefined) {
      out.push(this.skipping);
      this.skipping = undefined;
      this.cut = end;
      this.partLine = this.lineAt(end);
      this.partOrdinal = this.docs;
      this.partPrefix = this.path.map((element) => element.tag).join('');
      return;
    }
    if (end - this.cut >= this.targetBytes) out.push(this.part(end, false));
  }
}

/** A top-level document start inside a part: its byte offset in the part and the container tags open there. */
export interface DocumentStart {
  offset: number;
  opening: string;
}

/**
 * The top-level document starts of one part, found by the same scan that cut the part and
 * started in the state the part starts in (its container's open tags), so that a reader
 * resuming after a syntax error resumes where cuts fall. Costs a scan of the part: callers
 * run it only after an error.
 */
export function documentStartsOf(prefix: string, bytes: Uint8Array): DocumentStart[] {
  const prefixBytes = Buffer.byteLength(prefix);
  const starts: DocumentStart[] = [];
  const scanner = new XmlDocBoundaries(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, (offset, frame) => {
    if (offset >= prefixBytes) starts.push({ offset: offset - prefixBytes, opening: frame.opening });
  });
  // Every start is seen once its tag is complete: `push` is enough (`finish` would copy the part out).
  scanner.push(Buffer.from(prefix));
  scanner.push(bytes);
  return starts;
}
