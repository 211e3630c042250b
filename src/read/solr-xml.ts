import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { recordBatches } from './chunked.js';
import { peekBytes } from './peek.js';
import { Confidence, type ReadBatch, type ReadContext, type RecordChunk, type RecordReader, type XmlChunk } from './types.js';
import { XmlDocBoundaries } from './xml-doc-boundaries.js';
import { partText, ResyncPoints, type PartSegment, type PartText } from './xml-resync.js';
import { StrictUtf8Decoder } from './utf8.js';
import { errorRecord, WHOLE_INPUT, XmlDocParser, type PartPlace } from './solr-xml-documents.js';

const FORMAT = 'solr-xml';

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

/**
 * The documents of one part, parsed with the container's open tags before them. When the
 * part reads without a syntax error and ends outside a document, that is all. Otherwise
 * it is read again carefully: one document at a time (cut where the scan that cuts parts
 * found document starts), and a syntax error, or a document still open where the next one
 * starts, costs that document only: a fresh parser goes on at the next document. So a
 * document's outcome depends on its own bytes, not on where parts or shards were cut. A
 * failed parser is never fed again; each reads only up to its error (linear however many).
 */
function parseSolrXmlChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  if (chunk.kind !== 'xml') throw new Error('solr-xml parses XML chunks only');
  const part: XmlChunk = chunk;
  const bytes = Buffer.isBuffer(part.bytes) ? part.bytes : Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
  const input = partText(part, bytes);
  let segment: PartSegment = { start: 0, char: 0, prefix: part.prefix, line: part.firstLine, ordinalBefore: part.ordinalBefore };
  const whole = parseSegment(input, segment, context, undefined);
  if (whole.errorByte === undefined) return whole.records;
  // A part with no document start at all (a flood of bytes that are not XML) has nothing to
  // go on at, and the careful pass would only copy it again.
  if (bytes.indexOf('<doc') === -1) return whole.records;
  const resync = new ResyncPoints(input);
  const records: RawRecord[] = [];
  for (;;) {
    const { records: found, errorByte } = parseSegment(input, segment, context, resync);
    records.push(...found);
    const next = errorByte === undefined ? undefined : resync.after(errorByte, segment.start);
    if (next === undefined) return records;
    segment = next;
  }
}

/**
 * Parses a part from `segment` on: the whole rest at once, or (given the resync points)
 * one document at a time. `errorByte` is the offset in the part of a syntax error that
 * stopped the parser, or of the document start where the parser was found still inside
 * the document before (for a part before the last, also of the part's end).
 */
function parseSegment(input: PartText, segment: PartSegment, context: ReadContext, resync: ResyncPoints | undefined): { records: RawRecord[]; errorByte: number | undefined } {
  const { part, bytes, valid, text } = input;
  const bomBytes = segment.start === 0 && input.bom ? 3 : 0;
  /** Byte offset in the part of a position in the text fed to the parser (the prefix comes first). */
  const partByte = (position: number): number => segment.start + bomBytes + Buffer.byteLength(text.slice(segment.char, segment.char + Math.max(0, position - segment.prefix.length)));
  const place: PartPlace = { ordinalBefore: segment.ordinalBefore, byteOffsetAt: (position) => part.firstByteOffset + partByte(position) };
  const reader = new XmlDocParser(context, { ...part, prefix: segment.prefix, firstLine: segment.line, firstByteOffset: part.firstByteOffset + segment.start }, place);
  if (bomBytes > 0) reader.skipBom();
  let unclosedAt: number | undefined;
  /** Where the piece fed last starts (its document's start, in careful reading). */
  let pieceStart = segment.start;
  if (resync === undefined) reader.feed(text.slice(segment.char));
  else {
    for (const piece of resync.piecesFrom(segment.char)) {
      pieceStart = piece.startByte;
      reader.feed(piece.text);
      if (reader.failed) break;
      if (piece.endByte < valid && reader.insideDocument) {
        unclosedAt = piece.endByte;
        reader.unclosedDocument(part.firstByteOffset + pieceStart);
      }
    }
  }
  if (valid < bytes.length) reader.invalidUtf8(part.firstByteOffset + valid, part.last && endsInsideSequence(bytes.subarray(valid)));
  else if (!part.last && !reader.failed && reader.insideDocument) {
    unclosedAt = valid;
    reader.unclosedDocument(part.firstByteOffset + pieceStart);
  } else reader.end();
  const records = reader.take();
  if (unclosedAt !== undefined) return { records, errorByte: unclosedAt };
  return { records, errorByte: reader.syntaxErrorAt === undefined ? undefined : partByte(reader.syntaxErrorAt - 1) };
}

/** True when the bytes are the start of a UTF-8 sequence cut off by the end of the input. */
function endsInsideSequence(rest: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(rest, { stream: true });
    return true;
  } catch {
    return false;
  }
}
