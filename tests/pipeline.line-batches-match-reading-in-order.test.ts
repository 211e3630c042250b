import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { lineBatches } from '../src/pipeline/workers/line-batches.js';
import { parseLineBatch } from '../src/pipeline/workers/batch-job.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';

/**
 * Worker threads parse NDJSON in batches of whole lines cut on the main thread. Whatever
 * the chunking of the input and the batch size, the records (fields, issues, line numbers,
 * byte offsets, ordinals) must be exactly those of reading the input in order.
 */

const DOC_LINES = [
  '{"id":"a-1","title":"Plain","_version_":1785071094303031300}',
  '{"id":"b-2","title":"Ümlaut and 漢字","author":["Müller, Hans"]}',
  '[{"id":"c-3","title":"In an array"},{"id":"c-4","title":"Second"}]',
  '{"response":{"docs":[{"id":"d-5","title":"In a response"}]}}',
  '{"not json',
  '',
  '   ',
  '  {"id":"e-6","title":"Indented"}',
  '{"id":"f-7","title":"quote \\" and backslash \\\\"}',
];

async function* chunked(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let index = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes[index++ % sizes.length] ?? 1);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function readInOrder(bytes: Buffer): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of solrJsonReader.read(chunked(bytes, [bytes.length]), { file: 'in.ndjson', limits: DEFAULT_READ_LIMITS })) records.push(record);
  return records;
}

async function readInBatches(bytes: Buffer, chunkSizes: readonly number[], batchBytes: number): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const batch of lineBatches(chunked(bytes, chunkSizes), 0, batchBytes)) {
    const input = { kind: 'lines' as const, file: 'in.ndjson', bytes: batch.bytes, firstLine: batch.firstLine, firstByteOffset: batch.firstByteOffset, headerBytes: 0, ordinalBase: records.length };
    records.push(...parseLineBatch(input, DEFAULT_READ_LIMITS));
  }
  return records;
}

describe('line batches for worker threads', () => {
  it('give the records of reading in order, for any chunking, batch size, BOM, CRLF and invalid UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: DOC_LINES.length }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 400 }),
        async (picks, bom, crlf, finalNewline, chunkSizes, batchBytes) => {
          // The first line must be a whole document, or the reader streams the input as one JSON value.
          const lines = [DOC_LINES[0]!, ...picks.map((pick) => DOC_LINES[pick] ?? '')];
          const parts = lines.map((line) => Buffer.from(line));
          if (picks.length > 3) parts[3] = Buffer.concat([Buffer.from('{"id":"bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
          const newline = Buffer.from(crlf ? '\r\n' : '\n');
          const body = Buffer.concat(parts.flatMap((part, index) => (index < parts.length - 1 || finalNewline ? [part, newline] : [part])));
          const bytes = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
          const expected = await readInOrder(bytes);
          const actual = await readInBatches(bytes, chunkSizes, batchBytes);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('count the lines that look like records, as a guess the scheduler checks', async () => {
    const bytes = Buffer.from('{"id":"1"}\n\n  {"id":"2"}\n{"id":"3"}');
    const batches = [];
    for await (const batch of lineBatches(chunked(bytes, [4]), 0, 1)) batches.push(batch);
    // Indented and blank lines are guessed not to be records: 2 of 4 lines.
    expect(batches.reduce((sum, b) => sum + b.lines, 0)).toBe(4);
    expect(batches.reduce((sum, b) => sum + b.likelyRecords, 0)).toBe(2);
    for (const [index, batch] of batches.entries()) {
      const next = batches[index + 1];
      if (next) {
        expect(next.firstByteOffset).toBe(batch.firstByteOffset + batch.bytes.length);
        expect(next.firstLine).toBe(batch.firstLine + batch.lines);
      }
      expect(batch.bytes.equals(bytes.subarray(batch.firstByteOffset, batch.firstByteOffset + batch.bytes.length))).toBe(true);
    }
  });
});
