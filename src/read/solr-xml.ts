import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { isMultiValued } from '../biblio-schema/index.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { rawRecordFromSolrDoc } from './solr-doc.js';
import { isUtf8 } from 'node:buffer';
import { recordBatches } from './chunked.js';
import { peekBytes } from './peek.js';
import { Confidence, type ReadBatch, type ReadContext, type RecordChunk, type RecordReader, type XmlChunk } from './types.js';
import { XmlDocBoundaries } from './xml-doc-boundaries.js';
import { invalidUtf8Offset, StrictUtf8Decoder } from './utf8.js';
import { MarkupLengthGuard, PrologGuard } from './xml-guards.js';

const FORMAT = 'solr-xml';

/** Typed value elements of Solr's XML response writer. */
const SCALAR_TAGS = new Set(['str', 'long', 'int', 'float', 'double', 'bool', 'date', 'short', 'byte']);

/**
 * Solr XML: a select response (`<response><result name="response"><doc>...`) or an update
 * document (`<add><doc><field name="...">`). Streamed one `<doc>` at a time with a SAX
 * parser, so a file of any size runs in bounded memory. Values stay text (exact digits).
 * A DOCTYPE or entity declaration is refused before the parser sees it: entities from the
 * input are never expanded (entity-expansion bombs, external entities).
 */
export const solrXmlReader: RecordReader = {
  name: FORMAT,
  description: 'Solr XML: a select response (<response><result><doc>) or an update document (<add><doc>)',
  detect: (head) => (looksLikeSolrXml(head) ? Confidence.certain : Confidence.none),
  split: splitSolrXml,
  parseChunk: parseSolrXmlChunk,
  shards: { start: { kind: 'tag', name: 'doc' } },
};

/** After an optional XML declaration, comments and a DOCTYPE naming the root: `<response` or `<add`. */
function looksLikeSolrXml(head: string): boolean {
  let at = skipSpace(head, 0);
  if (head.startsWith('<?xml', at)) {
    const end = head.indexOf('?>', at);
    if (end === -1) return false;
    at = skipSpace(head, end + 2);
  }
  for (;;) {
    if (head.startsWith('<!--', at)) {
      const end = head.indexOf('-->', at + 4);
      if (end === -1) return false;
      at = skipSpace(head, end + 3);
      continue;
    }
    // A Solr-shaped document that declares a DOCTYPE is still ours: the reader refuses it
    // with a clear issue instead of the input being called "unsupported".
    if (head.startsWith('<!DOCTYPE', at)) {
      const name = skipSpace(head, at + 9);
      return isRootName(head, name, 'response') || isRootName(head, name, 'add');
    }
    break;
  }
  return head[at] === '<' && (isRootName(head, at + 1, 'response') || isRootName(head, at + 1, 'add'));
}

function isRootName(text: string, at: number, name: string): boolean {
  if (!text.startsWith(name, at)) return false;
  const next = text[at + name.length];
  return next === undefined || next === '>' || next === '/' || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r' || text[at] === '\ufeff')) at++;
  return at;
}

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

function errorRecord(code: IssueCode, message: string, source: SourcePosition): RawRecord {
  return { format: FORMAT, source, fields: {}, issues: [makeIssue(code, { message, source })] };
}

/** Where a part of an input starts, for a parser that reads only that part. */
interface XmlPart {
  /** Open tags of the container the part's documents sit in (`<response><result ...>`), for parts after the first. */
  prefix: string;
  firstLine: number;
  firstByteOffset: number;
  /** Documents in the input before this part. */
  ordinalBefore: number;
  /** What a fatal error does to the rest of the input: the last part stops reading, others skip to the next part. */
  last: boolean;
}

const WHOLE_INPUT: XmlPart = { prefix: '', firstLine: 1, firstByteOffset: 0, ordinalBefore: 0, last: true };

/**
 * The Solr XML documents of an input, or of one part of it, fed as text; records come out
 * of `take()`. Positions are those of the whole input.
 */
class XmlDocParser {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly ready: RawRecord[] = [];
  private ordinal: number;
  failed = false;
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
  constructor(private readonly context: ReadContext, private readonly part: XmlPart) {
    this.ordinal = part.ordinalBefore;
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
      this.stop(errorRecord('read.malformed', `XML syntax error at line ${this.line()}, column ${parser.column} after ${this.ordinal} records: ${error.message}; ${this.stopNote()}`, { file, line: this.line(), ordinal: this.localOrdinal() + 1 }));
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
        this.parser.write(this.guard.release() + rest);
        return;
      }
      const step = this.guard.scan(rest);
      if (step.pass.length > 0) this.parser.write(step.pass);
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
    if (held.length > 0) this.parser.write(held);
    // A part before the last ends inside the root: only the last one may close it.
    if (!this.failed && this.part.last) this.parser.close();
  }

  take(): RawRecord[] {
    return this.ready.splice(0);
  }
}

