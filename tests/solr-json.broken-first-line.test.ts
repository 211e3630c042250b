import { describe, expect, it } from 'vitest';
import { solrJsonReader } from '../src/read/solr-json.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import type { RawRecord } from '../src/model/raw-record.js';
import { readRecords } from '../src/read/chunked.js';

/**
 * NDJSON whose first line is broken, or whose lines end in CR only, is still read line by
 * line: every later line is a record (issue 11, defect 7). A pretty-printed or
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
