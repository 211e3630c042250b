import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { shiftOrdinals } from '../src/read/chunked.js';
import { lineChunks, readLines } from '../src/read/lines.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import type { RecordReader } from '../src/read/types.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { readRecords } from '../src/read/chunked.js';

/**
 * Worker threads parse chunks of whole records cut on the main thread by the one line
 * splitter. Whatever the chunking of the input and the chunk size, the records (fields,
 * issues, line numbers, byte offsets, ordinals) must be exactly those of reading the input
 * in order on one thread.
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
  for await (const record of readRecords(solrJsonReader, chunked(bytes, [bytes.length]), { file: 'in.ndjson', limits: DEFAULT_READ_LIMITS })) records.push(record);
  return records;
}

async function readInChunks(reader: RecordReader, bytes: Buffer, chunkSizes: readonly number[], chunkBytes: number): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  const context = { file: 'in.ndjson', limits: DEFAULT_READ_LIMITS };
  for await (const batch of reader.split!(chunked(bytes, chunkSizes), context, chunkBytes)) {
    const parsed = batch.kind === 'records' ? batch.records : reader.parseChunk!(batch.chunk, context);
    shiftOrdinals(parsed, records.length);
    records.push(...parsed);
  }
  return records;
}

describe('chunks for worker threads', () => {
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
          const actual = await readInChunks(solrJsonReader, bytes, chunkSizes, batchBytes);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 200, seed: 20261129 },
    );
  });

  it('tile the input exactly: line numbers and offsets follow on, LF, CRLF and CR-only alike', async () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const bytes = Buffer.from(['{"id":"1"}', '', '  {"id":"2"}', '{"id":"3"}'].join(newline));
      const chunks = [];
      for await (const chunk of lineChunks(chunked(bytes, [4]), { targetBytes: 1, maxLineBytes: 1000 })) chunks.push(chunk);
      let line = 1;
      let offset = 0;
      for (const chunk of chunks) {
        if (chunk.kind !== 'lines') throw new Error('no line is over the cap');
        expect([chunk.firstLine, chunk.firstByteOffset]).toEqual([line, offset]);
        expect(chunk.bytes.equals(bytes.subarray(offset, offset + chunk.bytes.length))).toBe(true);
        offset += chunk.bytes.length;
        line += chunk.bytes.toString().split(newline).length - (chunk.bytes.toString().endsWith(newline) ? 1 : 0);
      }
      expect(offset).toBe(bytes.length);
      const lines = [];
      for await (const text of readLines(chunked(bytes, [3]))) lines.push([text.line, text.text]);
      expect(lines).toEqual([[1, '{"id":"1"}'], [2, ''], [3, '  {"id":"2"}'], [4, '{"id":"3"}']]);
    }
  });

  it('keep only the start of a line over the cap, in time linear in its length', async () => {
    const long = Buffer.alloc(3_000_000, 0x61);
    const bytes = Buffer.concat([Buffer.from('{"id":"1"}\n'), long, Buffer.from('\n{"id":"2"}\n')]);
    const pieces = [];
    for await (const piece of lineChunks(chunked(bytes, [65536]), { targetBytes: 1024, maxLineBytes: 100_000 })) pieces.push(piece);
    const oversized = pieces.filter((piece) => piece.kind === 'oversized');
    expect(oversized).toHaveLength(1);
    expect(oversized[0]).toMatchObject({ line: 2, byteOffset: 11, length: 3_000_000 });
    expect(oversized[0]!.head.length).toBeLessThanOrEqual(64 * 1024);
    const after = pieces.at(-1)!;
    expect(after).toMatchObject({ kind: 'lines', firstLine: 3, firstByteOffset: 11 + 3_000_001 });
  });

  it('give the Staff View pages of reading in order, for any chunking and chunk size', async () => {
    const { readFileSync } = await import('node:fs');
    const page = readFileSync(new URL('../samples/three records in one file.txt', import.meta.url));
    const bytes = Buffer.concat([page, Buffer.from('\n'), page]);
    const expected: RawRecord[] = [];
    for await (const record of readRecords(staffViewReader, chunked(bytes, [bytes.length]), { file: 'in.ndjson', limits: DEFAULT_READ_LIMITS })) expected.push(record);
    expect(expected.length).toBe(6);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 20000 }), async (chunkSizes, chunkBytes) => {
        expect(await readInChunks(staffViewReader, bytes, chunkSizes, chunkBytes)).toEqual(expected);
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });
});

describe('Solr XML parts for worker threads', () => {
  const doc = (index: number): string =>
    `<doc>\n  <str name="id">x-${index}</str>\n  <arr name="title"><str>Title ${index} &amp; more</str></arr>\n` +
    (index % 3 === 0 ? `  <str name="description"><![CDATA[text with </doc> and <doc> inside]]></str>\n` : '') +
    (index % 4 === 0 ? `  <!-- a comment with </doc> -->\n` : '') +
    (index % 5 === 0 ? `  <arr name="_childDocuments_"><doc><str name="id">child-${index}</str></doc></arr>\n` : '') +
    `  <long name="_version_">178507109430303${index}</long>\n</doc>`;
  const response = (count: number): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<!-- header -->\n<response>\n<lst name="responseHeader"><int name="status">0</int></lst>\n` +
    `<result name="response" numFound="${count}" start="0" note="a > b">\n${Array.from({ length: count }, (_, index) => doc(index)).join('\n')}\n</result>\n` +
    `<lst name="moreLikeThis"><result name="x-1" numFound="1"><doc><str name="id">not-a-record</str></doc></result></lst>\n</response>\n`;

  it('give the records of reading in one part, for any chunking and part size', async () => {
    const { solrXmlReader } = await import('../src/read/solr-xml.js');
    const bytes = Buffer.from(response(40));
    const whole = await readInChunks(solrXmlReader, bytes, [bytes.length], bytes.length * 2);
    expect(whole.map((record) => record.fields.id)).toEqual(Array.from({ length: 40 }, (_, index) => `x-${index}`));
    expect(whole.every((record) => record.issues.every((issue) => issue.code === 'field.type'))).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4000 }), async (chunkSizes, partBytes) => {
        const parts = await readInChunks(solrXmlReader, bytes, chunkSizes, partBytes);
        expect(parts).toEqual(whole);
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it('report a syntax error in one part and read on from the next', async () => {
    const { solrXmlReader } = await import('../src/read/solr-xml.js');
    const text = response(30).replace('<str name="id">x-12</str>', '<str name="id">x-12</sttr>');
    const records = await readInChunks(solrXmlReader, Buffer.from(text), [512], 600);
    const broken = records.filter((record) => record.issues.some((issue) => issue.code === 'read.malformed'));
    expect(broken).toHaveLength(1);
    expect(broken[0]!.issues[0]!.message).toMatch(/line \d+.*skipped/);
    expect(records.map((record) => record.fields.id).filter(Boolean)).toContain('x-29');
  });
});
