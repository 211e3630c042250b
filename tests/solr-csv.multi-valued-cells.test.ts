import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../src/read/exact-json.js';
import { detectReader } from '../src/read/index.js';
import { createSolrCsvReader, solrCsvReader, splitMultiValued, SOLR_CSV_DEFAULTS } from '../src/read/solr-csv.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { inputFixture, readAll } from './helpers/read-input.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { solrCsvResponse, type SolrDoc } from './helpers/solr-formats.js';
import { expectLinearGrowth } from './helpers/growth.js';

const EXPORT = 'a solr csv export with multi-valued fields.csv';

describe('solr-csv: a wt=csv export', () => {
  it('splits the cells of multi-valued schema fields on unescaped commas and keeps other cells whole', async () => {
    const records = await readAll(solrCsvReader, inputFixture(EXPORT), { file: EXPORT });
    expect(records.map((record) => record.issues)).toEqual([[], [], []]);
    const [first, second, third] = records.map((record) => record.fields);
    expect(first).toEqual({
      id: 'oai:repo.example.org:2231',
      author: ['Okafor, Chidi', 'Lindqvist, Maja', 'Nguyễn, Thị Hương'],
      author_role: ['aut', 'aut', ''],
      title: 'Soil carbon & nitrogen under <no-till> farming: a ten-year study',
      topic: ['Soil science', 'Carbon sequestration'],
      publishDate: ['2024'],
      description: 'Over ten years we measured\nsoil organic carbon at three depths.',
      // Not a schema field: a comma in it is data, not a separator.
      local_notes: 'reviewed, accepted',
      _version_: '1821734098163351552',
      first_indexed: '2024-09-03T11:42:07Z',
    });
    expect(second).toMatchObject({ author: ['Dubois, Amélie'], title: 'Cities & rivers "a history"', isbn: ['9782130812340'] });
    expect(second).not.toHaveProperty('author_role');
    expect(third).toMatchObject({ topic: ['Ports\\Harbours', 'Line one\nline two'] });
    expect(third).not.toHaveProperty('first_indexed');
  });

  it('gives each record the line where its row starts, past multi-line cells and blank lines', async () => {
    const records = await readAll(solrCsvReader, inputFixture(EXPORT), { file: EXPORT });
    expect(records.map((record) => record.source)).toEqual([
      { file: EXPORT, line: 2, ordinal: 1 },
      { file: EXPORT, line: 4, ordinal: 2 },
      { file: EXPORT, line: 6, ordinal: 3 },
    ]);
    expect(records[1]!.rawText).toContain('Cities & rivers');
  });

  it('counts lines the same with CRLF line ends, a BOM and 1-byte chunks', async () => {
    const crlf = `\ufeff${inputFixture(EXPORT).toString('utf8').replaceAll('\n', '\r\n')}`;
    const records = await readAll(solrCsvReader, crlf, { chunkSize: 1 });
    expect(records.map((record) => record.source.line)).toEqual([2, 4, 6]);
    expect(records[0]!.fields.id).toBe('oai:repo.example.org:2231');
    expect(records[0]!.fields.description).toBe('Over ten years we measured\r\nsoil organic carbon at three depths.');
  });

  it('honours other mv separators and escapes (csv.mv.separator, csv.mv.escape)', () => {
    expect(splitMultiValued('a|b\\|c|', { ...SOLR_CSV_DEFAULTS, mvSeparator: '|' })).toEqual(['a', 'b|c', '']);
    expect(splitMultiValued('a;b', { ...SOLR_CSV_DEFAULTS, mvSeparator: ';', mvEscape: '^' })).toEqual(['a', 'b']);
  });

  it('reads tab-separated output with a reader made for csv.separator=%09', async () => {
    const reader = createSolrCsvReader({ separator: '\t' });
    // The mv separator follows the column separator, so Solr quotes the multi-valued cell.
    const records = await readAll(reader, 'id\ttopic\ttitle\nt1\t"A\tB"\tA, B\n');
    expect(records[0]!.fields).toEqual({ id: 't1', topic: ['A', 'B'], title: 'A, B' });
  });

  it('splits a 1 MB cell of escaped separators in linear time', async () => {
    await expectLinearGrowth('escaped separators', (size) => splitMultiValued('\\,'.repeat(size / 2), SOLR_CSV_DEFAULTS));
    expect(splitMultiValued('\\,'.repeat(500_000), SOLR_CSV_DEFAULTS)).toEqual([','.repeat(500_000)]);
  });
});

