import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMarc8, MarcParseError, parseIso2709, parseMarcInJson, parseMarcXml, readIso2709 } from '../src/marc/index.js';
import { Marc8Error } from '../src/marc/marc8.js';
import { parseWithMarcjs } from '../src/marc/marcjs.js';
import type { MarcRecord } from '../src/model/marc.js';
import { describeWithYaz, splitIso2709, toIso2709, yazConvert, yazRecords } from './helpers/marc.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

const VUFIND_TESTS = sharedPath('data/marc/vufind-tests');

/** The marc8 package's own translate(), the oracle of bibpipe's walk over its code tables. */
const translate = createRequire(import.meta.url)('marc8') as (bytes: Buffer) => string;
const libraryTranslate = (bytes: Buffer): string => translate(bytes).normalize('NFC');

/** yaz-marcdump rewrites leader/20-23 ("4500"); everything else must agree, text compared in NFC. */
function comparable(record: MarcRecord): MarcRecord {
  return JSON.parse(JSON.stringify({ ...record, leader: record.leader.slice(0, 20) }).normalize('NFC')) as MarcRecord;
}

const LEADER = '00000nam a2200000 i 4500';

function book(fields: MarcRecord['fields'], leader = LEADER): MarcRecord {
  return { leader, fields };
}

const SAMPLE = book([
  { tag: '001', value: 'rec-1' },
  { tag: '008', value: '210101s2021    gw            000 0 ger d' },
  { tag: '100', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: 'Müller, Jörg' }, { code: 'e', value: 'Hrsg.' }] },
  { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Ça marche :' }, { code: 'b', value: '東京 ☃' }] },
]);

/** The leader as it comes back: lengths and base address filled in by the writer. */
function withLengths(record: MarcRecord, bytes: Uint8Array): MarcRecord {
  return { ...record, leader: Buffer.from(bytes.subarray(0, 24)).toString('latin1') };
}

