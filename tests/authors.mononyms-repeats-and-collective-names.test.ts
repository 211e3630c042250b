import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BibRecord } from '../src/model/record.js';
import { normalizeRecord } from '../src/normalize/index.js';
import { medlineXmlWriter } from '../src/write/medline-xml.js';
import { nbibWriter } from '../src/write/nbib.js';
import { jsonLdDocument } from '../src/write/jsonld.js';
import { codesOf, fromScrape, fromSolrJson, workKeysFor, type SolrDoc } from './helpers/convert-doc.js';
import { render } from './helpers/record-fixtures.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/** Authors that are easy to get wrong: single-word names, the same name twice, collective names and roles. */

const TITLE = 'Dengue outbreaks in Central Java';

function article(authors: string[], extra: SolrDoc = {}): SolrDoc {
  return {
    id: 'pubmed-1001', record_format: 'MEDLINE/PubMed', format: ['Online', 'Article', 'Text'], language: ['English'],
    title: TITLE, title_full: TITLE, title_short: TITLE, author: authors, author_facet: authors, author_sort: authors[0] ?? '',
    publishDate: ['2023'], url: ['https://www.ncbi.nlm.nih.gov/pubmed/1001'], ...extra,
  };
}

const families = (record: BibRecord | undefined): string[] => (record?.authors ?? []).map((a) => [a.family, a.given].filter(Boolean).join(', '));

describe('single-word names (mononyms) are not glued to a neighbour', () => {
  const authors = ['Sutomo', 'Bakker, Joost', 'Mulyadi', 'Wibowo, Sri Rahayu'];

  it('splits them with work keys (one key per author)', async () => {
    const { record } = await fromScrape(article(authors, { work_keys_str_mv: workKeysFor(authors, TITLE) }));
    expect(families(record)).toEqual(['Sutomo', 'Bakker, Joost', 'Mulyadi', 'Wibowo, Sri Rahayu']);
  });

  it('splits them by the core table author count when there are no work keys', async () => {
    const { record } = await fromScrape(article(['Sutomo', 'Bakker, Joost']));
    expect(families(record)).toEqual(['Sutomo', 'Bakker, Joost']);
    const trailing = await fromScrape(article(['Bakker, Joost', 'Sutomo']));
    expect(families(trailing.record)).toEqual(['Bakker, Joost', 'Sutomo']);
  });

  it('reads a list of mononyms only', async () => {
    const both = ['Sutomo', 'Mulyadi'];
    const { record } = await fromScrape(article(both));
    expect(families(record)).toEqual(['Sutomo', 'Mulyadi']);
  });

  it('gives the same authors from the Solr JSON', async () => {
    const { record } = await fromSolrJson(article(authors));
    expect(families(record)).toEqual(authors);
  });
});

describe('the same full name twice is two authors', () => {
  const authors = ['Kim, Min', 'Lee, Ji-Hoon', 'Kim, Min'];

  it('keeps both from the Solr JSON and from the scrape (with and without work keys)', async () => {
    expect(families((await fromSolrJson(article(authors))).record)).toEqual(authors);
    expect(families((await fromScrape(article(authors, { work_keys_str_mv: workKeysFor(authors, TITLE) }))).record)).toEqual(authors);
    expect(families((await fromScrape(article(authors))).record)).toEqual(authors);
  });
});