describe('solr-csv: broken rows', () => {
  it('rejects a row with the wrong number of cells and goes on', async () => {
    const records = await readAll(solrCsvReader, 'id,title\na,A\nb\nc,C,extra\nd,D\n', { file: 'rows.csv' });
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['a', 'read.malformed', 'read.malformed', 'd']);
    expect(records[1]!.issues[0]!.source).toEqual({ file: 'rows.csv', line: 3, ordinal: 2 });
    expect(records[1]!.rawText).toBe('b\n');
  });

  it('stops at an unclosed quote; the records before it stay', async () => {
    const records = await readAll(solrCsvReader, 'id,title\na,A\nb,"never closed\nc,C\n', { file: 'quote.csv' });
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['a', 'read.malformed']);
    expect(records[1]!.issues[0]!.source).toMatchObject({ file: 'quote.csv', line: 3 });
    expect(records[1]!.issues[0]!.message).toMatch(/Quote Not Closed/);
  });

  it('stops at a record over the size limit', async () => {
    const records = await readAll(solrCsvReader, `id,title\na,A\nb,${'x'.repeat(500)}\nc,C\n`, { limits: { maxRecordBytes: 100 } });
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['a', 'read.limit-exceeded']);
  });

  it('stops at invalid UTF-8 with its byte offset; complete rows before it stay', async () => {
    const bytes = Buffer.concat([Buffer.from('id,title\na,A\nb,'), Buffer.from([0xc3, 0x28]), Buffer.from('\nc,C\n')]);
    for (const chunkSize of [1, 4, 1024]) {
      const records = await readAll(solrCsvReader, bytes, { chunkSize });
      expect(records.map((record) => record.fields.id ?? record.issues[0]?.code), `chunk size ${chunkSize}`).toEqual(['a', 'read.invalid-utf8']);
      expect(records[1]!.source).toMatchObject({ line: 3, byteOffset: bytes.indexOf(0xc3) });
    }
  });
});

describe('solr-csv: detection', () => {
  it.each([
    ['a header of schema fields', 'id,title,author,_version_\n1,a,b,2\n'],
    ['a header with quoted and pseudo fields', '"_version_",id,score,[docid]\n1,2,3,4\n'],
  ])('detects %s', (_name, head) => {
    expect(detectReader(head)?.name).toBe('solr-csv');
  });

  it.each([
    ['a header without id', 'title,author\na,b\n'],
    ['a header with spaces in names', 'id,Title Of Work\n'],
    ['Solr JSON lines', '{"id":"a"}\n{"id":"b"}\n'],
    ['a Solr XML response', '<response>\n<result>\n'],
  ])('does not take %s as CSV', (_name, head) => {
    expect(solrCsvReader.detect(head)).toBe(0);
  });
});

describeWithShared('solr-csv: the same documents as Solr CSV and Solr JSON', () => {
  it('give the same fields, except empty values, which Solr CSV cannot tell from absent ones', async () => {
    const text = readFileSync(sharedPath('data', 'vufind', 'fixtures', 'search.json'), 'utf8');
    const docs = (parseJsonExact(text) as { response: { docs: SolrDoc[] } }).response.docs;
    const fromCsv = await readAll(solrCsvReader, solrCsvResponse(docs), { chunkSize: 4096 });
    const fromJson = await readAll(solrJsonReader, text);
    expect(fromCsv).toHaveLength(docs.length);
    fromJson.forEach((json, index) => {
      const expected = Object.fromEntries(
        Object.entries(json.fields).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 1 && value[0] === '')),
      );
      expect(fromCsv[index]!.fields, `doc ${index + 1}`).toEqual(expected);
    });
  });
});