describe('parseIso2709: ISO 2709 on bytes', () => {
  it('reads a UTF-8 record whose lengths count bytes, not characters', () => {
    const bytes = toIso2709(SAMPLE);
    expect(bytes.length).toBeGreaterThan(Buffer.from(bytes).toString('utf8').length);
    const { record, problems } = readIso2709(bytes);
    expect(problems).toEqual([]);
    expect(record).toEqual(withLengths(SAMPLE, bytes));
  });

  it('reads a record over 99,999 bytes whose lengths read 99999, by its separators (marcjs alone cannot)', () => {
    const long = 'x'.repeat(30_000);
    const big = book([
      { tag: '001', value: 'big' },
      ...[1, 2, 3, 4].map((n) => ({ tag: '505', ind1: '0', ind2: ' ', subfields: [{ code: 'a', value: `${n} ${long}` }] })),
      { tag: '999', ind1: ' ', ind2: ' ', subfields: [{ code: 'z', value: 'after the overflow' }] },
    ]);
    const bytes = toIso2709(big, { capLengths: true });
    expect(bytes.length).toBeGreaterThan(99_999);
    expect(bytes.subarray(0, 5).toString()).toBe('99999');
    const { record, problems } = readIso2709(bytes);
    expect(problems).toEqual([]);
    expect(record.fields).toEqual(big.fields);
    // The measured reason for reading these by hand: the library cuts them by the capped numbers.
    expect(parseWithMarcjs(bytes, big.fields.length)?.fields).not.toEqual(big.fields);
  });

  it('agrees with marcjs on every well-formed record (the library is the oracle of the own decoder)', () => {
    const code = fc.constantFrom(...'abcdefghxyz0123456789');
    const text = fc.string({ unit: fc.constantFrom('a', 'é', 'ß', '東', '😀', ' ', ':', 'e\u0301'), maxLength: 12 });
    const dataField = fc.record({
      tag: fc.integer({ min: 10, max: 999 }).map((n) => String(n).padStart(3, '0')),
      ind1: fc.constantFrom(' ', '0', '1'),
      ind2: fc.constantFrom(' ', '0', '4'),
      subfields: fc.array(fc.record({ code, value: text }), { maxLength: 4 }),
    });
    const controlField = fc.record({ tag: fc.constantFrom('001', '003', '005', '008'), value: text });
    const seed = 2109;
    fc.assert(
      fc.property(fc.array(fc.oneof(controlField, dataField), { maxLength: 10 }), (fields) => {
        const bytes = toIso2709(book(fields));
        const ours = readIso2709(bytes, { useLibrary: false });
        expect(ours.problems).toEqual([]);
        expect(ours.record).toEqual(parseWithMarcjs(bytes, fields.length));
        expect(readIso2709(bytes).record).toEqual(ours.record);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('names each structural problem with its byte offset and still reads the fields', () => {
    const bytes = toIso2709(SAMPLE);
    const damaged = Buffer.from(bytes);
    damaged.write('00999', 0, 'latin1'); // record length
    damaged.write('00077', 12, 'latin1'); // base address
    damaged.write('9999', 24 + 12 + 3, 'latin1'); // the 008 entry's length
    const { record, problems } = readIso2709(damaged.subarray(0, damaged.length - 1));
    expect(problems.map((problem) => [problem.code, problem.offset])).toEqual([
      ['marc.record-terminator', damaged.length - 1],
      ['marc.record-length', 0],
      ['marc.base-address', 12],
      ['marc.directory', 36],
    ]);
    expect(record.fields).toEqual(SAMPLE.fields);
  });

  it('throws MarcParseError with an offset for a record it cannot read', () => {
    expect(() => parseIso2709(Buffer.from('00012nam'))).toThrow(MarcParseError);
    const noDirectoryEnd = Buffer.from('00050nam a2200049 i 4500001001200000abc\x1d', 'latin1');
    try {
      parseIso2709(noDirectoryEnd);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MarcParseError);
      expect((error as MarcParseError).offset).toBe(24);
      expect((error as MarcParseError).reason).toMatch(/directory/);
    }
  });

  it('reads MARC-8 (leader/09 blank): ANSEL diacritics come out composed, escapes switch scripts', () => {
    const marc8 = 'R\xe2esum\xe2e \x1b(NABC\x1b(B ok \xa5';
    expect(decodeMarc8(Buffer.from(marc8, 'latin1'))).toBe('Résumé абц ok Æ');
    // A set designated into the other half of the code table (as yaz writes Extended Arabic).
    expect(decodeMarc8(Buffer.from('\x1b(4v', 'latin1'))).toBe(decodeMarc8(Buffer.from('\x1b)4\xf6', 'latin1')));
    const record = book([{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: marc8 }] }], '00000nam  2200000 i 4500');
    const { record: read, problems } = readIso2709(toIso2709(record, { encoding: 'latin1' }));
    expect(problems).toEqual([]);
    expect(read.fields[0]).toEqual({ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Résumé абц ok Æ' }] });
  });

  it('decodes MARC-8 as the marc8 package translates it, wherever the package does not fail', () => {
    // Each escape is followed by a character: the package misreads an escape right after another one.
    const piece = fc.constantFrom('a', 'Z', ' ', '1', '\xe2', '\xe1', '\xa5', '\xb2', '\x1b(NA', '\x1b(Ba', '\x1bsa', '\x1bga', '\x1b)Q\xc0', '\xc0', '\x1b(SA', '\x1b(2a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        // The package drops a combining mark that no base character follows; a final letter gives each one its base.
        const bytes = Buffer.from(`${pieces.join('')}\x1bsa`, 'latin1');
        let expected: string;
        try {
          expected = libraryTranslate(bytes);
        } catch {
          return;
        }
        expect(decodeMarc8(bytes)).toBe(expected);
      }),
      { seed: 2108, numRuns: 500 },
    );
  });

  it('names the byte of an undefined MARC-8 character', () => {
    expect(() => decodeMarc8(Buffer.from('ab\x1b(Nz\x7f', 'latin1'))).toThrow(Marc8Error);
    try {
      decodeMarc8(Buffer.from('abc\x1b', 'latin1'));
    } catch (error) {
      expect((error as Marc8Error).offset).toBe(3);
    }
  });

  it('reads bytes that are not UTF-8 under leader/09 "a" as MARC-8 when they are, and says so', () => {
    const bytes = Buffer.from(toIso2709(book([{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Ecole' }] }])).toString('latin1').replace('Ecole', '\xe2Ecol'), 'latin1');
    const { record, problems } = readIso2709(bytes);
    expect(problems.map((problem) => problem.code)).toEqual(['marc.undeclared-marc8']);
    expect(record.fields[0]).toMatchObject({ subfields: [{ code: 'a', value: 'Écol' }] });
  });
});

describe('parseMarcXml and parseMarcInJson', () => {
  const xml = (prefix: string, ns: string) =>
    `<?xml version="1.0"?><${prefix}collection ${ns}><${prefix}record><${prefix}leader>${LEADER}</${prefix}leader>` +
    `<${prefix}controlfield tag="001">rec-1</${prefix}controlfield><${prefix}datafield ind2="0" tag="245" ind1="1">` +
    `<${prefix}subfield code="a">Ce\u0301 &amp; co</${prefix}subfield></${prefix}datafield></${prefix}record></${prefix}collection>`;
  const expected = book([
    { tag: '001', value: 'rec-1' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Cé & co' }] },
  ]);

  it('reads a collection with or without a namespace prefix, attributes in any order, text in NFC', () => {
    expect(parseMarcXml(xml('', 'xmlns="http://www.loc.gov/MARC21/slim"'))).toEqual([expected]);
    expect(parseMarcXml(xml('marc:', 'xmlns:marc="http://www.loc.gov/MARC21/slim"'))).toEqual([expected]);
    expect(parseMarcXml(xml('', ''))).toEqual([expected]);
  });

  it('keeps the record order of fields (control fields need not come first)', () => {
    const text = `<record><leader>${LEADER}</leader><datafield tag="245" ind1="0" ind2="0"><subfield code="a">T</subfield></datafield><controlfield tag="001">x</controlfield></record>`;
    expect(parseMarcXml(text)[0]!.fields.map((field) => field.tag)).toEqual(['245', '001']);
  });

  it('refuses broken XML and DOCTYPEs with a byte offset', () => {
    const broken = `<record><leader>é</leader><datafield tag="245"></record>`;
    try {
      parseMarcXml(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MarcParseError);
      expect((error as MarcParseError).offset).toBeGreaterThan(broken.indexOf('</record>'));
    }
    expect(() => parseMarcXml('<!DOCTYPE r [<!ENTITY a "b">]><record/>')).toThrow(/DOCTYPE/);
    expect(() => parseMarcXml('<html/>')).toThrow(/no MARCXML/);
  });

  it('reads MARC-in-JSON and names the path of a shape problem', () => {
    const value = { leader: LEADER, fields: [{ '001': 'rec-1' }, { '245': { ind1: '1', ind2: '0', subfields: [{ a: 'Ce\u0301 & co' }] } }] };
    expect(parseMarcInJson(value)).toEqual(expected);
    expect(() => parseMarcInJson({ leader: LEADER, fields: [{ '245': { subfields: [{ a: 1 }] } }] })).toThrow(/fields\.0\.245/);
    expect(() => parseMarcInJson({ leader: LEADER, fields: [{ '001': 'a', '002': 'b' }] })).toThrow(/one key/);
  });
});

describeWithShared('VuFind MARC test records', () => {
  describeWithYaz('read as yaz-marcdump reads them', () => {
    const files = readdirSync(VUFIND_TESTS).filter((name) => name.endsWith('.mrc'));

    it.each(files)('%s: every record, every field and subfield', (name) => {
      const file = join(VUFIND_TESTS, name);
      const ours = splitIso2709(readFileSync(file)).map((bytes) => readIso2709(bytes));
      const yaz = yazRecords(file);
      expect(ours.length).toBe(yaz.length);
      expect(ours.map((result) => comparable(result.record))).toEqual(yaz.map(comparable));
      const problems = ours.flatMap((result, index) => result.problems.map((problem) => `${index}: ${problem.code}`));
      // The one record declared MARC-8 (leader/09 blank) with non-ASCII bytes holds UTF-8 (é as C3 A9).
      expect(problems).toEqual(name === 'geo_titles.mrc' ? ['0: marc.encoding-mismatch'] : []);
    });

    it('reads MARC-8 as yaz decodes it (the records converted to MARC-8 by yaz)', () => {
      const file = join(temporaryDirectory(), 'author_relators.marc8.mrc');
      writeFileSync(file, yazConvert(join(VUFIND_TESTS, 'author_relators.mrc'), ['-f', 'utf-8', '-t', 'marc-8', '-l', '9=32']));
      const marc8 = splitIso2709(readFileSync(file));
      expect(marc8.some((bytes) => bytes.some((byte) => byte >= 0x80) && bytes[9] === 0x20)).toBe(true);
      const read = marc8.map((bytes) => readIso2709(bytes));
      expect(read.flatMap((result) => result.problems)).toEqual([]);
      const yaz = yazRecords(file, ['-f', 'marc-8', '-t', 'utf-8']);
      expect(read.map((result) => comparable(result.record).fields)).toEqual(yaz.map((record) => comparable(record).fields));
    });

    it.each(['journal_article.xml', 'really_old.xml'])('%s: MARCXML as yaz reads it', (name) => {
      const file = join(VUFIND_TESTS, name);
      expect(parseMarcXml(readFileSync(file, 'utf8')).map(comparable)).toEqual(yazRecords(file, ['-i', 'marcxml']).map(comparable));
    });

    it('reads what yaz writes as MARCXML the same as the ISO 2709 it came from', () => {
      const file = join(VUFIND_TESTS, 'weird_ids.mrc');
      const iso = splitIso2709(readFileSync(file)).map(parseIso2709);
      expect(parseMarcXml(yazConvert(file, [], 'marcxml').toString('utf8')).map(comparable)).toEqual(iso.map(comparable));
    });
  });
});
