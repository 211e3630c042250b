import { MarcParseError, parseMarcXml } from '../marc/index.js';
import type { RawRecord } from '../model/raw-record.js';
import { marcFileRecord } from './marc-records.js';
import { Confidence, type ReadBatch, type ReadContext, type RecordChunk, type RecordReader, type XmlChunk } from './types.js';

/**
 * MARCXML files: a `<collection>` of `<record>`s (namespace-prefixed or not) or one
 * `<record>`. The main thread only finds where records end (`</record>`, `</marc:record>`)
 * on bytes; each record is parsed where its chunk goes, inside the file's own opening
 * (XML declaration, root element with its namespace declarations), so one broken record is
 * rejected with its byte offset and the others are read.
 */
const FORMAT = 'marcxml';
const RECORD_END = /<\/(?:[^\s<>/:]+:)?record\s*>/g;
const RECORD_START = /<(?:[^\s<>/:!?]+:)?record[\s>/]/;

export const marcXmlReader: RecordReader = {
  name: FORMAT,
  description: 'MARCXML: a collection of MARC 21 records, or one record',
  detect: (head) => {
    const root = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<(?:[^\s<>/:]+:)?(collection|record)[\s>]/.exec(head.replace(/^\uFEFF/, ''));
    return root !== null && (head.includes('http://www.loc.gov/MARC21/slim') || /<(?:[^\s<>/:]+:)?leader>/.test(head)) ? Confidence.certain : Confidence.none;
  },
  split: splitMarcXml,
  parseChunk: parseMarcXmlChunk,
  // Unprefixed records only: a `<marc:record>` file is read whole by share 1.
  shards: { start: { kind: 'tag', name: 'record' } },
};

/** Where each record of `text` ends (its `</record>` tag's end), and whether a cut-off record follows the last. */
function recordEnds(text: string, from: number, last: boolean): number[] {
  const ends: number[] = [];
  RECORD_END.lastIndex = from;
  for (let match = RECORD_END.exec(text); match !== null; match = RECORD_END.exec(text)) ends.push(match.index + match[0].length);
  const tail = text.slice(ends.at(-1) ?? from);
  if (last && RECORD_START.test(tail)) ends.push(text.length);
  return ends;
}

/** The opening of the file up to and including its root start tag, when the root is a collection. */
function openingOf(text: string): { prefix: string; root: string } | undefined {
  const root = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([^\s<>/!?]+)[^<>]*>/.exec(text);
  if (root === null || /(?:^|:)record$/.test(root[1]!)) return undefined;
  return { prefix: root[0], root: root[1]! };
}

async function* splitMarcXml(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncGenerator<ReadBatch> {
  let pending = Buffer.alloc(0);
  let offset = 0;
  let line = 1;
  let ordinalBefore = 0;
  let prefix: string | undefined;
  const chunkOf = (bytes: Buffer, last: boolean, count: number): XmlChunk => {
    const chunk: XmlChunk = { kind: 'xml', bytes, prefix: prefix ?? '', firstLine: line, firstByteOffset: offset, ordinalBefore, last };
    offset += bytes.length;
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) line++;
    ordinalBefore += count;
    return chunk;
  };
  for await (const read of input) {
    pending = pending.length === 0 ? Buffer.from(read) : Buffer.concat([pending, read]);
    if (prefix === undefined) {
      const opening = openingOf(pending.toString('latin1'));
      if (opening === undefined && pending.length < 64 * 1024) continue;
      prefix = opening === undefined ? '' : Buffer.from(opening.prefix, 'latin1').toString('utf8');
    }
    if (pending.length < targetBytes && pending.length < context.limits.maxRecordBytes) continue;
    const ends = recordEnds(pending.toString('latin1'), 0, false);
    if (ends.length === 0) continue;
    const cut = ends.at(-1)!;
    yield { kind: 'chunk', chunk: chunkOf(Buffer.from(pending.subarray(0, cut)), false, ends.length) };
    pending = pending.subarray(cut);
  }
  prefix ??= '';
  const ends = recordEnds(pending.toString('latin1'), 0, true);
  if (ends.length > 0 || pending.length > 0) yield { kind: 'chunk', chunk: chunkOf(Buffer.from(pending), true, ends.length) };
}

function parseMarcXmlChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  if (chunk.kind !== 'xml') throw new Error('marcxml parses XML chunks only');
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const latin1 = bytes.toString('latin1');
  const opening = openingOf(chunk.prefix);
  const closing = opening === undefined ? '' : `</${opening.root}>`;
  const prefixBytes = Buffer.byteLength(chunk.prefix);
  const records: RawRecord[] = [];
  let from = 0;
  for (const end of recordEnds(latin1, 0, chunk.last)) {
    const segment = latin1.slice(from, end);
    const start = from + Math.max(0, segment.search(RECORD_START));
    const recordText = bytes.subarray(start, end).toString('utf8');
    let line = chunk.firstLine;
    for (let at = bytes.indexOf(0x0a); at !== -1 && at < start; at = bytes.indexOf(0x0a, at + 1)) line++;
    const source = { file: context.file, line, byteOffset: chunk.firstByteOffset + start, ordinal: records.length + 1 };
    const document = opening === undefined ? recordText : `${chunk.prefix}${recordText}${closing}`;
    records.push(marcFileRecord(FORMAT, source, recordText, () => ({ record: onlyRecord(document, opening === undefined ? 0 : prefixBytes), problems: [] })));
    from = end;
  }
  return records;
}

/** The one record of a document built around one record; errors point into the record, not the opening. */
function onlyRecord(document: string, prefixBytes: number) {
  try {
    const records = parseMarcXml(document);
    if (records.length !== 1) throw new MarcParseError(`${records.length} records where one was expected`, 0);
    return records[0]!;
  } catch (error) {
    if (error instanceof MarcParseError) throw new MarcParseError(error.reason, Math.max(0, error.offset - prefixBytes));
    throw error;
  }
}
