import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { BibRecord } from '../src/model/record.js';
import { csvWriter } from '../src/write/csv.js';
import { jsonLdDocument } from '../src/write/jsonld.js';
import { medlineXmlWriter } from '../src/write/medline-xml.js';
import { nbibWriter } from '../src/write/nbib.js';
import { ndjsonWriter } from '../src/write/ndjson.js';
import { codesOf, fromSolrJson, type SolrDoc } from './helpers/convert-doc.js';
import { render } from './helpers/record-fixtures.js';
import { PROJECT_ROOT } from './helpers/shared.js';
import { records as runRecords } from '../src/pipeline/records.js';

/** Every record of the project's samples/, converted. */
async function sampleRecords(): Promise<BibRecord[]> {
  const records: BibRecord[] = [];
  for await (const processed of runRecords({ inputs: [join(PROJECT_ROOT, 'samples')], workers: 1 })) if (processed.record) records.push(processed.record);
  return records;
}

/** What the outputs say about pages, the journal, identifiers and catalogue fields, checked on real records. */

function article(extra: SolrDoc = {}): SolrDoc {
  return {
    id: 'pubmed-2002', record_format: 'MEDLINE/PubMed', format: ['Online', 'Article', 'Text'], language: ['English'],
    title: 'Bone density after bariatric surgery', author: ['Souza, Ana'], publishDate: ['2021'],
    url: ['https://www.ncbi.nlm.nih.gov/pubmed/2002'], container_title: 'Obesity Surgery', ...extra,
  };
}

describe('a start page is not the pagination', () => {
  it('writes StartPage / pageStart for a start page, MedlinePgn / PG / pagination only for a range', async () => {
    const start = (await fromSolrJson(article({ container_start_page: '113' }))).record as BibRecord;
    expect(start.container).toMatchObject({ pageStart: '113' });
    expect(start.container.pages).toBeUndefined();
    const xml = render(medlineXmlWriter, [start]);
    expect(xml).toContain('<StartPage>113</StartPage>');
    expect(xml).not.toContain('<MedlinePgn>113</MedlinePgn>');
    expect(render(nbibWriter, [start])).not.toMatch(/^PG {2}- /mu);
    expect(jsonLdDocument(start)).toMatchObject({ pageStart: '113' });
    expect(jsonLdDocument(start).pagination).toBeUndefined();

    const range = (await fromSolrJson(article({ container_start_page: '113-25' }))).record as BibRecord;
    const rangeXml = render(medlineXmlWriter, [range]);
    expect(rangeXml).toContain('<StartPage>113</StartPage>');
    expect(rangeXml).toContain('<EndPage>125</EndPage>');
    expect(rangeXml).toContain('<MedlinePgn>113-25</MedlinePgn>');
    expect(render(nbibWriter, [range])).toContain('PG  - 113-25');
    expect(jsonLdDocument(range)).toMatchObject({ pageStart: '113', pagination: '113-25' });
  });
});

describe('MedlineTA is never invented', () => {
  it('uses the journal title; a record with neither abbreviation nor title is skipped with medline.no-journal', async () => {
    const titled = (await fromSolrJson(article())).record as BibRecord;
    expect(render(medlineXmlWriter, [titled])).toContain('<MedlineTA>Obesity Surgery</MedlineTA>');
    const bare = (await fromSolrJson(article({ container_title: [] }))).record as BibRecord;
    expect(medlineXmlWriter.accepts(bare)?.code).toBe('medline.no-journal');
    expect(nbibWriter.accepts(bare)?.code).toBe('medline.no-journal');
    expect(render(nbibWriter, [bare])).toBe('');
    expect(render(medlineXmlWriter, [bare], { medlineTaFallback: 'Obes Surg' })).toContain('<MedlineTA>Obes Surg</MedlineTA>');
  });

  it('leaves no Unknown in the MEDLINE output of samples/', async () => {
    const records = await sampleRecords();
    expect(records.length).toBeGreaterThan(5);
    expect(render(medlineXmlWriter, records)).not.toContain('Unknown');
    expect(render(nbibWriter, records)).not.toContain('Unknown');
  });
});

describe('IssnType follows the record when it says', () => {
  it('writes Electronic for an eISSN field, Print as the documented default', async () => {
    const electronic = (await fromSolrJson(article({ eissn_str_mv: ['1708-0428'] }))).record as BibRecord;
    expect(render(medlineXmlWriter, [electronic])).toContain('<ISSN IssnType="Electronic">1708-0428</ISSN>');
    const plain = (await fromSolrJson(article({ issn: ['0960-8923'] }))).record as BibRecord;
    expect(render(medlineXmlWriter, [plain])).toContain('<ISSN IssnType="Print">0960-8923</ISSN>');
    const source = readFileSync(join(PROJECT_ROOT, 'docs', 'accuracy.md'), 'utf8');
    for (const value of ['Status', 'PubModel', 'CitedMedium', 'IssnType', 'PublicationStatus']) expect(source).toContain(value);
  });
});

