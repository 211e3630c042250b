import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import type { BibRecord } from '../src/model/record.js';
import { processRecord } from '../src/pipeline/process.js';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { medlineXmlWriter } from '../src/write/medline-xml.js';
import { nbibWriter } from '../src/write/nbib.js';
import { codesOf, fromScrape, fromSolrJson, type SolrDoc } from './helpers/convert-doc.js';
import { render } from './helpers/record-fixtures.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { readRecords } from '../src/read/chunked.js';

/** Publication types, harvest datestamps and copyright lines: where catalogue text is easily misread. */

const TITLE = 'Ketamine for treatment-resistant depression';
const ABSTRACT = 'We reviewed trials of ketamine in adults with treatment-resistant depression and pooled their response rates.';

/** A PubMed-harvest article whose `spelling` follows the seed's layout. */
function harvested(topics: string[], options: { copyright?: string; datestamp?: string } = {}): SolrDoc {
  const authors = ['Kim, Jeongseop', 'Koo, Ja Wook'];
  const spelling = [
    `pubmed-1234567${options.datestamp ?? '2023-08-31'}`, TITLE, ...authors, 'Clin Psychopharmacol Neurosci', topics[0] ?? '', ABSTRACT,
    'Korean College of Neuropsychopharmacology', '2023-08-31', '2023-08-31', '/pmc/articles/PMC1234567/', '/pubmed/37424412', 'Text', 'en',
    ...(options.copyright ? [options.copyright] : []),
  ].filter((part) => part !== '').join(' ');
  return {
    id: 'pubmed-1234567', record_format: 'MEDLINE/PubMed', format: ['Online', 'Article', 'Text'], language: ['English'],
    title: TITLE, title_full: TITLE, title_short: TITLE, author: authors, author_facet: authors, author_sort: authors[0] as string,
    description: ABSTRACT, publisher: 'Korean College of Neuropsychopharmacology', publishDate: ['2023'], topic: topics,
    url: ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/', 'https://www.ncbi.nlm.nih.gov/pubmed/37424412'], spelling,
  };
}

describe('a multi-word publication type at the head of a scraped topic cell', () => {
  it.each([
    [['Systematic Review', 'Depression', 'Ketamine'], 'Systematic Review'],
    [['Case Report', 'Ketamine'], 'Case Reports'],
    [['Original Article', 'Depression'], 'Journal Article'],
    [['Review', 'Depression'], 'Review'],
  ])('%j: the scrape gives the type the Solr JSON gives (%s)', async (topics, type) => {
    const scraped = await fromScrape(harvested(topics));
    const json = await fromSolrJson(harvested(topics));
    expect(scraped.record?.publicationTypes).toEqual([type]);
    expect(json.record?.publicationTypes).toEqual([type]);
    // The other headings stay as one flattened text, with an info issue naming the field.
    expect(scraped.record?.subjects.join(' ')).toBe(topics.slice(1).join(' '));
    expect(json.record?.subjects.join(' ')).toBe(topics.slice(1).join(' '));
    if (topics.length > 2) {
      expect(scraped.issues.find((issue) => issue.code === 'subject.flattened')).toMatchObject({ severity: 'info', field: 'topic' });
    }
  });
});

describe('NLM types outside the old 20-entry list stay publication types', () => {
  it.each(['Evaluation Study', 'Evaluation Studies', 'Validation Study', 'Twin Study', 'Practice Guideline'])('%s goes to PT, not to keywords', async (type) => {
    const { record } = await fromSolrJson({ ...harvested([type, 'Depression']), container_title: 'Clin Psychopharmacol Neurosci' });
    expect(record?.publicationTypes).toHaveLength(1);
    const xml = render(medlineXmlWriter, [{ ...(record as BibRecord), identifiers: { ...(record as BibRecord).identifiers, pmid: '37424412' } }]);
    expect(xml).toMatch(new RegExp(`<PublicationType UI="D\\d+">${record?.publicationTypes[0]}</PublicationType>`, 'u'));
    expect(xml).not.toMatch(/<Keyword[^>]*>(?:Evaluation|Validation|Twin|Practice)/u);
  });

  it('raises medline.publication-type-unmapped for an NLM type whose UI is not known', async () => {
    const { record } = await fromSolrJson({ ...harvested(['Scoping Review', 'Depression']), container_title: 'Clin Psychopharmacol Neurosci' });
    const session = medlineXmlWriter.open({});
    expect(codesOf(session.warnings?.(record as BibRecord) ?? [])).toContain('medline.publication-type-unmapped');
  });
});

