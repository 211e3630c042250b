import { describe, expect, it } from 'vitest';
import { detectReader } from '../src/read/index.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { inputFixture, readAll } from './helpers/read-input.js';

const RESPONSE = 'a solr select response with three records.xml';
const UPDATE = 'an update document with two records.xml';

describe('solr-xml: a select response', () => {
  it('reads every <doc> of the main result with its fields as text, skipping pseudo-fields', async () => {
    const records = await readAll(solrXmlReader, inputFixture(RESPONSE), { file: RESPONSE });
    expect(records.map((record) => record.fields.id)).toEqual([
      'oai:repo.example.org:2231',
      'oai:repo.example.org:2232',
      'oai:repo.example.org:2240',
    ]);
    const [first, second, third] = records;
    expect(first!.issues).toEqual([]);
    expect(first!.format).toBe('solr-xml');
    expect(first!.fields.author).toEqual(['Okafor, Chidi', 'Lindqvist, Maja', 'Nguyễn, Thị Hương']);
    expect(first!.fields.author_role).toEqual(['aut', 'aut', '']);
    expect(first!.fields.language).toEqual(['English']);
    expect(first!.fields.title).toBe('Soil carbon & nitrogen under <no-till> farming: a ten-year study');
    expect(first!.fields.description).toBe('Over ten years we measured\nsoil organic carbon at three depths.');
    expect(first!.fields._version_).toBe('1821734098163351552');
    expect(first!.fields.first_indexed).toBe('2024-09-03T11:42:07Z');
    expect(first!.fields).not.toHaveProperty('score');
    expect(second!.fields.title).toBe('Cities & rivers <a history>');
    expect(second!.fields.publisher).toEqual(['Presses universitaires, ']);
    expect(third!.fields.title).toBe('Café culture in 🌍 port towns');
  });

  it('gives each record the line of its <doc> and its ordinal', async () => {
    const text = inputFixture(RESPONSE).toString('utf8');
    const lines = text.split('\n');
    const docLines = lines.flatMap((line, index) => (line.trim() === '<doc>' ? [index + 1] : []));
    const records = await readAll(solrXmlReader, text, { file: RESPONSE });
    expect(records.map((record) => record.source)).toEqual(
      docLines.map((line, index) => ({ file: RESPONSE, line, ordinal: index + 1 })),
    );
  });

  it('gives the same records whatever the chunk boundaries (1-byte chunks)', async () => {
    const whole = await readAll(solrXmlReader, inputFixture(RESPONSE));
    const bytewise = await readAll(solrXmlReader, inputFixture(RESPONSE), { chunkSize: 1 });
    expect(bytewise).toEqual(whole);
  });

  it('ignores documents outside the main result (grouped, "more like this")', async () => {
    const xml = `<response><lst name="moreLikeThis"><result name="x1" numFound="1"><doc><str name="id">not-me</str></doc></result></lst>
<result name="response" numFound="1"><doc><str name="id">me</str></doc></result></response>`;
    const records = await readAll(solrXmlReader, xml);
    expect(records.map((record) => record.fields.id)).toEqual(['me']);
  });

  it('reports a nested structure inside a document as a field.type issue, like the JSON reader', async () => {
    const xml = `<response><result name="response"><doc><str name="id">p1</str><lst name="explain"><str name="a">b</str></lst><null name="gone"/></doc></result></response>`;
    const [record] = await readAll(solrXmlReader, xml);
    expect(record!.fields).toEqual({ id: 'p1' });
    expect(record!.issues.map((issue) => [issue.code, issue.field])).toEqual([['field.type', 'explain']]);
  });
});

describe('solr-xml: control characters', () => {
  it("undoes Solr's #NN; escaping of control characters (MARC separators) but leaves #9; #10; #13; and other text", async () => {
    const xml = '<response><result name="response"><doc><str name="id">m1</str><str name="fullrecord">00714cam#30;001#31;a#29;</str><str name="title">Issue #9; and #45; and #1x;</str></doc></result></response>';
    const [record] = await readAll(solrXmlReader, xml);
    expect(record!.fields.fullrecord).toBe('00714cam\u001e001\u001fa\u001d');
    expect(record!.fields.title).toBe('Issue #9; and #45; and #1x;');
  });
});

