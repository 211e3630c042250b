import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { isMultiValued } from '../biblio-schema/index.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { rawRecordFromSolrDoc } from './solr-doc.js';
import type { ReadContext } from './types.js';
import { attributeChars, attributeProblem, MarkupLengthGuard, PrologGuard } from './xml-guards.js';

/**
 * The documents of Solr XML text, parsed with a SAX parser one `<doc>` at a time into raw
 * records (src/read/solr-xml.ts feeds it a whole input or one part of one).
 */

const FORMAT = 'solr-xml';

/** Typed value elements of Solr's XML response writer. */
const SCALAR_TAGS = new Set(['str', 'long', 'int', 'float', 'double', 'bool', 'date', 'short', 'byte']);

/** One element inside a document, built while its children stream past. */
interface XmlNode {
  tag: string;
  name: string | undefined;
  text: string;
  children: XmlNode[];
}

/** What an element costs against the record size limit besides its text (so that a flood of empty elements is caught too). */
const ELEMENT_COST = 32;

/**
 * Deepest element nesting inside a document: Solr writes 3 levels (doc, arr, str) and a
 * few more for child documents. Deeper trees are refused, never walked (no stack overflow).
 */
export const MAX_XML_DEPTH = 64;

type ValueTree = string | null | ValueTree[] | { [name: string]: ValueTree };

/** Control characters Solr's XML writer turns into `#NN;` (XML 1.0 cannot hold them at all). */
const SOLR_CONTROL_ESCAPE = /#([0-9]{1,2});/g;

/**
 * Undoes Solr's escaping of control characters: its XML writer writes U+001E as the text
 * `#30;` (not `&#30;`, which strict parsers refuse), and MARC records in `fullrecord` are
 * full of them. Tab, LF and CR are never escaped, so `#9;` `#10;` `#13;` stay as they are.
 */
function unescapeSolrControls(text: string): string {
  if (!text.includes('#')) return text;
  return text.replace(SOLR_CONTROL_ESCAPE, (whole, digits: string) => {
    const code = Number(digits);
    return code < 32 && code !== 9 && code !== 10 && code !== 13 ? String.fromCharCode(code) : whole;
  });
}

/** The value a Solr XML element stands for, in the shape the JSON writer would give it. */
function valueOf(node: XmlNode): ValueTree {
  if (SCALAR_TAGS.has(node.tag)) return unescapeSolrControls(node.text);
  if (node.tag === 'null') return null;
  if (node.tag === 'arr') return node.children.map(valueOf);
  if (node.tag === 'lst' || node.tag === 'doc') return objectOf(node.children);
  // `<field>` of an update document: text, or (child documents) the nested elements.
  if (node.children.length === 0) return unescapeSolrControls(node.text);
  return node.children.length === 1 ? valueOf(node.children[0]!) : node.children.map(valueOf);
}

function objectOf(children: readonly XmlNode[]): { [name: string]: ValueTree } {
  // No prototype: a field named `__proto__` stays a field.
  const object: { [name: string]: ValueTree } = Object.create(null) as { [name: string]: ValueTree };
  for (const child of children) object[child.name ?? child.tag] = valueOf(child);
  return object;
}

/** An update document: repeated `<field>`s and fields the schema calls multi-valued become lists. */
function updateDocObject(children: readonly XmlNode[]): { [name: string]: ValueTree } {
  const object: { [name: string]: ValueTree } = Object.create(null) as { [name: string]: ValueTree };
  const counts = new Map<string, number>();
  for (const child of children) counts.set(child.name ?? child.tag, (counts.get(child.name ?? child.tag) ?? 0) + 1);
  for (const child of children) {
    const name = child.name ?? child.tag;
    const value = valueOf(child);
    if ((counts.get(name) ?? 0) > 1 || isMultiValued(name)) {
      const list = object[name];
      if (Array.isArray(list)) list.push(value);
      else object[name] = [value];
    } else {
      object[name] = value;
    }
  }
  return object;
}

export function errorRecord(code: IssueCode, message: string, source: SourcePosition): RawRecord {
  return { format: FORMAT, source, fields: {}, issues: [makeIssue(code, { message, source })] };
}

/** Where a part of an input starts, for a parser that reads only that part. */
export interface XmlPart {
  /** Open tags of the container the part's documents sit in (`<response><result ...>`), for parts after the first. */
  prefix: string;
  firstLine: number;
  firstByteOffset: number;
  /** Documents in the input before this part. */
  ordinalBefore: number;
  /** The last part closes the root element; a part before it ends inside the root. */
  last: boolean;
}

