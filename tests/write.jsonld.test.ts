import { describe, expect, it } from 'vitest';
import { JSONLD_CONTEXT, jsonLdDocument, jsonLdWriter } from '../src/write/jsonld.js';
import { loadAllRecords, loadRecord, render } from './helpers/record-fixtures.js';

type Doc = Record<string, unknown> & { author?: Record<string, unknown>[]; identifier?: Record<string, unknown>[] };

describe('JSON-LD writer: the seed article', () => {
  const doc = jsonLdDocument(loadRecord('seed')) as Doc;

  it('is a ScholarlyArticle identified by its DOI URL, with the declared context', () => {
    expect(doc['@context']).toEqual(JSONLD_CONTEXT);
    expect(doc['@type']).toBe('ScholarlyArticle');
    expect(doc['@id']).toBe('https://doi.org/10.9758/cpn.22.1034');
    expect(doc.name).toBe('The Role of Glutamate Underlying Treatment-resistant Depression');
    expect(doc.headline).toBe(doc.name);
  });

  it('keeps author order with given and family names', () => {
    expect(doc.author?.map((a) => [a['@type'], a.givenName, a.familyName, a.name])).toEqual([
      ['Person', 'Jeongseop', 'Kim', 'Jeongseop Kim'],
      ['Person', 'Tae-Eun', 'Kim', 'Tae-Eun Kim'],
      ['Person', 'Seung-Hwan', 'Lee', 'Seung-Hwan Lee'],
      ['Person', 'Ja Wook', 'Koo', 'Ja Wook Koo'],
    ]);
  });

  it('writes identifiers, sameAs, language, genre, licence, publisher and journal as FORMATS.md 2.2 shows', () => {
    expect(doc.identifier?.map((id) => [id.propertyID, id.value])).toEqual([
      ['vufind', 'pubmed-10335903'],
      ['pubmed', '37424412'],
      ['pmc', 'PMC10335903'],
      ['doi', '10.9758/cpn.22.1034'],
    ]);
    expect(doc.sameAs).toEqual(['https://pubmed.ncbi.nlm.nih.gov/37424412/', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10335903/']);
    expect(doc.inLanguage).toBe('en');
    expect(doc.datePublished).toBe('2023');
    expect(doc.genre).toBe('Review');
    expect(doc.license).toBe('https://creativecommons.org/licenses/by-nc/4.0/');
    expect(doc.publisher).toEqual({ '@type': 'Organization', name: 'Korean College of Neuropsychopharmacology' });
    expect(doc.isPartOf).toEqual({ '@type': 'Periodical', alternateName: 'Clin Psychopharmacol Neurosci' });
  });
});

describe('JSON-LD writer: other record types and values', () => {
  it('writes a book as Book with ISBN, edition, series and corporate authors after persons', () => {
    const doc = jsonLdDocument(loadRecord('book')) as Doc;
    expect(doc['@type']).toBe('Book');
    expect(doc['@id']).toBeUndefined();
    expect(doc.isbn).toBe('9780306406157');
    expect(doc.bookEdition).toBe('2nd ed.');
    expect(doc.inLanguage).toEqual(['en', 'de']);
    expect(doc.datePublished).toBe('2019-03');
    expect(doc.name).toBe('Clinical Pharmacology of Antidepressants: a handbook for practitioners');
    expect(doc.author?.map((a) => a['@type'])).toEqual(['Person', 'Person', 'Organization']);
    expect(doc.isPartOf).toEqual({ '@type': 'BookSeries', name: 'Handbooks in Psychiatry' });
    expect(doc.identifier?.map((id) => id.propertyID)).toEqual(['vufind', 'isbn', 'oclc', 'lccn']);
    expect(doc.sameAs).toBeUndefined();
  });

  it('nests issue and volume in the periodical and keeps the suffix and awkward text verbatim', () => {
    const record = loadRecord('awkward');
    const doc = jsonLdDocument(record) as Doc;
    expect(doc.isPartOf).toEqual({
      '@type': 'PublicationIssue',
      issueNumber: '@3',
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: '-12',
        isPartOf: { '@type': 'Periodical', name: record.container.title, issn: '0378-5955' },
      },
    });
    expect(doc.author).toHaveLength(41);
    expect(doc.author?.[0]).toMatchObject({ familyName: 'Müller-Lüdenscheidt', honorificSuffix: 'Jr.', name: 'Jörg Müller-Lüdenscheidt Jr.' });
    expect(doc.abstract).toBe(record.abstract);
    expect(doc.inLanguage).toEqual(['ja', { '@type': 'Language', name: 'Klingon' }]);
    expect(doc['@id']).toBe('https://doi.org/10.1000/a%3Cb%3E&c%22d%23e');
  });
});

describe('JSON-LD writer: streaming', () => {
  it.each([0, 1, 4])('writes %i records as one parseable JSON array', (count) => {
    const records = loadAllRecords().slice(0, count);
    const text = render(jsonLdWriter, records);
    const parsed = JSON.parse(text) as unknown[];
    expect(parsed).toEqual(records.map((record) => JSON.parse(JSON.stringify(jsonLdDocument(record)))));
    expect(text.endsWith(']\n')).toBe(true);
  });

  it('is deterministic', () => {
    const records = loadAllRecords();
    expect(render(jsonLdWriter, records)).toBe(render(jsonLdWriter, records));
  });
});
