import { describe, expect, it } from 'vitest';
import { isControlField, type MarcRecord } from '../src/model/marc.js';
import { processRecord } from '../src/pipeline/process.js';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { asScrapeSees, HAS_MARC_CORPUS, loadCorpus } from './helpers/marc-corpus.js';
import { marcStaffViewFile, marcStaffViewPage, marcTableLines, PAGE_LOCALES, renderMarcHtml, scrapeMarcTable } from './helpers/marc-staff-view.js';
import { temporaryDirectory } from './helpers/temp.js';
import { describeWithXsltproc } from './helpers/xsltproc.js';
import { readAll } from './helpers/read.js';
import { describeWithShared } from './helpers/shared.js';

/**
 * The Staff View of a MARC record (VuFind's record-marc.xsl) scraped to text, read back to
 * the MARC record. Pages are rendered from the real records of the gathered MARC corpus (tests/helpers/marc-corpus.ts) by
 * VuFind's own XSL (xsltproc), inside the page chrome and locales of the scrapes read today.
 */

const DEV = loadCorpus('dev');

describeWithShared('MARC Staff View scrape: pages rendered by VuFind\'s XSL from real records', () => {
  describeWithXsltproc('xsltproc renders VuFind\'s record-marc.xsl', () => {
    const records = DEV.map((entry) => entry.record);
    const text = marcStaffViewFile(records, temporaryDirectory());

    it('gives back every record except what a scrape cannot (README), with no issue', async () => {
      const read = await readAll(staffViewReader, text, { chunkSize: 4096 });
      expect(read).toHaveLength(DEV.length);
      read.forEach((raw, index) => {
        const entry = DEV[index];
        expect(raw.marc, entry?.name).toEqual(asScrapeSees(entry?.record as MarcRecord));
        expect(raw.issues, entry?.name).toEqual([]);
      });
    });

    it('tells each page\'s locale and takes the record id from 001', async () => {
      const read = await readAll(staffViewReader, text);
      read.forEach((raw, index) => {
        expect(raw.hints?.locale, DEV[index]?.name).toBe(PAGE_LOCALES[index % PAGE_LOCALES.length]);
        const controlNumber = DEV[index]?.record.fields.find((field) => field.tag === '001');
        if (controlNumber && isControlField(controlNumber)) expect(raw.fields.id).toBe(controlNumber.value.trim().replace(/\s+/gu, ' '));
      });
    });

    // Only the gathered corpus (../shared/data/marc/real) has such records; VuFind's own test records have no 880 and none over 99,999 bytes.
    it.runIf(HAS_MARC_CORPUS)('reads the record over 99,999 bytes, 880 alternate-script fields and 9XX local fields', async () => {
      const wanted = DEV.filter((entry) => entry.name.includes('datos') || entry.name.includes('hebrew880s') || entry.name.includes('oschrift'));
      const read = await readAll(staffViewReader, marcStaffViewFile(wanted.map((entry) => entry.record), temporaryDirectory()));
      const tags = read.map((raw) => new Set(raw.marc?.fields.map((field) => field.tag)));
      expect(read.map((raw) => raw.marc?.fields.length)).toEqual(wanted.map((entry) => entry.record.fields.length));
      expect(tags.some((set) => set.has('880'))).toBe(true);
      expect(tags.some((set) => [...set].some((tag) => tag.startsWith('9')))).toBe(true);
      expect(read.some((raw) => raw.marc?.leader.startsWith('99999'))).toBe(true);
    });

    it('the in-process layout the property tests use is line for line what xsltproc gives', () => {
      const html = renderMarcHtml(records, temporaryDirectory());
      records.forEach((record, index) => expect(marcTableLines(record), DEV[index]?.name).toEqual(scrapeMarcTable(html[index] ?? '')));
    });
  });
});

const LEADER = '00714cam a2200205 a 4500';
const table = [
  '| | | |', '---|---|---|---|', `LEADER | ${LEADER} |`, '001 | 12883376 |', '008 | 020805s2002    nyu    j      000 1 eng   |',
  '100 | 1 | | |a\u00a0Chabon, Michael.\u00a0 |', '245 | 1 | 0 | |a\u00a0Summerland /\u00a0 |c\u00a0Michael Chabon.\u00a0 |',
];

describe('MARC Staff View scrape: page layouts', () => {
  it('reads a MARC table followed by the index table: both the MARC and the Solr fields', async () => {
    const page = ['Loading…', 'Summerland', ...table, '_version_ | 17 |', '---|---|', 'id | 12883376 |', 'title | Summerland |', ''].join('\n');
    const [raw] = await readAll(staffViewReader, page);
    expect(raw?.fields).toEqual({ _version_: '17', id: '12883376', title: 'Summerland' });
    expect(raw?.marc?.fields.map((field) => field.tag)).toEqual(['001', '008', '100', '245']);
    expect(raw?.issues).toEqual([]);
  });

  it('splits pages without a loading marker at the next MARC table', async () => {
    const second = table.map((line) => line.replace('12883376', '555'));
    const read = await readAll(staffViewReader, ['Summerland', ...table, 'Another', ...second, ''].join('\n'));
    expect(read.map((raw) => raw.fields.id)).toEqual(['12883376', '555']);
    expect(read.map((raw) => raw.hints?.heading)).toEqual(['Summerland', 'Another']);
  });

  it('keeps the spaces of the LEADER and 008 rows, and an indicator that is the fill character', async () => {
    const page = ['Loading…', 'T', ...table, '041 | | | | |a\u00a0eng\u00a0 |', '246 | 1 | | | |a\u00a0Alt\u00a0 |', ''].join('\n');
    const [raw] = await readAll(staffViewReader, page);
    expect(raw?.marc?.leader).toBe(LEADER);
    expect(raw?.marc?.fields[1]).toEqual({ tag: '008', value: '020805s2002    nyu    j      000 1 eng  ' });
    expect(raw?.marc?.fields[4]).toEqual({ tag: '041', ind1: ' ', ind2: '|', subfields: [{ code: 'a', value: 'eng' }] });
    expect(raw?.marc?.fields[5]).toEqual({ tag: '246', ind1: '1', ind2: '|', subfields: [{ code: 'a', value: 'Alt' }] });
  });

  it('rejects a record whose MARC row cannot be read, naming the line and the tag; the next record is read', async () => {
    const broken = ['Loading…', 'T', ...table, '650 | 0 | the cells lost their subfield marks |', 'Loading…', 'U', ...table, ''].join('\n');
    const read = await readAll(staffViewReader, broken, { file: 'pages.txt' });
    expect(read).toHaveLength(2);
    const [issue] = read[0]?.issues ?? [];
    expect(issue).toMatchObject({ code: 'read.malformed', field: '650', recordId: '12883376', source: { file: 'pages.txt', line: 10 } });
    expect(issue?.message).toContain('line 10');
    expect(processRecord(read[0] as never).rejected).toBe(true);
    expect(read[1]?.issues).toEqual([]);
    expect(read[1]?.marc?.fields).toHaveLength(4);
  });

  it('a MARC-only page is no longer "a page without a staff table"', async () => {
    const [raw] = await readAll(staffViewReader, marcStaffViewPage({ leader: LEADER, fields: [{ tag: '001', value: 'x1' }] }, undefined, { locale: 'de' }));
    expect(raw?.issues).toEqual([]);
    expect(raw?.fields.id).toBe('x1');
    expect(raw?.hints?.locale).toBe('de');
  });
});
