import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { isMultiValued } from '../biblio-schema/index.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { rawRecordFromSolrDoc } from './solr-doc.js';
import type { ReadContext, RecordReader } from './types.js';
import { StrictUtf8Decoder } from './utf8.js';

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
  detect: looksLikeSolrXml,
  read: readSolrXml,
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
  const object: { [name: string]: ValueTree } = {};
  for (const child of children) object[child.name ?? child.tag] = valueOf(child);
  return object;
}

/** An update document: repeated `<field>`s and fields the schema calls multi-valued become lists. */
function updateDocObject(children: readonly XmlNode[]): { [name: string]: ValueTree } {
  const object: { [name: string]: ValueTree } = {};
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

async function* readSolrXml(input: AsyncIterable<Uint8Array>, context: ReadContext): AsyncGenerator<RawRecord> {
  const { file, limits } = context;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: RawRecord[] = [];
  let ordinal = 0;
  let failed = false;

  // Where we are: the element stack outside documents, the node stack inside one.
  const path: string[] = [];
  let docKind: 'response' | 'update' | undefined;
  let docNodes: XmlNode[] = []; // [doc, field, value...] while inside a document
  let docLine = 0;
  let docChars = 0;
  let docTooLarge = false;

  const stop = (record: RawRecord): void => {
    if (failed) return;
    failed = true;
    ready.push(record);
  };

  /** Drops what the document held so far; the rest of it is skipped. */
  const markTooLarge = (): void => {
    docTooLarge = true;
    docNodes[0]!.children = [];
  };

  const isDocumentStart = (tag: string): boolean => {
    if (tag !== 'doc') return false;
    if (path.length === 1 && path[0] === 'add') return true;
    return path.length === 2 && path[0] === 'response' && path[1] === 'result';
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (failed) return;
    const name = typeof tag.attributes.name === 'string' ? tag.attributes.name : undefined;
    if (docNodes.length > 0) {
      const node: XmlNode = { tag: tag.name, name, text: '', children: [] };
      docChars += ELEMENT_COST;
      if (docChars > limits.maxRecordBytes) markTooLarge();
      // Past the limit the nodes only keep the nesting balanced; nothing is attached.
      if (!docTooLarge) docNodes[docNodes.length - 1]!.children.push(node);
      docNodes.push(node);
      return;
    }
    if (path.length === 0 && tag.name !== 'response' && tag.name !== 'add') {
      stop(errorRecord('read.not-a-record', `The XML root element is <${tag.name}>, not a Solr <response> or <add>; reading of ${file} stopped`, { file, line: parser.line }));
      return;
    }
    // Only the main result holds the documents (not grouped or "more like this" results).
    if (path.length === 1 && path[0] === 'response' && tag.name === 'result' && name !== undefined && name !== 'response') {
      path.push('other-result');
      return;
    }
    if (isDocumentStart(tag.name)) {
      docKind = path[0] === 'add' ? 'update' : 'response';
      docNodes = [{ tag: 'doc', name, text: '', children: [] }];
      docLine = parser.line;
      docChars = 0;
      docTooLarge = false;
      return;
    }
    path.push(tag.name);
  });

  const addText = (text: string): void => {
    if (failed || docNodes.length === 0 || docTooLarge) return;
    docChars += text.length;
    if (docChars > limits.maxRecordBytes) {
      markTooLarge();
      return;
    }
    docNodes[docNodes.length - 1]!.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('closetag', () => {
    if (failed) return;
    if (docNodes.length === 0) {
      path.pop();
      return;
    }
    const node = docNodes.pop()!;
    if (docNodes.length > 0) return;
    ordinal++;
    const source: SourcePosition = { file, line: docLine, ordinal };
    if (docTooLarge) {
      ready.push(errorRecord('read.limit-exceeded', `Document ${ordinal} (line ${docLine}) is larger than the record size limit of ${limits.maxRecordBytes} characters`, source));
      return;
    }
    const doc = docKind === 'update' ? updateDocObject(node.children) : objectOf(node.children);
    ready.push(rawRecordFromSolrDoc(doc, FORMAT, source, limits));
  });

  parser.on('doctype', () => {
    // Unreachable when the prolog guard below works; kept so that no DOCTYPE is ever honoured.
    stop(errorRecord('read.entity-declaration', `${file}: XML input declares a DOCTYPE (line ${parser.line}); bibpipe never expands entities, reading stopped`, { file, line: parser.line }));
  });

  parser.on('error', (error: Error) => {
    stop(errorRecord('read.malformed', `XML syntax error at line ${parser.line}, column ${parser.column} after ${ordinal} records: ${error.message}; reading of ${file} stopped`, { file, line: parser.line, ordinal: ordinal + 1 }));
  });

  const guard = new PrologGuard();
  const decoder = new StrictUtf8Decoder();
  let started = false;
  let rootSeen = false;
  parser.on('opentagstart', () => {
    rootSeen = true;
  });

  const feed = (text: string): void => {
    let rest = text;
    while (rest.length > 0 && !failed) {
      if (rootSeen) {
        parser.write(guard.release() + rest);
        return;
      }
      const step = guard.scan(rest);
      if (step.pass.length > 0) parser.write(step.pass);
      if (step.declaration === undefined || failed) return;
      // The parser has seen everything before the declaration: inside the root element it
      // is content (CDATA, a comment), which the parser itself judges.
      if (rootSeen) {
        rest = step.rest;
        continue;
      }
      stop(errorRecord('read.entity-declaration', `${file}: XML input declares ${step.declaration.what} at byte offset ${step.declaration.byteOffset}; bibpipe never expands entities, reading stopped`, { file, byteOffset: step.declaration.byteOffset, ordinal: ordinal + 1 }));
    }
  };

  for await (const chunk of input) {
    let text = decoder.decode(chunk);
    if (text === undefined) {
      const at = decoder.invalidAt!;
      stop(errorRecord('read.invalid-utf8', `Invalid UTF-8 byte at offset ${at}; reading of ${file} stopped after ${ordinal} records`, { file, byteOffset: at, ordinal: ordinal + 1 }));
      yield* ready.splice(0);
      return;
    }
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        guard.skipBytes(3);
      }
    }
    feed(text);
    yield* ready.splice(0);
    if (failed) return;
  }
  const last = decoder.end();
  if (last === undefined) {
    stop(errorRecord('read.invalid-utf8', `The input ends inside a UTF-8 sequence (offset ${decoder.invalidAt}); reading of ${file} stopped after ${ordinal} records`, { file, byteOffset: decoder.invalidAt, ordinal: ordinal + 1 }));
  } else {
    feed(last);
  }
  if (!failed) {
    const held = guard.release();
    if (held.length > 0) parser.write(held);
    if (!failed) parser.close();
  }
  yield* ready.splice(0);
}

