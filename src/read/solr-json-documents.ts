import Assembler from 'stream-json/assembler.js';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { MAX_JSON_DEPTH } from './exact-json.js';
import type { JsonOpenTracker, OpenPosition } from './json-positions.js';
import { rawRecordFromSolrDoc, truncate } from './solr-doc.js';
import type { ReadContext } from './types.js';

/**
 * The document router of the streamed Solr JSON reader (src/read/solr-json.ts): it turns
 * the tokenizer's tokens into one raw record per document, with positions.
 */

export const FORMAT = 'solr-json';

export type Token = { name: string; value?: unknown };

/** Documents open at depth 1 (a bare array) or 3 (`response.docs`): positions are kept that deep. */
const SHALLOW_DEPTH = 3;

export function errorRecord(code: IssueCode, message: string, source: SourcePosition, rawText?: string): RawRecord {
  const record: RawRecord = { format: FORMAT, source, fields: {}, issues: [makeIssue(code, { message, source })] };
  if (rawText !== undefined) record.rawText = truncate(rawText, 1 << 20);
  return record;
}

/** Routes tokens: document elements to a fresh assembler each, everything else to the root. */
export class DocumentRouter {
  ordinal = 0;
  private ready: RawRecord[] = [];
  private depth = 0;
  private rootKind: 'object' | 'array' | 'scalar' | undefined;
  private docsDepth = -1;
  private inResponseKey = false;
  private responseDepth = -1;
  private pendingKey: string | undefined;
  private sawResponse = false;
  private sawDocs = false;
  private docAssembler: Assembler | undefined;
  private readonly rootAssembler = new Assembler({ numberAsString: true });
  private skipDepth = -1;
  private docChars = 0;
  private docStart: SourcePosition | undefined;
  /** A single-document input (a root object) nested deeper than the limit: refused at the end. */
  private rootTooDeep = false;

  constructor(private readonly context: ReadContext) {}

  /** Set by the reader once the text's start is known. */
  positions: JsonOpenTracker | undefined;
  /** Where the last shallow bracket opened: the current document's start. */
  private lastOpen: OpenPosition | undefined;

  private where(): SourcePosition {
    const position: SourcePosition = { file: this.context.file, ordinal: this.ordinal + 1 };
    if (this.lastOpen) {
      position.line = this.lastOpen.line;
      position.byteOffset = this.lastOpen.byteOffset;
    }
    return position;
  }

  private fail(code: IssueCode, message: string, rawText?: string): void {
    this.ready.push(errorRecord(code, message, this.where(), rawText));
    this.ordinal++;
  }

  *drain(): Generator<RawRecord> {
    const out = this.ready;
    this.ready = [];
    yield* out;
  }

  *finish(): Generator<RawRecord> {
    yield* this.drain();
    if (this.depth !== 0) {
      yield errorRecord('read.malformed', `The JSON input ends early (truncated after ${this.ordinal} records); reading of ${this.context.file} stopped`, this.where());
    } else if (this.rootKind === 'object' && !this.sawResponse && this.rootTooDeep) {
      yield errorRecord('read.limit-exceeded', `The document nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels; it was not read`, { file: this.context.file, ordinal: ++this.ordinal });
    } else if (this.rootKind === 'object' && !this.sawResponse) {
      this.ordinal++;
      yield rawRecordFromSolrDoc(this.rootAssembler.current, FORMAT, { file: this.context.file, ordinal: this.ordinal }, this.context.limits);
    } else if (this.sawResponse && !this.sawDocs && this.ordinal === 0) {
      yield errorRecord('read.not-a-record', 'A Solr response without "response.docs"', this.where());
    }
  }

  /** Drops the document being assembled and skips the rest of it (unless it just ended). */
  private refuseDocument(ended: boolean, why: 'large' | 'deep'): void {
    const partial = this.docAssembler?.current as Record<string, unknown> | undefined;
    const id = typeof partial?.id === 'string' ? partial.id : undefined;
    this.docAssembler = undefined;
    if (!ended) this.skipDepth = this.docsDepth;
    const limit = this.context.limits.maxRecordBytes;
    const which = `Document ${this.ordinal + 1}${id === undefined ? '' : ` (id "${id}")`}`;
    const message = why === 'large'
      ? `${which} is larger than the record size limit of ${limit} characters; it was skipped`
      : `${which} nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels; it was skipped`;
    const record = errorRecord('read.limit-exceeded', message, this.docStart ?? this.where());
    if (id !== undefined) {
      record.fields.id = id;
      for (const issue of record.issues) issue.recordId = id;
    }
    record.issues[0]!.expected = why === 'large' ? `at most ${limit} characters per record (--max-record-bytes)` : `at most ${MAX_JSON_DEPTH} levels of nesting`;
    this.ready.push(record);
    this.ordinal++;
  }