/** How a parser of part of an input tells where it is in the input's bytes. */
export interface PartPlace {
  /** Documents before the first one this parser reads (the part's own count starts at `XmlPart.ordinalBefore`). */
  ordinalBefore: number;
  /** The input's byte offset of a position in the text fed (prefix included). */
  byteOffsetAt(position: number): number;
}

/** Thrown from a parser event to end the write in progress; never leaves this module. */
const STOP_PARSING = new Error('stop parsing');

export const WHOLE_INPUT: XmlPart = { prefix: '', firstLine: 1, firstByteOffset: 0, ordinalBefore: 0, last: true };

/**
 * The Solr XML documents of an input, or of one part of it, fed as text; records come out
 * of `take()`. Positions are those of the whole input.
 */
export class XmlDocParser {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly ready: RawRecord[] = [];
  private ordinal: number;
  failed = false;
  /** Where in the text fed (prefix included) a syntax error stopped the parser, if one did. */
  syntaxErrorAt: number | undefined;
  /** Where the last document closed: saxes closes elements left open by a stray end tag, then reports it. */
  private docClosedAt = -1;
  // Where we are: the element stack outside documents, the node stack inside one.
  private readonly path: string[] = [];
  private docKind: 'response' | 'update' | undefined;
  private docNodes: XmlNode[] = []; // [doc, field, value...] while inside a document
  private docLine = 0;
  private docChars = 0;
  private docTooLarge = false;
  /** Why the document is refused, once it is (its content is no longer kept). */
  private docRefusal: string | undefined;
  private readonly guard = new PrologGuard();
  /** Measures tags, comments and CDATA sections as text arrives (see MarkupLengthGuard). */
  private readonly markup: MarkupLengthGuard;
  private rootSeen = false;

  /** The contract numbers a chunk's records from 1; `ordinal` counts the whole input's, for messages. */
  private localOrdinal(): number {
    return this.ordinal - this.part.ordinalBefore;
  }