describe('no Journal Article beside an Editorial or a Letter', () => {
  // A Comment alone is a Journal Article to NLM (9 of 9 such MEDLINE 2016 records list both;
  // a comment that is a letter or an editorial is listed with that type instead).
  it.each([['Editorial'], ['Letter']])('%s', async (type) => {
    const { record } = await fromSolrJson({ ...harvested([type]), container_title: 'Clin Psychopharmacol Neurosci' });
    const xml = render(medlineXmlWriter, [record as BibRecord]);
    expect([...xml.matchAll(/<PublicationType UI="[^"]+">([^<]+)</gu)].map((m) => m[1])).toEqual([type]);
    expect(render(nbibWriter, [record as BibRecord])).not.toContain('PT  - Journal Article');
  });

  it('still lists Journal Article with a Review', async () => {
    const { record } = await fromSolrJson(harvested(['Review']));
    expect(render(nbibWriter, [record as BibRecord]).match(/^PT {2}- .*$/gmu)).toEqual(['PT  - Journal Article', 'PT  - Review']);
  });
});

describe('the OAI datestamp glued to the id is the harvest date, not the publication date', () => {
  it('keeps the dc:date of the record (scrape and Solr JSON)', async () => {
    for (const convert of [fromScrape, fromSolrJson]) {
      const { record } = await convert(harvested(['Review'], { datestamp: '2023-12-12' }));
      expect(record?.published).toMatchObject({ year: 2023, month: 8, day: 31 });
    }
  });
});

describeWithShared('the seed with its datestamp changed to 2023-12-12', () => {
  it('writes DP 2023 Aug 31, not 2023 Dec 12', async () => {
    const text = readFileSync(sharedPath('data', 'seed', '000_d603f818e8ddaeae.txt'), 'utf8').replace('pubmed-103359032023-08-31', 'pubmed-103359032023-12-12');
    expect(text).toContain('pubmed-103359032023-12-12');
    const raws: RawRecord[] = [];
    for await (const raw of readRecords(staffViewReader, Readable.from([Buffer.from(text)]), { file: 'seed.txt', limits: DEFAULT_READ_LIMITS })) raws.push(raw);
    const record = processRecord(raws[0] as RawRecord).record as BibRecord;
    const nbib = render(nbibWriter, [record]);
    expect(nbib).toContain('DP  - 2023 Aug 31');
    expect(nbib).not.toContain('Dec');
  });
});

describe('the copyright line without a licence URL after it', () => {
  it.each([
    '© 2023 The Authors.',
    'Copyright © 2021 Elsevier Inc. All rights reserved.',
    'Copyright 2019, Korean College of Neuropsychopharmacology',
  ])('recovers %j', async (copyright) => {
    const { record } = await fromSolrJson(harvested(['Review'], { copyright }));
    expect(record?.copyright).toBe(copyright);
    expect(record?.inferred.map((i) => i.field)).toContain('copyright');
  });

  it('does not take "copyright" out of the abstract', async () => {
    const doc = harvested(['Review']);
    doc.description = `${ABSTRACT} Copyright holders were asked.`;
    doc.spelling = (doc.spelling as string).replace(ABSTRACT, doc.description);
    const { record } = await fromSolrJson(doc);
    expect(record?.copyright).toBeUndefined();
  });
});
