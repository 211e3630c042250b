import { MarcParseError, parseMarcInJson } from '../marc/index.js';
import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { lineChunkOf } from './chunked.js';
import { lineChunks, linesOf } from './lines.js';
import { marcFileRecord, oversizedMarcRecord } from './marc-records.js';
import { peekBytes } from './peek.js';
import { isWholeJson } from './solr-json.js';
import { Confidence, type ReadBatch, type ReadContext, type RecordChunk, type RecordReader } from './types.js';

/**
 * MARC-in-JSON files: one record per line (NDJSON, cut by lines and parsed where the chunk
 * goes, a worker thread included), or an array of records / records one after another
 * (pretty-printed, as Catmandu and yaz write them), whose record boundaries are found on
 * the main thread by a scan of braces outside strings, each record then parsed alone.
 */
const FORMAT = 'marc-json';
const MIJ_HEAD = /^\uFEFF?\s*\[?\s*\{\s*"leader"\s*:/;
const RECORDS_PER_BATCH = 64;

export const marcJsonReader: RecordReader = {
  name: FORMAT,
  description: 'MARC-in-JSON: an array of records, or one record per line',
  detect: (head) => (MIJ_HEAD.test(head) ? Confidence.certain : Confidence.none),
  split: splitMarcJson,
  parseChunk: parseMarcJsonChunk,
  // One record per line is cut at line starts; an array is read whole by share 1.
  shards: { start: { kind: 'line' }, cuttable: (head) => (isLineDelimited(head) ? { headerBytes: 0 } : undefined) },
};

function isLineDelimited(head: Buffer): boolean {
  const firstLine = head.toString('utf8').replace(/^\uFEFF/, '').split('\n', 1)[0]!.trim();
  return firstLine.startsWith('{') && isWholeJson(firstLine);
}

function recordOf(text: string, source: SourcePosition): RawRecord {
  return marcFileRecord(FORMAT, source, text, () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new MarcParseError(`not valid JSON: ${error instanceof Error ? error.message.replace(/,\s*".*$/s, '') : String(error)}`, 0);
    }
    return { record: parseMarcInJson(value), problems: [] };
  });
}

async function* splitMarcJson(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncGenerator<ReadBatch> {
  const { head, stream } = await peekBytes(input, Math.min(context.limits.maxRecordBytes, 1 << 20));
  if (context.lines !== undefined || isLineDelimited(head)) {
    for await (const chunk of lineChunks(stream, { targetBytes, maxLineBytes: context.limits.maxRecordBytes, skipBytes: context.lines?.headerBytes ?? 0 })) yield { kind: 'chunk', chunk };
    return;
  }
  let batch: RawRecord[] = [];
  let ordinal = 0;
  for await (const found of topLevelObjects(stream, context.limits.maxRecordBytes)) {
    const source = { file: context.file, byteOffset: found.byteOffset, ordinal: ++ordinal };
    batch.push(found.length === undefined ? recordOf(found.text, source) : oversizedMarcRecord(FORMAT, source, found.length, context.limits.maxRecordBytes, found.text));
    if (batch.length >= RECORDS_PER_BATCH) {
      yield { kind: 'records', records: batch };
      batch = [];
    }
  }
  if (batch.length > 0) yield { kind: 'records', records: batch };
}

function parseMarcJsonChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  const records: RawRecord[] = [];
  for (const line of linesOf(lineChunkOf(chunk))) {
    if (line.text.trim() === '' && line.oversizedBytes === undefined) continue;
    const source = { file: context.file, line: line.line, byteOffset: line.byteOffset, ordinal: records.length + 1 };
    records.push(line.oversizedBytes === undefined ? recordOf(line.text, source) : oversizedMarcRecord(FORMAT, source, line.oversizedBytes, context.limits.maxRecordBytes, line.text));
  }
  return records;
}

interface FoundObject {
  text: string;
  byteOffset: number;
  /** Set when the object was over the limit: its length (text holds its start only). */
  length?: number;
}

/**
 * The top-level objects of a stream (inside a top-level array, or one after another), by
 * a scan of braces outside strings. Anything else between them (commas, brackets, white
 * space) is skipped; a non-blank stray run comes out as a text of its own, which then fails
 * as a record: nothing is dropped unseen.
 */
async function* topLevelObjects(stream: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<FoundObject> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let arrayDepth = -1; // depth of the records: 0 one after another, 1 inside an array
  let parts: Buffer[] = [];
  let kept = 0;
  let start = -1;
  let offset = 0;
  let stray = -1;
  for await (const read of stream) {
    const bytes = Buffer.from(read);
    let pieceStart = 0;
    for (let at = 0; at < bytes.length; at++) {
      const byte = bytes[at]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === 0x5c) escaped = true;
        else if (byte === 0x22) inString = false;
        continue;
      }
      if (arrayDepth === -1 && byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && !(byte === 0xef || byte === 0xbb || byte === 0xbf)) arrayDepth = byte === 0x5b ? 1 : 0;
      if (depth === arrayDepth && byte === 0x7b) {
        if (stray !== -1) yield { text: '(not a record)', byteOffset: stray };
        stray = -1;
        start = offset + at;
        pieceStart = at;
        parts = [];
        kept = 0;
      } else if (depth === arrayDepth && stray === -1 && start === -1 && !(byte <= 0x20 || byte === 0x2c || byte === 0x5d || byte === 0x5b)) stray = offset + at;
      if (byte === 0x22) inString = true;
      else if (byte === 0x7b || byte === 0x5b) depth++;
      else if (byte === 0x7d || byte === 0x5d) {
        depth--;
        if (depth === arrayDepth && byte === 0x7d && start !== -1) {
          if (kept <= maxBytes) parts.push(bytes.subarray(pieceStart, at + 1));
          const length = offset + at + 1 - start;
          const text = Buffer.concat(parts).toString('utf8');
          yield length > maxBytes ? { text: text.slice(0, 1 << 16), byteOffset: start, length } : { text, byteOffset: start };
          start = -1;
        }
      }
    }
    if (start !== -1 && kept <= maxBytes) {
      parts.push(bytes.subarray(pieceStart));
      kept += bytes.length - pieceStart;
    }
    offset += bytes.length;
  }
  if (start !== -1) yield { text: Buffer.concat(parts).toString('utf8'), byteOffset: start };
  if (stray !== -1) yield { text: '(not a record)', byteOffset: stray };
}