  private skipValue(opens: boolean): void {
    if (opens) {
      this.skipDepth = this.depth;
      this.depth++;
    }
  }

  // eslint-disable-next-line max-lines-per-function -- one switch over the token stream, called for every token; its cases share the depth and position state
  consume(token: Token): void {
    const opens = token.name === 'startObject' || token.name === 'startArray';
    const closes = token.name === 'endObject' || token.name === 'endArray';
    if (opens && this.depth <= SHALLOW_DEPTH) this.lastOpen = this.positions?.next();
    if (this.docAssembler) {
      this.docAssembler.consume(token as never);
      if (opens) this.depth++;
      if (closes) this.depth--;
      // Characters of the document so far (values and keys, plus one per token for the
      // syntax): the record size cap holds before a huge document is assembled whole.
      this.docChars += (typeof token.value === 'string' ? token.value.length : 0) + 1;
      if (this.docChars > this.context.limits.maxRecordBytes) {
        this.refuseDocument(this.docAssembler.done, 'large');
      } else if (opens && this.depth - this.docsDepth > MAX_JSON_DEPTH) {
        this.refuseDocument(false, 'deep');
      } else if (this.docAssembler.done) {
        this.ready.push(rawRecordFromSolrDoc(this.docAssembler.current, FORMAT, this.docStart ?? this.where(), this.context.limits));
        this.ordinal++;
        this.docAssembler = undefined;
        this.lastOpen = undefined;
      }
      return;
    }
    if (this.skipDepth >= 0) {
      if (opens) this.depth++;
      if (closes) this.depth--;
      if (this.depth <= this.skipDepth) this.skipDepth = -1;
      return;
    }
    if (this.depth === this.docsDepth && !closes) {
      if (token.name === 'startObject') {
        this.docAssembler = new Assembler({ numberAsString: true });
        this.docStart = this.where();
        this.docChars = 1;
        this.docAssembler.consume(token as never);
        this.depth++;
      } else {
        this.fail('read.not-a-record', `Element ${this.ordinal + 1} of the documents array is not a JSON object`, String(token.value ?? token.name));
        this.skipValue(opens);
      }
      return;
    }
    if (this.depth === 0 && this.rootKind === undefined) {
      if (token.name === 'startArray') {
        this.rootKind = 'array';
        this.docsDepth = 1;
        this.sawDocs = true;
        this.depth = 1;
      } else if (token.name === 'startObject') {
        this.rootKind = 'object';
        this.rootAssembler.consume(token as never);
        this.depth = 1;
      } else {
        this.rootKind = 'scalar';
        this.fail('read.not-a-record', 'The input is a JSON scalar, not a Solr response, array or document', String(token.value));
      }
      return;
    }
    if (this.rootKind === 'object' && this.depth === 1 && token.name === 'keyValue' && token.value === 'response') {
      this.sawResponse = true;
      this.inResponseKey = true;
      return;
    }
    if (this.inResponseKey) {
      this.inResponseKey = false;
      if (token.name !== 'startObject') {
        this.fail('read.not-a-record', 'A Solr response whose "response" is not an object');
        this.skipValue(opens);
        return;
      }
      this.depth++;
      this.responseDepth = this.depth;
      return;
    }
    if (this.depth === this.responseDepth) {
      if (token.name === 'keyValue') {
        this.pendingKey = String(token.value);
        return;
      }
      if (token.name === 'endObject') {
        this.depth--;
        this.responseDepth = -1;
        return;
      }
      const key = this.pendingKey;
      this.pendingKey = undefined;
      if (key === 'docs') {
        if (token.name === 'startArray') {
          this.sawDocs = true;
          this.depth++;
          this.docsDepth = this.depth;
          return;
        }
        this.sawDocs = true;
        this.fail('read.not-a-record', `A Solr response whose "response.docs" is not an array (${token.name})`);
      }
      this.skipValue(opens);
      return;
    }
    if (closes && this.depth === this.docsDepth) {
      this.depth--;
      this.docsDepth = -1;
      return;
    }
    if (opens && this.depth >= MAX_JSON_DEPTH) {
      // Outside the documents (a response's facets, or a one-document input): not assembled.
      if (this.rootKind === 'object' && !this.sawResponse) this.rootTooDeep = true;
      this.skipValue(true);
      return;
    }
    if (this.rootKind === 'object') this.rootAssembler.consume(token as never);
    if (opens) this.depth++;
    if (closes) this.depth--;
  }
}

