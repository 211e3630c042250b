import { readIso2709 } from '../marc/index.js';
import type { RawRecord } from '../model/raw-record.js';
import { lineChunkOf } from './chunked.js';
import { lineChunks } from './lines.js';
import { marcFileRecord, oversizedMarcRecord } from './marc-records.js';
import { Confidence, type ReadBatch, type ReadContext, type RecordChunk, type RecordReader } from './types.js';

/**
 * MARC 21 files in ISO 2709 (`.mrc`, UTF-8 or MARC-8). The input is cut at record
 * terminators (1D) on bytes, never decoded on the main thread; each chunk's records are
 * parsed where the chunk goes (a worker thread). A damaged record is rejected with its
 * byte offset; the next record starts after the next terminator, so nothing else is lost.
 */
const FORMAT = 'marc';
const RECORD_TERMINATOR = 0x1d;
/** Leader/00-16: length, status, type, level, control, coding (blank or a), "22", base address. */
const LEADER = /^\d{5}[a-z][a-z][a-z ][a-z ][a ]22\d{5}/;

export const marcIso2709Reader: RecordReader = {
  name: FORMAT,
  description: 'MARC 21 in ISO 2709 (.mrc, UTF-8 or MARC-8)',
  detect: (head) => (LEADER.test(head) ? Confidence.certain : Confidence.none),
  split: splitMarc,
  parseChunk: parseMarcChunk,
  shards: { start: { kind: 'after-byte', byte: RECORD_TERMINATOR } },
};

async function* splitMarc(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncGenerator<ReadBatch> {
  const chunks = lineChunks(input, { targetBytes, maxLineBytes: context.limits.maxRecordBytes, terminator: RECORD_TERMINATOR });
  for await (const chunk of chunks) yield { kind: 'chunk', chunk };
}

/** Line ends, spaces or NULs some tools write between records: not part of any record. */
function isPadding(byte: number): boolean {
  return byte === 0x0a || byte === 0x0d || byte === 0x20 || byte === 0x00;
}

function parseMarcChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  const cut = lineChunkOf(chunk);
  const { file, limits } = context;
  if (cut.kind === 'oversized') {
    const source = { file, byteOffset: cut.byteOffset, ordinal: 1 };
    return [oversizedMarcRecord(FORMAT, source, cut.length, limits.maxRecordBytes, Buffer.from(cut.head).toString('latin1'))];
  }
  const bytes = Buffer.from(cut.bytes.buffer, cut.bytes.byteOffset, cut.bytes.byteLength);
  const records: RawRecord[] = [];
  let start = 0;
  while (start < bytes.length) {
    while (start < bytes.length && isPadding(bytes[start]!)) start++;
    if (start >= bytes.length) break;
    const end = bytes.indexOf(RECORD_TERMINATOR, start);
    const stop = end === -1 ? bytes.length : end + 1;
    const record = bytes.subarray(start, stop);
    const source = { file, byteOffset: cut.firstByteOffset + start, ordinal: records.length + 1 };
    records.push(marcFileRecord(FORMAT, source, record.toString('utf8'), () => readIso2709(record)));
    start = stop;
  }
  return records;
}