describe('identifiers that fail their check raise their rule and are never written', () => {
  it('a DOI URL with the letter O in the registrant code', async () => {
    const { record, issues } = await fromSolrJson(article({ url: ['https://www.ncbi.nlm.nih.gov/pubmed/2002', 'http://dx.doi.org/10.1O38/s41598-023-01234-5'] }));
    expect(codesOf(issues)).toContain('doi.invalid');
    expect(issues.find((issue) => issue.code === 'doi.invalid')).toMatchObject({ recordId: 'pubmed-2002', field: 'url' });
    const outputs = [render(csvWriter, [record as BibRecord]), render(ndjsonWriter, [record as BibRecord]), JSON.stringify(jsonLdDocument(record as BibRecord)), render(medlineXmlWriter, [record as BibRecord])];
    for (const output of outputs) expect(output).not.toContain('10.1O38');
  });

  it.each([
    [{ pmid_str: 'PMID123456789' }, 'pmid.invalid'],
    [{ pmcid_str: 'PMCX1' }, 'pmcid.invalid'],
    [{ doi_str_mv: ['10.abc/def'] }, 'doi.invalid'],
    [{ url: ['https://pubmed.ncbi.nlm.nih.gov/12345678901/'] }, 'pmid.invalid'],
  ])('%j raises %s', async (fields, code) => {
    const { record, issues } = await fromSolrJson(article(fields as SolrDoc));
    expect(codesOf(issues)).toContain(code);
    const csv = render(csvWriter, [record as BibRecord]);
    for (const bad of ['123456789', 'PMCX1', '10.abc', '12345678901']) expect(csv).not.toContain(bad);
  });
});

describe('every JSON-LD document carries the record id', () => {
  it('as an identifier, also without DOI', async () => {
    const { record } = await fromSolrJson({ id: 'vufind-book-77', record_format: 'marc', format: ['Book'], title: 'A book without identifiers' });
    const doc = jsonLdDocument(record as BibRecord) as { identifier: { propertyID: string; value: string }[] };
    expect(doc.identifier[0]).toMatchObject({ propertyID: 'vufind', value: 'vufind-book-77' });
  });

  it('on every document written from samples/', async () => {
    const records = await sampleRecords();
    expect(records.length).toBeGreaterThan(5);
    for (const record of records) {
      const doc = jsonLdDocument(record) as { identifier: { propertyID: string; value: string }[] };
      expect(doc.identifier.find((id) => id.propertyID === 'vufind')?.value, record.id).toBe(record.id);
    }
  });
});

describe('catalogue fields users want', () => {
  const marc: SolrDoc = {
    id: 'testbug2', record_format: 'marc', format: ['Book'], title: 'La congiura dei Principi Napoletani 1701 :',
    author: ['Vico, Giambattista, 1668-1744.'], author_role: ['aut'], physical: ['296 p. : ill. ; 24 cm.'],
    'callnumber-raw': ['DG848.15 .V53 1992'], 'dewey-raw': ['945.7307'], lccn: '93175826', ctrlnum: ['(OCoLC)ocm30585539'],
    title_alt: ['Principum Neapolitanorum coniurationis anni MDCCI historia.'], series: ['Opere di Giambattista Vico ;'],
    building: ['Library A'], institution: ['MyInstitution'], collection: ['Catalog'], isbn: ['88-207-3749-3'],
  };

  it('models them', async () => {
    const record = (await fromSolrJson(marc)).record as BibRecord;
    expect(record.physicalDescription).toBe('296 p. : ill. ; 24 cm.');
    expect(record.callNumbers).toEqual({ lcc: ['DG848.15 .V53 1992'], dewey: ['945.7307'] });
    expect(record.identifiers).toMatchObject({ lccn: '93175826', controlNumbers: ['(OCoLC)ocm30585539'], oclc: ['30585539'], isbnAsCatalogued: ['88-207-3749-3'] });
    expect(record.alternativeTitles).toEqual(['Principum Neapolitanorum coniurationis anni MDCCI historia.']);
    expect(record.series).toEqual(['Opere di Giambattista Vico']);
    expect(record.holdings).toEqual({ building: ['Library A'], institution: ['MyInstitution'], collection: ['Catalog'] });
    expect(record.authors[0]).toMatchObject({ family: 'Vico', dates: '1668-1744', roles: ['aut'] });
  });

  it('writes them with schema.org terms in JSON-LD', async () => {
    const record = (await fromSolrJson(marc)).record as BibRecord;
    const doc = jsonLdDocument(record) as Record<string, unknown>;
    expect(doc.materialExtent).toBe('296 p. : ill. ; 24 cm.');
    expect(doc.alternateName).toBe('Principum Neapolitanorum coniurationis anni MDCCI historia.');
    const ids = (doc.identifier as { propertyID: string; value: string }[]).map((id) => `${id.propertyID}=${id.value}`);
    expect(ids).toEqual(expect.arrayContaining(['lccn=93175826', 'ctrlnum=(OCoLC)ocm30585539', 'oclc=30585539', 'lcc=DG848.15 .V53 1992', 'ddc=945.7307']));
    expect(doc.holdingArchive).toEqual({ '@type': 'ArchiveOrganization', name: 'MyInstitution', location: 'Library A' });
  });

  it('writes them to CSV: lccn by default, the rest when asked for', async () => {
    const record = (await fromSolrJson(marc)).record as BibRecord;
    const [header, row] = parse(render(csvWriter, [record])) as string[][];
    expect(row?.[header?.indexOf('lccn') ?? -1]).toBe('93175826');
    const columns = ['physical_description', 'call_numbers_lcc', 'call_numbers_dewey', 'control_numbers', 'alternative_titles', 'date_span', 'building', 'institution', 'collection', 'author_dates', 'author_roles', 'isbn_as_catalogued'];
    const [, asked] = parse(render(csvWriter, [record], { csvColumns: columns })) as string[][];
    expect(asked).toEqual(['296 p. : ill. ; 24 cm.', 'DG848.15 .V53 1992', '945.7307', '(OCoLC)ocm30585539', 'Principum Neapolitanorum coniurationis anni MDCCI historia.', '', 'Library A', 'MyInstitution', 'Catalog', '1668-1744', 'aut', '88-207-3749-3']);
  });
});