describe('collective names and secondary authors with roles', () => {
  const authors = ['Guo, Fumin', 'Parraga, Grace', 'Canadian Respiratory Research Network'];

  it('writes a collective name in author as CollectiveName, CN and an Organization, never as a person', async () => {
    const { record } = await fromSolrJson(article(authors, { url: ['https://www.ncbi.nlm.nih.gov/pubmed/1001'], container_title: 'J Med Imaging' }));
    expect(families(record)).toEqual(['Guo, Fumin', 'Parraga, Grace']);
    expect(record?.corporateAuthors).toEqual(['Canadian Respiratory Research Network']);
    const xml = render(medlineXmlWriter, [record as BibRecord]);
    expect(xml).toContain('<CollectiveName>Canadian Respiratory Research Network</CollectiveName>');
    expect(xml).not.toContain('<LastName>Canadian');
    const nbib = render(nbibWriter, [record as BibRecord]);
    expect(nbib).toContain('CN  - Canadian Respiratory Research Network');
    expect(nbib).not.toMatch(/^AU {2}- Canadian/mu);
    const doc = jsonLdDocument(record as BibRecord) as { author: { '@type': string; name: string }[] };
    expect(doc.author.at(-1)).toEqual({ '@type': 'Organization', name: 'Canadian Respiratory Research Network' });
  });

  it('recognises the kinds PubMed lists (study groups, comma-bearing bodies)', () => {
    const raw = { fields: { id: 'x', author: ['PROSPECT Study Group', 'Task and Finish Group for Urinalysis (TFG-U), European Federation of Clinical Chemistry and Laboratory Medicine (EFLM)', 'Sutomo', 'Smith, John'] }, issues: [], format: 'solr-json', source: { file: 'f' } };
    const { record } = normalizeRecord(raw as never);
    expect(record.authors.map((a) => a.family)).toEqual(['Sutomo', 'Smith']);
    expect(record.corporateAuthors).toHaveLength(2);
  });

  it('finds the collective name in a scrape with work keys and with the core table count', async () => {
    const withKeys = await fromScrape(article(authors, { work_keys_str_mv: workKeysFor(authors, TITLE) }));
    expect(families(withKeys.record)).toEqual(['Guo, Fumin', 'Parraga, Grace']);
    expect(withKeys.record?.corporateAuthors).toEqual(['Canadian Respiratory Research Network']);
    const counted = await fromScrape(article(authors));
    expect(counted.record?.corporateAuthors).toEqual(['Canadian Respiratory Research Network']);
  });

  it('puts author2 with an editor or translator role on editor/translator, not author', async () => {
    const { record } = await fromSolrJson({
      id: 'book-1', record_format: 'marc', format: ['Book'], title: 'La congiura', author: ['Vico, Giambattista, 1668-1744.'], author_role: [''],
      author2: ['Pandolfi, Claudia.', 'Rossi, Marco'], author2_role: ['edt', 'trl'],
    });
    expect(families(record)).toEqual(['Vico, Giambattista']);
    expect(record?.authors[0]?.dates).toBe('1668-1744');
    expect(record?.contributors?.map((c) => [c.person?.family, c.role])).toEqual([['Pandolfi', 'edt'], ['Rossi', 'trl']]);
    const doc = jsonLdDocument(record as BibRecord) as Record<string, unknown>;
    expect((doc.author as unknown[]).length).toBe(1);
    expect(doc.editor).toMatchObject({ '@type': 'Person', familyName: 'Pandolfi' });
    expect(doc.translator).toMatchObject({ '@type': 'Person', familyName: 'Rossi' });
    expect((doc.author as Record<string, unknown>[])[0]).toMatchObject({ birthDate: '1668', deathDate: '1744' });
  });
});

describeWithShared('VuFind fixture 000105196 (a corporate body in author2)', () => {
  it('never becomes a Person', async () => {
    const text = readFileSync(sharedPath('data', 'vufind', 'fixtures', 'testbug1.json'), 'utf8');
    const doc = (JSON.parse(text.slice(text.indexOf('{'))) as { response: { docs: SolrDoc[] } }).response.docs.find((d) => d.id === '000105196') as SolrDoc;
    const { record, issues } = await fromSolrJson(doc);
    expect(codesOf(issues)).not.toContain('read.malformed');
    expect(record?.authors).toEqual([]);
    expect(record?.corporateAuthors).toEqual(['Unione matematica italiana']);
    const json = JSON.stringify(jsonLdDocument(record as BibRecord));
    expect(json).not.toContain('"@type":"Person"');
    expect(json).toContain('{"@type":"Organization","name":"Unione matematica italiana"}');
  });
});