/** Attribute values count against the record and field limits like text does. */
function attributeChars(tag: SaxesTagPlain): { total: number; longest: number; longestName: string } {
  let total = 0;
  let longest = 0;
  let longestName = '';
  for (const [attribute, value] of Object.entries(tag.attributes)) {
    const length = attribute.length + String(value).length;
    total += length;
    if (length > longest) {
      longest = length;
      longestName = attribute;
    }
  }
  return { total, longest, longestName };
}

function attributeProblem(tag: SaxesTagPlain, limits: ReadContext['limits']): string | undefined {
  const { longest, longestName } = attributeChars(tag);
  if (longest <= limits.maxFieldLength) return undefined;
  return `an attribute ${longestName} of <${tag.name}> ${longest} characters long, over the field length limit of ${limits.maxFieldLength}`;
}

function isDocumentStart(path: readonly string[], tag: string): boolean {
  if (tag !== 'doc') return false;
  if (path.length === 1 && path[0] === 'add') return true;
  return path.length === 2 && path[0] === 'response' && path[1] === 'result';
}

/** A whole input, streamed through one parser on this thread. */
async function* readSolrXmlStreaming(input: AsyncIterable<Uint8Array>, context: ReadContext): AsyncGenerator<RawRecord> {
  const reader = new XmlDocParser(context, WHOLE_INPUT);
  const decoder = new StrictUtf8Decoder();
  let started = false;
  for await (const chunk of input) {
    let text = decoder.decode(chunk);
    if (text === undefined) {
      reader.invalidUtf8(decoder.invalidAt!, false);
      yield* reader.take();
      return;
    }
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        reader.skipBom();
      }
    }
    reader.feed(text);
    yield* reader.take();
    if (reader.failed) return;
  }
  const last = decoder.end();
  if (last === undefined) reader.invalidUtf8(decoder.invalidAt!, true);
  else reader.feed(last);
  reader.end();
  yield* reader.take();
}

/** True when the prolog (before the root element) declares a DOCTYPE or an entity. */
function prologDeclares(head: string): boolean {
  let at = 0;
  for (;;) {
    const lt = head.indexOf('<', at);
    if (lt === -1) return false;
    if (head.startsWith('<?', lt)) at = head.indexOf('?>', lt) + 2;
    else if (head.startsWith('<!--', lt)) at = head.indexOf('-->', lt) + 3;
    else return head.startsWith('<!', lt);
    if (at < 2) return false;
  }
}

/** Bytes of documents cut apart at most this much over the record limit are dropped unseen (UTF-8 takes up to 4 bytes a character). */
const BYTES_PER_CHARACTER = 4;

/**
 * Parts of whole documents, cut after top-level `</doc>` ends, for workers to parse. An
 * input that declares a DOCTYPE or entities is streamed here instead: the prolog guard
 * refuses it on this thread.
 */
async function* splitSolrXml(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncGenerator<ReadBatch> {
  const { head, stream } = await peekBytes(input, 64 * 1024);
  if (prologDeclares(head.toString('utf8'))) {
    yield* recordBatches(readSolrXmlStreaming(stream, context));
    return;
  }
  const { file, limits } = context;
  const boundaries = new XmlDocBoundaries(targetBytes, limits.maxRecordBytes * BYTES_PER_CHARACTER + 64 * 1024);
  const batches = function* (parts: ReturnType<XmlDocBoundaries['push']>): Generator<ReadBatch> {
    for (const part of parts) {
      if ('bytes' in part) yield { kind: 'chunk', chunk: { kind: 'xml', ...part } };
      else {
        const source: SourcePosition = { file, line: part.line, ordinal: 1 };
        yield { kind: 'records', records: [errorRecord('read.limit-exceeded', `Document ${part.ordinal} (line ${part.line}) is larger than the record size limit of ${limits.maxRecordBytes} characters`, source)] };
      }
    }
  };
  try {
    for await (const bytes of stream) yield* batches(boundaries.push(bytes));
  } catch (error) {
    // The input broke off (a cut or corrupt compressed stream): its whole documents still count.
    yield* batches(boundaries.flushComplete());
    throw error;
  }
  yield* batches(boundaries.finish());
}

/** The documents of one part, parsed with the container's open tags before them. */
function parseSolrXmlChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  if (chunk.kind !== 'xml') throw new Error('solr-xml parses XML chunks only');
  const part: XmlChunk = chunk;
  const bytes = Buffer.isBuffer(part.bytes) ? part.bytes : Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
  const reader = new XmlDocParser(context, part);
  const valid = isUtf8(bytes) ? bytes.length : invalidUtf8Offset(bytes);
  let text = bytes.toString('utf8', 0, valid);
  if (part.firstByteOffset === 0 && text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    reader.skipBom();
  }
  reader.feed(text);
  if (valid < bytes.length) {
    let cutOff = false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(valid), { stream: true });
      cutOff = part.last;
    } catch {
      cutOff = false;
    }
    reader.invalidUtf8(part.firstByteOffset + valid, cutOff);
  } else reader.end();
  return reader.take();
}
