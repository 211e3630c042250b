import { describe, expect, it } from 'vitest';
import { decodeFullrecord, MarcParseError, readFullrecord } from '../src/marc/index.js';
import type { MarcRecord } from '../src/model/marc.js';
import { toIso2709 } from './helpers/marc.js';

const RECORD: MarcRecord = {
  leader: '00000cam a2200000 i 4500',
  fields: [
    { tag: '001', value: 'vf-1' },
    { tag: '100', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: 'Dvořák, Antonín' }, { code: '4', value: 'cmp' }] },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Symfonie č. 9 "Z Nového světa" <op. 95> &' }] },
  ],
};

/** What marc4j's MarcJsonWriter writes (VuFind's FullRecordAsJSON2): every character above U+00FF as \uXXXX, a final newline. */
function asMarcInJson(record: MarcRecord): string {
  const fields = record.fields.map((field) =>
    'value' in field ? { [field.tag]: field.value } : { [field.tag]: { subfields: field.subfields.map((s) => ({ [s.code]: s.value })), ind1: field.ind1, ind2: field.ind2 } },
  );
  return `${JSON.stringify({ leader: record.leader, fields }).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

function asMarcXml(record: MarcRecord): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const fields = record.fields.map((field) =>
    'value' in field
      ? `<controlfield tag="${field.tag}">${escape(field.value)}</controlfield>`
      : `<datafield tag="${field.tag}" ind1="${field.ind1}" ind2="${field.ind2}">${field.subfields.map((s) => `<subfield code="${s.code}">${escape(s.value)}</subfield>`).join('')}</datafield>`,
  );
  return `<record xmlns="http://www.loc.gov/MARC21/slim"><leader>${record.leader}</leader>${fields.join('')}</record>`;
}

describe('decodeFullrecord: the three encodings VuFind writes, told apart by the first character', () => {
  const iso = toIso2709(RECORD).toString('utf8');
  const expected = { ...RECORD, leader: iso.slice(0, 24) };

  it('ISO 2709 text whose lengths count UTF-8 bytes, with raw separators or Solr XML\'s #29; #30; #31;', () => {
    expect(readFullrecord(iso)).toEqual({ record: expected, problems: [], encoding: 'iso2709' });
    const solrXml = iso.replace(/\x1d/g, '#29;').replace(/\x1e/g, '#30;').replace(/\x1f/g, '#31;');
    expect(decodeFullrecord(solrXml)).toEqual(expected);
  });

  it('MARC-in-JSON (a JSON text inside the Solr string) and MARCXML give the same record', () => {
    expect(readFullrecord(asMarcInJson(expected))).toEqual({ record: expected, problems: [], encoding: 'marc-in-json' });
    expect(readFullrecord(`\n ${asMarcXml(expected)}`)).toEqual({ record: expected, problems: [], encoding: 'marcxml' });
  });

  it('text converted from MARC-8 (decomposed) comes out in NFC', () => {
    const decomposed = asMarcInJson(expected).normalize('NFD');
    expect(decomposed).not.toBe(asMarcInJson(expected));
    expect(decodeFullrecord(decomposed)).toEqual(expected);
  });

  it('throws MarcParseError with the byte offset inside the value', () => {
    const cases: Array<[string, number, RegExp]> = [
      [iso.slice(0, 20), 0, /leader/],
      ['  {"leader": "x", "fields": [}', 29, /JSON/],
      ['{"leader": 5, "fields": []}', 0, /leader/],
      ['<record><leader>x</leader><datafield></record>', 46, /XML/],
      ['', 0, /empty/],
    ];
    for (const [text, offset, reason] of cases) {
      try {
        decodeFullrecord(text);
        expect.unreachable(text);
      } catch (error) {
        expect(error).toBeInstanceOf(MarcParseError);
        expect([(error as MarcParseError).offset, text]).toEqual([offset, text]);
        expect((error as MarcParseError).reason).toMatch(reason);
      }
    }
  });
});
