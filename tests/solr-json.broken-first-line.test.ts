import { describe, expect, it } from 'vitest';
import { solrJsonReader } from '../src/read/solr-json.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import type { RawRecord } from '../src/model/raw-record.js';
import { readRecords } from '../src/read/chunked.js';

/**
 * NDJSON whose first line is broken, or whose lines end in CR only, is still read line by
 * line: every later line is a record. A pretty-printed or
 * one-doc-per-line response stays one streamed value.
 */
async function read(text: string | Buffer): Promise<RawRecord[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  async function* once(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  const records: RawRecord[] = [];
  for await (const record of readRecords(solrJsonReader, once(), { file: 'in.ndjson', limits: DEFAULT_READ_LIMITS })) records.push(record);
  return records;
}

const good = ['{"id":"a","title":"A"}', '{"id":"b","title":"B"}', '{"id":"c","title":"C"}'];
const ids = (records: RawRecord[]): Array<string | undefined> => records.map((record) => record.fields.id as string | undefined);

describe('NDJSON with a broken first line', () => {
  for (const [name, first] of [
    ['truncated', '{"id":"x","title":"cut off'],
    ['garbage', 'not json at all'],
    ['a NUL byte', '{"id":"x",\u0000"title":"X"}'],
  ] as const) {
    it(`${name}: the first line is one reject, every following line a record`, async () => {
      const records = await read(`${first}\n${good.join('\n')}\n`);
      expect(records).toHaveLength(4);
      expect(records[0]!.issues[0]!.code).toBe('read.malformed');
      expect(ids(records.slice(1))).toEqual(['a', 'b', 'c']);
      expect(records.map((record) => record.source.line)).toEqual([1, 2, 3, 4]);
    });
  }

  it('CR-only line ends: one record per line, with its line number', async () => {
    const records = await read(`${good.join('\r')}\r`);
    expect(ids(records)).toEqual(['a', 'b', 'c']);
    expect(records.map((record) => record.source.line)).toEqual([1, 2, 3]);
  });

  it('a response with one document per line is still one streamed value', async () => {
    const records = await read(`{"responseHeader":{"status":0},"response":{"numFound":3,"docs":[\n${good.join(',\n')}\n]}}\n`);
    expect(ids(records)).toEqual(['a', 'b', 'c']);
    expect(records.every((record) => record.issues.length === 0)).toBe(true);
  });
});

describe('NDJSON whose first line is over --max-record-bytes', () => {
  async function readLimited(text: string, maxRecordBytes: number): Promise<RawRecord[]> {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; at += 16 * 1024) yield bytes.subarray(at, at + 16 * 1024);
    }
    const records: RawRecord[] = [];
    for await (const record of readRecords(solrJsonReader, chunks(), { file: 'in.ndjson', limits: { ...DEFAULT_READ_LIMITS, maxRecordBytes } })) records.push(record);
    return records;
  }

  it('is one read.limit-exceeded reject; every line after it is a record (issue 17, critical 8)', async () => {
    for (const [size, limit] of [[70_000, 1000], [200_000, 100_000], [300_000, 64 * 1024]] as const) {
      const first = JSON.stringify({ id: 'big', title: 'x'.repeat(size) });
      const records = await readLimited(`${first}\n${good.join('\n')}\n`, limit);
      expect(ids(records.slice(1)), `${size} over ${limit}`).toEqual(['a', 'b', 'c']);
      expect(records[0]!.issues.map((issue) => issue.code)).toEqual(['read.limit-exceeded']);
      expect(records.map((record) => record.source.line)).toEqual([1, 2, 3, 4]);
    }
  });

  it('a one-line select response over the limit is still one streamed value, not a line', async () => {
    const response = JSON.stringify({ responseHeader: { status: 0 }, response: { numFound: 3, docs: [...good.map((line) => JSON.parse(line) as object), { id: 'pad', title: 'x'.repeat(80_000) }] } });
    const records = await readLimited(`${response}\n`, 64 * 1024);
    expect(ids(records).slice(0, 3)).toEqual(['a', 'b', 'c']);
  });
});
