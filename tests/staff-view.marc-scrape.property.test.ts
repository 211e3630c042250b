import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarcField, MarcRecord } from '../src/model/marc.js';
import { parseMarcRow } from '../src/read/staff-view/marc-rows.js';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { asScrapeSees } from './helpers/marc-corpus.js';
import { marcStaffViewPage, marcTableLines, renderMarcHtml, scrapeMarcTable } from './helpers/marc-staff-view.js';
import { temporaryDirectory } from './helpers/temp.js';
import { describeWithXsltproc } from './helpers/xsltproc.js';
import { readAll } from './helpers/read.js';
import { describeWithShared } from './helpers/shared.js';

/** Random MARC records through the Staff View layout and back; random text never breaks the reader. */

const SEED = 2126;

/** Characters that stress the layout: white space runs, the cell and subfield marks, XML specials, scripts. */
const valueChar = fc.constantFrom(...'ab Z09 |  \t\n&<>"\'é\u0301ש中Жxy.,;:/-$\u00a0\u0001'.split(''));
const value = fc.string({ unit: valueChar, maxLength: 24 }).filter((text) => !text.includes('\u00a0 |'));
const digit = fc.constantFrom(...'0123456789'.split(''));
const indicator = fc.constantFrom(' ', '0', '1', '2', '4', '7', 'a');
const code = fc.constantFrom(...'abcdefghxyz0123456789'.split(''));

/** A line break inside a LEADER/006/007/008 row (kept by `pre-wrap`) would split the row: no fixed field holds one (README). */
const fixedValue = value.map((text) => text.replaceAll('\n', ' '));
const controlField: fc.Arbitrary<MarcField> = fc.oneof(
  fc.record({ tag: fc.constantFrom('001', '003', '005'), value }),
  fc.record({ tag: fc.constantFrom('006', '007', '008'), value: fixedValue }),
);
const dataField: fc.Arbitrary<MarcField> = fc.record({
  tag: fc.tuple(fc.constantFrom(...'123456789'.split('')), digit, digit).map((parts) => parts.join('')),
  ind1: indicator,
  ind2: indicator,
  subfields: fc.array(fc.record({ code, value }), { maxLength: 5 }),
});
const marcRecord: fc.Arbitrary<MarcRecord> = fc.record({
  leader: fc.string({ unit: fc.constantFrom(...'0123456789 acmnp'.split('')), minLength: 24, maxLength: 24 }),
  fields: fc.array(fc.oneof(controlField, dataField), { maxLength: 12 }),
});

describe('MARC Staff View scrape: random records', () => {
  it('a random record laid out as VuFind\'s table reads back as the scrape can give it', async () => {
    await fc.assert(
      fc.asyncProperty(marcRecord, async (record) => {
        const [raw] = await readAll(staffViewReader, marcStaffViewPage(record, undefined, { locale: 'fr' }));
        expect(raw?.marc).toEqual(asScrapeSees(record));
        expect(raw?.issues).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('random text around and inside MARC rows never throws, and every row is a field or an issue', async () => {
    const line = fc.oneof(
      fc.string({ unit: valueChar, maxLength: 40 }),
      fc.constantFrom('LEADER | 00000nam a2200000 a 4500 |', '| | | |', '---|---|---|---|', 'Loading…', '245 | 1 | 0 |', '245 |', 'id | x |'),
      marcRecord.map((record) => marcTableLines(record).join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const read = await readAll(staffViewReader, lines.join('\n'), { chunkSize: 7 });
        for (const raw of read) expect(Array.isArray(raw.issues)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('parseMarcRow answers a field or a reason for any line', () => {
    fc.assert(
      fc.property(fc.string({ unit: valueChar, maxLength: 40 }), digit, (text, tagDigit) => {
        const parsed = parseMarcRow(`24${tagDigit} |${text}`);
        expect('reason' in parsed || 'kind' in parsed).toBe(true);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describeWithShared('MARC Staff View scrape: random records through VuFind\'s XSL', () => {
  describeWithXsltproc('xsltproc', () => {
    it('xsltproc lays random records out as the in-process layout does, and they read back', async () => {
      const records = fc.sample(marcRecord, { seed: SEED, numRuns: 150 });
      const html = renderMarcHtml(records, temporaryDirectory());
      for (const [index, record] of records.entries()) {
        expect(scrapeMarcTable(html[index] ?? '')).toEqual(marcTableLines(record));
        const [raw] = await readAll(staffViewReader, marcStaffViewPage(record, html[index], { locale: 'ja' }));
        expect(raw?.marc).toEqual(asScrapeSees(record));
      }
    });
  });
});