describe('solr-xml: an update document', () => {
  it('reads <add><doc><field name> with repeated and schema multi-valued fields as lists', async () => {
    const records = await readAll(solrXmlReader, inputFixture(UPDATE), { file: UPDATE });
    expect(records.map((record) => record.fields)).toEqual([
      {
        id: 'upd-0001',
        title: 'Tidal energy in northern estuaries',
        author: ['Haraldsen, Eirik', 'Moreau, Luc'],
        format: ['Article'],
        publishDate: ['2021'],
        container_title: 'Renewable Energy',
      },
      { id: 'upd-0002', title: 'Notes & queries', topic: ['History'], local_note_s: 'kept whole' },
    ]);
    expect(records.map((record) => record.source.line)).toEqual([3, 12]);
  });
});

describe('solr-xml: broken input', () => {
  it('skips a document with malformed XML as a read.malformed record naming line and byte offset; the records around it stay', async () => {
    const xml = '<response><result name="response">\n<doc><str name="id">1</str></doc>\n<doc><str name="id">2</str></doc>\n<doc><str name="id">3</doc>\n<doc><str name="id">4</str></doc></result></response>';
    const records = await readAll(solrXmlReader, xml, { file: 'broken.xml' });
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['1', '2', 'read.malformed', '4']);
    const issue = records[2]!.issues[0]!;
    // The error is found at the end of the `</doc>` that does not match the open `<str>`.
    const byteOffset = xml.indexOf('>', xml.indexOf('3</doc>'));
    expect(issue.message).toContain(`line 4 (byte offset ${byteOffset})`);
    expect(issue.source).toMatchObject({ file: 'broken.xml', line: 4, byteOffset, ordinal: 3 });
  });

  it('reports a truncated file as malformed after the complete records', async () => {
    const text = inputFixture(RESPONSE).toString('utf8');
    const cut = text.slice(0, text.indexOf('oai:repo.example.org:2240'));
    const records = await readAll(solrXmlReader, cut);
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual([
      'oai:repo.example.org:2231',
      'oai:repo.example.org:2232',
      'read.malformed',
    ]);
  });

  it('refuses invalid UTF-8 with its byte offset', async () => {
    const bytes = Buffer.concat([Buffer.from('<response><result name="response"><doc><str name="id">ok</str></doc><doc><str name="id">'), Buffer.from([0xc3, 0x28]), Buffer.from('</str></doc></result></response>')]);
    // The offset is that of the first byte of the ill-formed sequence: here the lead byte
    // C3 that 0x28 cannot continue, also when a chunk ends between them.
    for (const chunkSize of [16, 1, 89]) {
      const records = await readAll(solrXmlReader, bytes, { chunkSize });
      expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['ok', 'read.invalid-utf8']);
      expect(records[1]!.source.byteOffset).toBe(bytes.indexOf(0xc3));
    }
  });

  it('caps a document larger than the record size limit', async () => {
    const xml = `<response><result name="response"><doc><str name="id">big</str><str name="title">${'x'.repeat(5000)}</str></doc><doc><str name="id">small</str></doc></result></response>`;
    const records = await readAll(solrXmlReader, xml, { limits: { maxRecordBytes: 1000 } });
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['read.limit-exceeded', 'small']);
  });

  it('caps a document made of a flood of empty elements', async () => {
    const xml = `<response><result name="response"><doc><str name="id">flood</str><arr name="x">${'<str/>'.repeat(10_000)}</arr></doc><doc><str name="id">after</str></doc></result></response>`;
    const records = await readAll(solrXmlReader, xml, { limits: { maxRecordBytes: 10_000 } });
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['read.limit-exceeded', 'after']);
  });

  it('rejects a root element that is not a Solr response', async () => {
    const records = await readAll(solrXmlReader, '<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>');
    expect(records.map((record) => record.issues[0]?.code)).toEqual(['read.not-a-record']);
  });
});

describe('solr-xml: detection', () => {
  it.each([
    ['a response with an XML declaration', '<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<lst name="responseHeader">'],
    ['a bare response', '<response><result name="response">'],
    ['an update document', '<?xml version="1.0"?>\n<!-- exported -->\n<add>\n<doc>'],
    ['a response with a DOCTYPE (refused when read)', '<?xml version="1.0"?><!DOCTYPE response [<!ENTITY a "b">]><response>'],
  ])('detects %s', (_name, head) => {
    expect(solrXmlReader.detect(head)).toBeGreaterThan(0);
    expect(detectReader(head)?.name).toBe('solr-xml');
  });

  it.each([
    ['MEDLINE XML', '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "x.dtd">\n<PubmedArticleSet>'],
    ['Solr JSON', '{"responseHeader":{"status":0},"response":{"docs":[]}}'],
    ['an element whose name starts with "response"', '<responses>'],
  ])('does not take %s', (_name, head) => {
    expect(solrXmlReader.detect(head)).toBe(0);
  });
});
