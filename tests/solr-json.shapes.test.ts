import { describe, expect, it } from 'vitest';
import { solrJsonReader } from '../src/read/solr-json.js';
import { readAll } from './helpers/read.js';

const DOC_A = '{"id":"a","title":"First","author":["Kim, Ja Wook","Lee, Min"],"_version_":1785071094303031296}';
const DOC_B = '{"id":"b","title":"Second","publishDate":["2001"],"_version_":1785071094303031297}';

describe('Solr JSON reader: the shapes people save', () => {
  it('streams the docs of a select response and keeps _version_ exact (above 2^53)', async () => {
    const response = `{"responseHeader":{"status":0,"params":{"q":"*:*"}},"response":{"numFound":2,"start":0,"docs":[\n${DOC_A},\n${DOC_B}\n]},"facet_counts":{"facet_fields":{}}}`;
    for (const chunkSize of [7, 64, 65536]) {
      const records = await readAll(solrJsonReader, response, { chunkSize });
      expect(records.map((r) => r.fields.id)).toEqual(['a', 'b']);
      expect(records[0]?.fields._version_).toBe('1785071094303031296');
      expect(records[1]?.fields._version_).toBe('1785071094303031297');
      expect(records[0]?.fields.author).toEqual(['Kim, Ja Wook', 'Lee, Min']);
      expect(records.map((r) => r.source.ordinal)).toEqual([1, 2]);
      expect(records.every((r) => r.issues.length === 0)).toBe(true);
    }
  });

  it('reads a bare array of docs', async () => {
    const records = await readAll(solrJsonReader, `[\n ${DOC_A},\n ${DOC_B}\n]`, { chunkSize: 5 });
    expect(records.map((r) => r.fields.id)).toEqual(['a', 'b']);
    expect(records[0]?.fields._version_).toBe('1785071094303031296');
  });

  it('reads NDJSON with line numbers, CRLF endings and a BOM', async () => {
    const text = `\uFEFF${DOC_A}\r\n\r\n${DOC_B}\r\n`;
    const records = await readAll(solrJsonReader, text);
    expect(records.map((r) => [r.fields.id, r.source.line])).toEqual([['a', 1], ['b', 3]]);
    expect(records[1]?.fields._version_).toBe('1785071094303031297');
  });

  it('skips the status line and headers of a raw HTTP response', async () => {
    const http = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"response":{"numFound":1,"docs":[${DOC_A}]}}`;
    const records = await readAll(solrJsonReader, http);
    expect(records.map((r) => r.fields.id)).toEqual(['a']);
  });

  it('reads a single pretty-printed document that is not a response', async () => {
    const records = await readAll(solrJsonReader, '{\n  "id": "solo",\n  "title": "Alone"\n}\n');
    expect(records.map((r) => r.fields.id)).toEqual(['solo']);
  });
});

describe('Solr JSON reader: broken input is accounted for, never lost', () => {
  it('a line that is not JSON in the middle of NDJSON becomes one error record; the rest is read', async () => {
    const records = await readAll(solrJsonReader, `${DOC_A}\n{"id": "broken", \n${DOC_B}\n`);
    expect(records).toHaveLength(3);
    expect(records[1]?.issues[0]?.code).toBe('read.malformed');
    expect(records[1]?.source.line).toBe(2);
    expect(records[1]?.rawText).toContain('broken');
    expect(records[2]?.fields.id).toBe('b');
  });

  it('a truncated response yields the docs before the cut and one error record', async () => {
    const cut = `{"response":{"docs":[${DOC_A},${DOC_B.slice(0, 20)}`;
    const records = await readAll(solrJsonReader, cut, { chunkSize: 16 });
    expect(records[0]?.fields.id).toBe('a');
    expect(records.at(-1)?.issues[0]?.code).toBe('read.malformed');
  });

  it('a response whose docs is not an array is one error record', async () => {
    const records = await readAll(solrJsonReader, '{\n"response":{"numFound":1,"docs":{"id":"x"}}}');
    expect(records).toHaveLength(1);
    expect(records[0]?.issues[0]?.code).toBe('read.not-a-record');
    expect(records[0]?.issues[0]?.message).toContain('not an array');
  });

  it('a non-object element of docs is one error record and the next doc is still read', async () => {
    const records = await readAll(solrJsonReader, `[\n42,\n${DOC_B}\n]`);
    expect(records.map((r) => r.issues[0]?.code ?? r.fields.id)).toEqual(['read.not-a-record', 'b']);
  });

  it('invalid UTF-8 in NDJSON is reported with its byte offset', async () => {
    const good = Buffer.from(`${DOC_A}\n`);
    const bad = Buffer.concat([Buffer.from('{"id":"c","title":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const records = await readAll(solrJsonReader, Buffer.concat([good, bad, Buffer.from(`${DOC_B}\n`)]));
    expect(records).toHaveLength(3);
    const issue = records[1]?.issues[0];
    expect(issue?.code).toBe('read.invalid-utf8');
    expect(issue?.source?.byteOffset).toBe(good.length + '{"id":"c","title":"caf'.length); // the lead byte C3 of the bad sequence
  });

  it('invalid UTF-8 in a streamed response stops the file with the byte offset', async () => {
    const head = Buffer.from(`[\n${DOC_A},\n{"id":"c","title":"`);
    const records = await readAll(solrJsonReader, Buffer.concat([head, Buffer.from([0xff]), Buffer.from('"}]')]), { chunkSize: 10 });
    expect(records[0]?.fields.id).toBe('a');
    const last = records.at(-1);
    expect(last?.issues[0]?.code).toBe('read.invalid-utf8');
    expect(last?.source.byteOffset).toBe(head.length);
  });

  it('invalid UTF-8 that starts in one chunk and ends in the next is reported at the right byte', async () => {
    // The reader peeks at the first 64 KB, so the bad bytes sit beyond it, where chunk
    // boundaries fall at multiples of the chunk size.
    for (const split of [1, 2]) {
      const start = `[\n${DOC_A},\n{"id":"c","title":"`;
      const badAt = 70_000 - split; // E2 at 69999 or 69998: the boundary at 70000 cuts the sequence
      const head = Buffer.from(start + 'x'.repeat(badAt - Buffer.byteLength(start)));
      // E2 82 starts a three-byte sequence; 0x28 cannot continue it.
      const bytes = Buffer.concat([head, Buffer.from([0xe2, 0x82, 0x28]), Buffer.from('"}]')]);
      const records = await readAll(solrJsonReader, bytes, { chunkSize: 1000 });
      expect(records[0]?.fields.id).toBe('a');
      const last = records.at(-1);
      expect(last?.issues[0]?.code).toBe('read.invalid-utf8');
      // At the lead byte E2 of the ill-formed sequence (where the bad sequence starts, not one byte past it).
      expect(last?.source.byteOffset, `sequence cut after ${split} byte(s)`).toBe(badAt);
    }
  });

  it('a nested object as a field value is a field.type issue, other fields survive', async () => {
    const records = await readAll(solrJsonReader, '{"id":"n","title":{"lang":"en"},"isbn":["123",{"x":1}]}\n');
    expect(records[0]?.fields.id).toBe('n');
    expect(records[0]?.fields.isbn).toEqual(['123']);
    expect(records[0]?.issues.map((i) => [i.code, i.field])).toEqual([['field.type', 'title'], ['field.type', 'isbn']]);
  });
});
