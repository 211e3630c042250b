import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFullrecord } from '../src/marc/index.js';
import { isControlField, type MarcRecord } from '../src/model/marc.js';
import { HAS_MARC_CORPUS, loadCorpus } from './helpers/marc-corpus.js';
import { solrDocuments, writeMarcInputs } from './helpers/marc-inputs.js';
import { xmlCharsOnly } from './helpers/marc-serialize.js';
import { describeWithShared } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';
import { describeWithXsltproc } from './helpers/xsltproc.js';

/**
 * The test-input builder writes the real records as VuFind stores them: each `fullrecord`
 * encoding decodes back to the record (SolrMarc's leader/09 `a` aside), ISO 2709 lengths count
 * UTF-8 bytes, Solr XML shows the separators as `#29;` `#30;` `#31;`.
 */

const DEV = loadCorpus('dev');
const sources = DEV.map((entry) => ({ record: entry.record }));
const asUtf8 = (record: MarcRecord): MarcRecord => ({ ...record, leader: `${record.leader.slice(0, 9)}a${record.leader.slice(10)}` });
/** XML cannot hold control characters (a MARC-8 escape left undecoded, say): MARCXML loses them. */
const xmlCan = (record: MarcRecord): MarcRecord => ({
  leader: xmlCharsOnly(record.leader),
  fields: record.fields.map((field) => (isControlField(field)
    ? { tag: field.tag, value: xmlCharsOnly(field.value) }
    : { ...field, subfields: field.subfields.map((subfield) => ({ code: subfield.code, value: xmlCharsOnly(subfield.value) })) })),
});

describe('MARC test-input builder: fullrecord as SolrMarc writes it', () => {
  it.each(['json', 'iso2709', 'xml'] as const)('every %s fullrecord decodes back to its record', (encoding) => {
    const docs = solrDocuments(sources, encoding);
    docs.forEach((doc, index) => {
      const record = decodeFullrecord(doc.fullrecord as string);
      const utf8 = asUtf8(DEV[index]?.record as MarcRecord);
      const expected = encoding === 'xml' ? xmlCan(utf8) : utf8;
      // ISO 2709 lengths are rewritten for the UTF-8 record; the rest of the leader is kept.
      const leader = (value: string): string => (encoding === 'iso2709' ? value.slice(5, 12) + value.slice(17) : value);
      expect(leader(record.leader), DEV[index]?.name).toBe(leader(expected.leader));
      expect(record.fields, DEV[index]?.name).toEqual(expected.fields);
    });
  });

  it('ISO 2709 lengths count UTF-8 bytes; over 99,999 bytes they read 99999', () => {
    const lengths = solrDocuments(sources, 'iso2709').map((doc) => {
      const text = doc.fullrecord as string;
      return { declared: text.slice(0, 5), bytes: Buffer.byteLength(text, 'utf8') };
    });
    for (const { declared, bytes } of lengths) expect(declared).toBe(bytes > 99_999 ? '99999' : String(bytes).padStart(5, '0'));
    // The gathered corpus holds a record over 99,999 bytes; VuFind's test records (its fallback) do not.
    if (HAS_MARC_CORPUS) expect(lengths.some(({ bytes }) => bytes > 99_999)).toBe(true);
  });

  it('MARC-in-JSON is ASCII beyond U+00FF, as marc4j writes it, and ends in a line feed', () => {
    for (const doc of solrDocuments(sources, 'json')) {
      expect(doc.fullrecord as string).toMatch(/^\{"leader":/u);
      expect(doc.fullrecord as string).not.toMatch(/[\u0100-\uffff]/u);
      expect((doc.fullrecord as string).endsWith('\n')).toBe(true);
    }
  });
});

// Language names come from VuFind's language_map.properties in ../shared, as SolrMarc takes them.
describeWithShared('MARC test-input builder: the indexed fields', () => {
  it('indexes the fields SolrMarc would (245ab with its punctuation, 100abcqd, 6XX joined)', () => {
    const [doc] = solrDocuments([{ record: {
      leader: '00000cam a2200000 a 4500',
      fields: [
        { tag: '001', value: 'r1' }, { tag: '008', value: '850101s1985    nyu           000 0 ger d' },
        { tag: '100', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: 'Kafka, Franz,' }, { code: 'd', value: '1883-1924.' }, { code: '4', value: 'aut' }] },
        { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Der Process :' }, { code: 'b', value: 'Roman /' }, { code: 'c', value: 'Franz Kafka.' }] },
        { tag: '650', ind1: ' ', ind2: '0', subfields: [{ code: 'a', value: 'Law' }, { code: 'z', value: 'Austria' }, { code: 'v', value: 'Fiction.' }] },
        { tag: '264', ind1: ' ', ind2: '1', subfields: [{ code: 'b', value: 'Die Schmiede,' }, { code: 'c', value: '[1925]' }] },
      ],
    } }], 'json');
    expect(doc).toMatchObject({
      id: 'r1', title: 'Der Process : Roman /', author: ['Kafka, Franz, 1883-1924.'], author_role: ['aut'], language: ['German'],
      topic: ['Law Austria Fiction.'], publisher: ['Die Schmiede,'], publishDate: ['1925'], format: ['Book'], record_format: 'marc',
    });
  });
});

describeWithShared('MARC test-input builder: every input kind in one folder', () => {
  describeWithXsltproc('with the Staff View pages', () => {
    it('writes the records as .mrc, MARCXML, NDJSON (three encodings), a JSON response, Solr XML and Staff View pages', () => {
      const paths = writeMarcInputs(DEV.slice(0, 12), temporaryDirectory());
      const solrXml = readFileSync(paths['solr-xml'], 'utf8');
      expect(solrXml).toContain('#29;');
      expect(solrXml).toContain('#30;');
      expect(solrXml).toContain('#31;');
      expect(solrXml).not.toMatch(/[\u001d\u001e\u001f]/u);
      expect(readFileSync(paths['ndjson-json'], 'utf8').trimEnd().split('\n')).toHaveLength(12);
      expect(readFileSync(paths['staff-view'], 'utf8')).toContain('LEADER | ');
      expect(readFileSync(paths.mrc).filter((byte) => byte === 0x1d)).toHaveLength(12);
    });
  });
});
