import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { depthExceededAt, parseJsonExact, MAX_JSON_DEPTH } from '../src/read/exact-json.js';
import { solrCsvReader } from '../src/read/solr-csv.js';
import { jsonPreview } from '../src/read/solr-doc.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { readAll } from './helpers/read.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/**
 * Structures built to break parsers: nesting a million levels deep, attributes and header
 * cells of many megabytes, a field named `__proto__`. Each must cost one rejected record
 * (or one field issue), never a stack overflow, a string too long to build, or a field
 * that vanishes; the records around it are read.
 */

const deepArray = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
const good = (id: string): string => JSON.stringify({ id, title: `Title ${id}` });
const codes = (record: RawRecord): string[] => record.issues.map((issue) => issue.code);
const SEED = sharedPath('data', 'seed', '000_d603f818e8ddaeae.txt');

describe('nesting a million levels deep', () => {
  it('NDJSON: the deep line is one reject, the lines around it are read', async () => {
    const text = `${good('a')}\n{"id":"b","x":${deepArray(1_000_000)}}\n${good('c')}\n`;
    const records = await readAll(solrJsonReader, text);
    expect(records.map((record) => record.fields.id ?? null)).toEqual(['a', null, 'c']);
    expect(codes(records[1]!)).toEqual(['read.limit-exceeded']);
    expect(records[1]!.issues[0]!.message).toMatch(/nested deeper than 64 levels/);
    expect(records[0]!.issues).toEqual([]);
    expect(records[2]!.issues).toEqual([]);
  });

  it('a streamed response: the deep document is one reject, the documents after it are read', async () => {
    const text = `{"response":{"docs":[${good('a')},{"id":"b","x":${deepArray(1_000_000)}},${good('c')}]}}`;
    const records = await readAll(solrJsonReader, text);
    expect(records.map((record) => record.fields.id ?? null)).toEqual(['a', null, 'c']);
    expect(codes(records[1]!)).toEqual(['read.limit-exceeded']);
    expect(records[1]!.issues[0]!.message).toMatch(/Document 2 nests arrays and objects deeper than 64 levels/);
    expect(records[2]!.issues).toEqual([]);
  });

  it('a single deep document (a root object) is refused, not assembled', async () => {
    const records = await readAll(solrJsonReader, `{"id":"solo",\n"x":${deepArray(200_000)}}`);
    expect(records).toHaveLength(1);
    expect(codes(records[0]!)).toEqual(['read.limit-exceeded']);
  });

  it('Solr XML: a document with elements nested 100,000 deep is one reject, the next document is read', async () => {
    const nested = '<lst>'.repeat(100_000) + '</lst>'.repeat(100_000);
    const xml = `<?xml version="1.0"?><response><result name="response"><doc><str name="id">a</str></doc><doc><str name="id">b</str>${nested}</doc><doc><str name="id">c</str></doc></result></response>`;
    const records = await readAll(solrXmlReader, xml);
    expect(records).toHaveLength(3);
    expect(codes(records[1]!)).toEqual(['read.limit-exceeded']);
    expect(records[1]!.issues[0]!.message).toMatch(/nests elements deeper than 64 levels/);
    expect(records[2]!.fields.id).toBe('c');
  });

  it('the depth scan skips brackets inside strings and is exact at the limit', () => {
    expect(depthExceededAt(`{"a":"${'['.repeat(500)}"}`, MAX_JSON_DEPTH)).toBeUndefined();
    expect(depthExceededAt(deepArray(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBeUndefined();
    expect(depthExceededAt(deepArray(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH);
    expect(() => parseJsonExact(deepArray(1000))).toThrow(/nested deeper than 64 levels/);
  });

  it('previews of deep or huge values stay short', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(jsonPreview(deep).length).toBeLessThanOrEqual(201);
    expect(jsonPreview({ big: 'x'.repeat(10_000_000) }).length).toBeLessThanOrEqual(201);
  });
});

describe('attributes and header cells over the limits', () => {
  const limits = { maxRecordBytes: 1024 * 1024, maxFieldLength: 64 * 1024 };

  it('Solr XML: an attribute longer than the field limit rejects its document; the next document is read', async () => {
    const xml = `<response><result name="response"><doc><str name="id">a</str></doc><doc><str name="id">b</str><str name="title" x="${'A'.repeat(200_000)}">t</str></doc><doc><str name="id">c</str></doc></result></response>`;
    const records = await readAll(solrXmlReader, xml, { limits, chunkSize: 4096 });
    expect(records.map((record) => codes(record))).toEqual([[], ['read.limit-exceeded'], []]);
    expect(records[1]!.issues[0]!.message).toMatch(/attribute x of <str> 200001 characters long, over the field length limit of 65536/);
  });

  it('Solr XML: attributes count against the record size limit', async () => {
    const attributes = Array.from({ length: 40 }, (_, index) => `a${index}="${'B'.repeat(30_000)}"`).join(' ');
    const xml = `<response><result name="response"><doc><str name="id">big</str><str name="title" ${attributes}>t</str></doc></result></response>`;
    const records = await readAll(solrXmlReader, xml, { limits });
    expect(codes(records[0]!)).toEqual(['read.limit-exceeded']);
  });

  it('Solr XML: a tag longer than the record limit stops the file before the parser holds it whole', async () => {
    const xml = `<response><result name="response"><doc><str name="id">a</str></doc><doc><str name="id" x="${'C'.repeat(5 * 1024 * 1024)}">b</str></doc></result></response>`;
    const records = await readAll(solrXmlReader, xml, { limits, chunkSize: 64 * 1024 });
    expect(records.map((record) => record.fields.id ?? null)).toEqual(['a', null]);
    // Read whole, the markup guard stops the file; split into documents for the workers,
    // the splitter refuses the oversized document before any parser sees it.
    expect(codes(records[1]!)).toEqual(['read.limit-exceeded']);
    expect(records[1]!.issues[0]!.message).toMatch(/A tag, comment or CDATA section from line 1 is longer than 1048576 characters|Document 2 \(line 1\) is larger than the record size limit/);
  });

  it('Solr CSV: a header cell of megabytes stops the file with one reject', async () => {
    const csv = `id,${'t'.repeat(2 * 1024 * 1024)}\nr1,x\n`;
    const records = await readAll(solrCsvReader, csv);
    expect(records).toHaveLength(1);
    expect(codes(records[0]!)).toEqual(['read.limit-exceeded']);
    expect(records[0]!.issues[0]!.message).toMatch(/The header row \(line 1\) has no line end in its first 1048576 bytes/);
    // A shorter header row with one long cell: the cell limit.
    const short = await readAll(solrCsvReader, `id,${'t'.repeat(5000)}\nr1,x\n`);
    expect(short.map((record) => record.issues[0]!.message)).toEqual(['Header cell 2 (line 1) is 5000 characters long, over the field name limit of 1024; reading of test-input stopped']);
  });
});

const expectKept = (records: RawRecord[]): void => {
  expect(records).toHaveLength(1);
  expect(Object.keys(records[0]!.fields)).toContain('__proto__');
  expect(Object.getPrototypeOf(records[0]!.fields)).not.toEqual(['polluted']);
};

describe('a field named __proto__', () => {
  it('is kept by the Solr JSON reader (line and streamed)', async () => {
    expectKept(await readAll(solrJsonReader, '{"id":"p","__proto__":["polluted"]}\n{}'.split('\n')[0]! + '\n'));
    expectKept(await readAll(solrJsonReader, '{"response":{"docs":[{"id":"p","__proto__":["polluted"]}]}}'));
  });
  it('is kept by the Solr XML reader', async () => {
    expectKept(await readAll(solrXmlReader, '<response><result name="response"><doc><str name="id">p</str><arr name="__proto__"><str>polluted</str></arr></doc></result></response>'));
  });
  it('is kept by the Solr CSV reader', async () => {
    expectKept(await readAll(solrCsvReader, 'id,__proto__\np,polluted\n'));
  });
});

describeWithShared('a field named __proto__ in a real Staff View page', () => {
  it('is kept by the Staff View reader (a row added to the real seed page)', async () => {
    const page = readFileSync(SEED, 'utf8').replace('\ntitle |', '\n__proto__ | polluted |\ntitle |');
    expectKept(await readAll(staffViewReader, page));
  });
});