/**
 * Finds `<!DOCTYPE` or `<!ENTITY` in the prolog (the only place a DOCTYPE may stand) before
 * the parser sees it. Text is held back at a chunk end only while it could be the start of
 * such a declaration, so a declaration split across chunks is still caught.
 */
class PrologGuard {
  private held = '';
  private bytesPassed = 0;

  skipBytes(count: number): void {
    this.bytesPassed += count;
  }

  /**
   * Splits text into what may go to the parser now and, when a declaration starts, where it
   * is (byte offset in the input) and the text from the declaration on.
   */
  scan(text: string): { pass: string; declaration?: { byteOffset: number; what: string }; rest: string } {
    const all = this.held + text;
    this.held = '';
    let from = 0;
    for (;;) {
      const at = all.indexOf('<!', from);
      if (at === -1) {
        // A `<` at the very end may be the start of `<!DOCTYPE`: hold it back too.
        if (all.endsWith('<')) {
          this.held = '<';
          return this.pass(all.slice(0, -1), '');
        }
        return this.pass(all, '');
      }
      if (all.length - at < 9) {
        // Too short to tell yet: hold the tail back until the next chunk.
        this.held = all.slice(at);
        return this.pass(all.slice(0, at), '');
      }
      const word = all.slice(at + 2, at + 9).toUpperCase();
      if (word === 'DOCTYPE' || word.startsWith('ENTITY')) {
        const before = all.slice(0, at);
        const result = this.pass(before, all.slice(at));
        return { ...result, declaration: { byteOffset: this.bytesPassed, what: word === 'DOCTYPE' ? 'a DOCTYPE' : 'an entity' } };
      }
      from = at + 2;
    }
  }

  /** Held-back text, once the guard is no longer needed (or at the end of the input). */
  release(): string {
    const held = this.held;
    this.held = '';
    return held;
  }

  private pass(text: string, rest: string): { pass: string; rest: string } {
    this.bytesPassed += Buffer.byteLength(text);
    return { pass: text, rest };
  }
}
