import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory, type CliResult } from './helpers/cli.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { checkJsonLd, parseCsvStrict, validateMedlineXml } from './helpers/validators.js';

describeWithShared('convert: the real seed scrape to every format', () => {
  const outDir = temporaryDirectory();
  let run: CliResult;
  const read = (name: string): string => readFileSync(join(outDir, name), 'utf8');

  beforeAll(async () => {
    run = await runBibpipe(['convert', sharedPath('data/seed/000_d603f818e8ddaeae.txt'), '--to', 'medline,jsonld,csv,ndjson', '--out-dir', outDir]);
  });

  it('exits 0 and accounts for the one record in summary.json', () => {
    expect(run.stderr).toContain('read 1, converted 1, rejected 0');
    expect(run.code).toBe(0);
    const summary = JSON.parse(read('summary.json'));
    expect(summary).toMatchObject({ read: 1, converted: 1, rejected: 0, written: { medline: 1, jsonld: 1, csv: 1, ndjson: 1 } });
    expect(read('rejects.ndjson')).toBe('');
  });

  it('the NDJSON model has the facts of the record', () => {
    const record = JSON.parse(read('records.ndjson').trim());
    expect(record.id).toBe('pubmed-10335903');
    expect(record.type).toBe('article');
    expect(record.authors).toEqual([
      { family: 'Kim', given: 'Jeongseop', initials: 'J' },
      { family: 'Kim', given: 'Tae-Eun', initials: 'TE' },
      { family: 'Lee', given: 'Seung-Hwan', initials: 'SH' },
      { family: 'Koo', given: 'Ja Wook', initials: 'JW' },
    ]);
    expect(record.identifiers).toMatchObject({ pmid: '37424412', pmcid: 'PMC10335903', doi: '10.9758/cpn.22.1034' });
    expect(record.languages).toEqual([{ name: 'English', iso639_2b: 'eng', bcp47: 'en' }]);
    expect(record.published).toMatchObject({ year: 2023, month: 8, day: 31 });
    expect(record.publicationTypes).toEqual(['Review']);
    expect(record.container.abbreviation).toBe('Clin Psychopharmacol Neurosci');
    expect(record.license).toBe('https://creativecommons.org/licenses/by-nc/4.0/');
    expect(record.solrVersion).toBe('1785071094303031296');
    expect(record.inferred.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['container.abbreviation', 'license', 'published']));
  });

  it('MEDLINE XML is valid under NLM pubmed_250101.dtd and carries PMID, initials, language and journal', async () => {
    const xml = read('medline.xml');
    expect(await validateMedlineXml(xml)).toEqual([]);
    expect(xml).toContain('<PMID Version="1">37424412</PMID>');
    expect([...xml.matchAll(/<Initials>([^<]*)<\/Initials>/g)].map((m) => m[1])).toEqual(['J', 'TE', 'SH', 'JW']);
    expect(xml).toContain('<Language>eng</Language>');
    expect(xml).toContain('<Year>2023</Year>');
    expect(xml).toContain('<MedlineTA>Clin Psychopharmacol Neurosci</MedlineTA>');
    expect(xml).toMatch(/<PublicationType UI="D016454">Review<\/PublicationType>/);
    expect(xml).toContain('<ArticleId IdType="pmc">PMC10335903</ArticleId>');
    expect(xml).toContain('<ArticleId IdType="doi">10.9758/cpn.22.1034</ArticleId>');
  });

  it('JSON-LD expands against schema.org with only schema.org terms, authors as an ordered list', async () => {
    const docs = JSON.parse(read('records.jsonld'));
    const doc = Array.isArray(docs) ? docs[0] : docs;
    expect(await checkJsonLd(docs)).toEqual([]);
    expect(doc['@id']).toBe('https://doi.org/10.9758/cpn.22.1034');
    expect(doc.inLanguage).toBe('en');
    expect(doc.author.map((a: { familyName: string; givenName: string }) => `${a.familyName}, ${a.givenName}`)).toEqual([
      'Kim, Jeongseop', 'Kim, Tae-Eun', 'Lee, Seung-Hwan', 'Koo, Ja Wook',
    ]);
    // The journal, and the catalogue collection the record belongs to (catalogue users filter on both).
    expect(doc.isPartOf).toEqual([
      { '@type': 'Periodical', name: undefined, alternateName: 'Clin Psychopharmacol Neurosci' },
      { '@type': 'Collection', name: 'PubMed' },
    ].map((part) => JSON.parse(JSON.stringify(part))));
    expect(doc.identifier[0]).toMatchObject({ propertyID: 'vufind', value: 'pubmed-10335903' });
  });

  it('CSV parses strictly to a header and one row with the record in it', () => {
    const rows = parseCsvStrict(read('records.csv'));
    expect(rows).toHaveLength(2);
    const header = rows[0] ?? [];
    const row = rows[1] ?? [];
    expect(row).toHaveLength(header.length);
    const cell = (name: string): string | undefined => row[header.indexOf(name)];
    expect(cell('id')).toBe('pubmed-10335903');
    expect(cell('pmid')).toBe('37424412');
    expect(cell('doi')).toBe('10.9758/cpn.22.1034');
    expect(cell('authors')).toBe('Kim, Jeongseop|Kim, Tae-Eun|Lee, Seung-Hwan|Koo, Ja Wook');
  });
});