  // eslint-disable-next-line max-lines-per-function -- the SAX handlers are registered together so that the order of parser events reads top to bottom
  constructor(private readonly context: ReadContext, private readonly part: XmlPart, private readonly place?: PartPlace) {
    this.ordinal = place?.ordinalBefore ?? part.ordinalBefore;
    this.markup = new MarkupLengthGuard(context.limits.maxRecordBytes);
    const { parser } = this;
    const { file, limits } = context;
    parser.on('opentagstart', () => {
      this.rootSeen = true;
    });
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (this.failed) return;
      const name = typeof tag.attributes.name === 'string' ? tag.attributes.name : undefined;
      if (this.docNodes.length > 0) {
        const node: XmlNode = { tag: tag.name, name, text: '', children: [] };
        this.docChars += ELEMENT_COST + attributeChars(tag).total;
        const problem = attributeProblem(tag, limits);
        if (problem !== undefined) this.markTooLarge(`holds ${problem}`);
        else if (this.docNodes.length >= MAX_XML_DEPTH) this.markTooLarge(`nests elements deeper than ${MAX_XML_DEPTH} levels`);
        else if (this.docChars > limits.maxRecordBytes) this.markTooLarge();
        // Past the limit the nodes only keep the nesting balanced; nothing is attached.
        if (!this.docTooLarge) this.docNodes[this.docNodes.length - 1]!.children.push(node);
        this.docNodes.push(node);
        return;
      }
      const path = this.path;
      const problem = attributeProblem(tag, limits);
      if (problem !== undefined) {
        this.stop(errorRecord('read.limit-exceeded', `Line ${this.line()} holds ${problem}; ${this.stopNote()} after ${this.ordinal} records`, { file, line: this.line(), ordinal: this.localOrdinal() + 1 }));
        return;
      }
      if (path.length === 0 && tag.name !== 'response' && tag.name !== 'add') {
        this.stop(errorRecord('read.not-a-record', `The XML root element is <${tag.name}>, not a Solr <response> or <add>; reading of ${file} stopped`, { file, line: this.line() }));
        return;
      }
      // Only the main result holds the documents (not grouped or "more like this" results).
      if (path.length === 1 && path[0] === 'response' && tag.name === 'result' && name !== undefined && name !== 'response') {
        path.push('other-result');
        return;
      }
      if (isDocumentStart(path, tag.name)) {
        this.docKind = path[0] === 'add' ? 'update' : 'response';
        this.docNodes = [{ tag: 'doc', name, text: '', children: [] }];
        this.docLine = this.line();
        this.docChars = attributeChars(tag).total;
        this.docTooLarge = false;
        this.docRefusal = undefined;
        return;
      }
      path.push(tag.name);
    });
    const addText = (text: string): void => {
      if (this.failed || this.docNodes.length === 0 || this.docTooLarge) return;
      this.docChars += text.length;
      if (this.docChars > limits.maxRecordBytes) {
        this.markTooLarge();
        return;
      }
      this.docNodes[this.docNodes.length - 1]!.text += text;
    };
    parser.on('text', addText);
    parser.on('cdata', addText);
    parser.on('closetag', () => {
      if (this.failed) return;
      if (this.docNodes.length === 0) {
        this.path.pop();
        return;
      }
      const node = this.docNodes.pop()!;
      if (this.docNodes.length > 0) return;
      this.ordinal++;
      this.docClosedAt = parser.position;
      const source: SourcePosition = { file, line: this.docLine, ordinal: this.localOrdinal() };
      if (this.docTooLarge) {
        const why = this.docRefusal ?? `is larger than the record size limit of ${limits.maxRecordBytes} characters`;
        this.ready.push(errorRecord('read.limit-exceeded', `Document ${this.ordinal} (line ${this.docLine}) ${why}; it was skipped`, source));
        return;
      }
      const doc = this.docKind === 'update' ? updateDocObject(node.children) : objectOf(node.children);
      this.ready.push(rawRecordFromSolrDoc(doc, FORMAT, source, limits));
    });
    parser.on('doctype', () => {
      // Unreachable when the prolog guard works; kept so that no DOCTYPE is ever honoured.
      this.stop(errorRecord('read.entity-declaration', `${file}: XML input declares a DOCTYPE (line ${this.line()}); bibpipe never expands entities, reading stopped`, { file, line: this.line() }));
    });
    parser.on('error', (error: Error) => {
      if (this.failed) return;
      this.syntaxErrorAt = parser.position;
      if (this.docClosedAt === parser.position && this.ready.length > 0) {
        // The end tag that closed the document is the error: the document is its reject, not a record.
        this.ready.pop();
        this.ordinal--;
      }
      const ordinal = this.localOrdinal() + 1;
      if (this.place === undefined) {
        this.stop(errorRecord('read.malformed', `XML syntax error at line ${this.line()}, column ${parser.column} after ${this.ordinal} records: ${error.message}; reading of ${file} stopped`, { file, line: this.line(), ordinal }));
        return;
      }
      // A part's reader goes on at the next document (see parseSolrXmlChunk): the message
      // names no column and no count of records before (a line shared with earlier documents, a
      // shard's own count: both depend on where the input was cut); the reject's ordinal places it.
      const byteOffset = this.place.byteOffsetAt(Math.max(0, parser.position - 1));
      this.stop(errorRecord('read.malformed', `XML syntax error at line ${this.line()} (byte offset ${byteOffset}): ${error.message.replace(/^\d+:\d+: /, '')}; the document was skipped, reading goes on at the next document`, { file, line: this.line(), byteOffset, ordinal }));
    });
    if (part.prefix !== '') {
      // The container's open tags, so that this part's documents are where they were.
      this.guard.skipBytes(part.firstByteOffset - Buffer.byteLength(part.prefix));
      this.feed(part.prefix);
    } else {
      this.guard.skipBytes(part.firstByteOffset);
    }
  }

  /** The input's line of the parser's position (a prefix adds no line). */
  private line(): number {
    return this.part.firstLine - 1 + this.parser.line;
  }

  private stopNote(): string {
    return this.part.last ? `reading of ${this.context.file} stopped` : `the rest of ${this.context.file} up to its next document boundary was skipped`;
  }

  private stop(record: RawRecord): void {
    if (this.failed) return;
    this.failed = true;
    this.ready.push(record);
    // Inside a parser event: end the write at once. saxes goes on through the rest of the
    // text after an error, calling back for every further bad character (a flood of NUL
    // bytes would cost time quadratic in its length); nothing after the stop is wanted.
    if (this.writing) throw STOP_PARSING;
  }

  private writing = false;

  /** Feeds the parser; a stop inside one of its events ends the write (see `stop`). */
  private write(text: string): void {
    this.writing = true;
    try {
      this.parser.write(text);
    } catch (error) {
      if (error !== STOP_PARSING) throw error;
    } finally {
      this.writing = false;
    }
  }

  /** Drops what the document held so far; the rest of it is skipped. */
  private markTooLarge(why?: string): void {
    this.docTooLarge = true;
    this.docRefusal ??= why;
    this.docNodes[0]!.children = [];
  }

  /**
   * A tag (with its attributes), comment or CDATA section is held whole by the parser: one
   * that grows past the record size limit stops the part before it exhausts memory.
   */
  feed(whole: string): void {
    if (this.failed) return;
    const overAt = this.markup.scan(whole);
    if (overAt === undefined) {
      this.feedChecked(whole);
      return;
    }
    this.feedChecked(whole.slice(0, overAt));
    const { file, limits } = this.context;
    this.stop(errorRecord('read.limit-exceeded', `A tag, comment or CDATA section from line ${this.line()} is longer than ${limits.maxRecordBytes} characters; ${this.stopNote()} after ${this.ordinal} records`, { file, line: this.line(), ordinal: this.localOrdinal() + 1 }));
  }

  private feedChecked(text: string): void {
    let rest = text;
    while (rest.length > 0 && !this.failed) {
      if (this.rootSeen) {
        this.write(this.guard.release() + rest);
        return;
      }
      const step = this.guard.scan(rest);
      if (step.pass.length > 0) this.write(step.pass);
      if (step.declaration === undefined || this.failed) return;
      // The parser has seen everything before the declaration: inside the root element it
      // is content (CDATA, a comment), which the parser itself judges.
      if (this.rootSeen) {
        rest = step.rest;
        continue;
      }
      const { file } = this.context;
      this.stop(errorRecord('read.entity-declaration', `${file}: XML input declares ${step.declaration.what} at byte offset ${step.declaration.byteOffset}; bibpipe never expands entities, reading stopped`, { file, byteOffset: step.declaration.byteOffset, ordinal: this.localOrdinal() + 1 }));
    }
  }

  /** Bytes that are not UTF-8 (`at` is an offset into the whole input): the rest of the part is not read. */
  invalidUtf8(at: number, atEnd: boolean): void {
    const { file } = this.context;
    const what = atEnd ? `The input ends inside a UTF-8 sequence (offset ${at})` : `Invalid UTF-8 byte at offset ${at}`;
    const note = this.part.last ? `reading of ${file} stopped after ${this.ordinal} records` : `the rest of ${file} up to its next document boundary was skipped`;
    this.stop(errorRecord('read.invalid-utf8', `${what}; ${note}`, { file, byteOffset: at, ordinal: this.localOrdinal() + 1 }));
  }

  /** A BOM was taken off the text: its bytes still count in offsets. */
  skipBom(): void {
    this.guard.skipBytes(3);
  }

  /** After the last text of the part. */
  end(): void {
    if (this.failed) return;
    const held = this.guard.release();
    if (held.length > 0) this.write(held);
    // A part before the last ends inside the root: only the last one may close it.
    if (!this.failed && this.part.last) {
      this.writing = true;
      try {
        this.parser.close();
      } catch (error) {
        if (error !== STOP_PARSING) throw error;
      } finally {
        this.writing = false;
      }
    }
  }

  /** True inside a top-level document (the parser has not seen its end tag yet). */
  get insideDocument(): boolean {
    return this.docNodes.length > 0;
  }

  /**
   * The scan that cuts parts found the next document (or the part's end) here while the
   * parser is still inside one: the document's bytes do not close it (an entity reference
   * without `;` swallows what follows). It is a syntax error of that document, named by
   * where it starts (`byteOffset`), wherever the input was cut.
   */
  unclosedDocument(byteOffset: number): void {
    const { file } = this.context;
    this.stop(errorRecord('read.malformed', `XML syntax error in the document at line ${this.docLine} (byte offset ${byteOffset}): it does not end before the next document or the end of the result; the document was skipped, reading goes on at the next document`, { file, line: this.docLine, byteOffset, ordinal: this.localOrdinal() + 1 }));
  }

  take(): RawRecord[] {
    return this.ready.splice(0);
  }
}

function isDocumentStart(path: readonly string[], tag: string): boolean {
  if (tag !== 'doc') return false;
  if (path.length === 1 && path[0] === 'add') return true;
  return path.length === 2 && path[0] === 'response' && path[1] === 'result';
}
