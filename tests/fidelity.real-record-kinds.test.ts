import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BibRecord } from '../src/model/record.js';
import { NLM_PUBLICATION_TYPES } from '../src/vocab/publication-types.js';
import { jsonLdWriter } from '../src/write/jsonld.js';
import { medlineXmlWriter } from '../src/write/medline-xml.js';
import { nbibWriter } from '../src/write/nbib.js';
import { loadRealRecords } from '../bench/accuracy/real-pubmed.js';
import { codesOf, fromScrape, fromSolrJson, type SolrDoc } from './helpers/convert-doc.js';
import { render } from './helpers/record-fixtures.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/**
 * Issue 19: real NLM records of kinds the earlier corpus lacked. Each document is laid out
 * the way VuFind's PubMed/PMC harvest indexes an article (the `spelling` layout of the seed
 * record: id+datestamp, title, authors, journal abbreviation, types, abstract, dates,
 * links, format, language, copyright), built from the kind of record, not from one PMID.
 */

interface Article {
  title: string;
  persons?: string[];
  /** Collective names kept apart in `author_corporate`; `collectiveFirst` lists them first in `spelling`. */
  collective?: string[];
  collectiveFirst?: boolean;
  abbreviation: string;
  journalTitle?: string;
  types?: string[];
  abstract?: string;
  closing?: string;
}

function pubmedDoc(article: Article): SolrDoc {
  const persons = article.persons ?? [];
  const collective = article.collective ?? [];
  const names = article.collectiveFirst ? [...collective, ...persons] : [...persons, ...collective];
  const types = article.types ?? [];
  const spelling = [
    'pubmed-99999992024-01-15', article.title, ...names, article.abbreviation, ...types, article.abstract ?? '', '2021-03-04', '2021-03-04',
    '/pubmed/9999999', 'http://dx.doi.org/10.1000/xyz.2021.1', 'Text', 'en', article.closing ?? '',
  ].filter((part) => part !== '').join(' ');
  const doc: SolrDoc = {
    id: 'pubmed-9999999', record_format: 'MEDLINE/PubMed', format: ['Online', 'Article', 'Text'], language: ['English'],
    title: article.title, title_full: article.title, publishDate: ['2021'],
    url: ['https://www.ncbi.nlm.nih.gov/pubmed/9999999', 'http://dx.doi.org/10.1000/xyz.2021.1'], spelling: [spelling],
  };
  if (persons.length > 0) doc.author = persons;
  if (collective.length > 0) doc.author_corporate = collective;
  if (types.length > 0) doc.topic = types;
  if (article.abstract) doc.description = article.abstract;
  if (article.journalTitle) doc.container_title = article.journalTitle;
  return doc;
}

const ABSTRACT = 'We measured the thing twice and found it the same both times, which we report here in full.';
const medline = (record: BibRecord | undefined): string => render(medlineXmlWriter, record ? [record] : []);
const nbib = (record: BibRecord | undefined): string => render(nbibWriter, record ? [record] : []);
const jsonLd = (record: BibRecord | undefined): { [key: string]: unknown }[] => JSON.parse(render(jsonLdWriter, record ? [record] : [])) as { [key: string]: unknown }[];

describe('a notice with no author keeps its journal (issue 19, defect 1)', () => {
  const notice: Article = { title: 'Retraction notice to: Glutamate uptake in cultured astrocytes', abbreviation: 'J Neurochem', types: ['Retraction of Publication'] };

  it('takes the abbreviation after the title from spelling, and writes the record to MEDLINE XML, .nbib and JSON-LD', async () => {
    for (const convert of [fromSolrJson, fromScrape]) {
      const { record } = await convert(pubmedDoc(notice));
      expect(record?.container.abbreviation).toBe('J Neurochem');
      expect(medline(record)).toContain('<MedlineTA>J Neurochem</MedlineTA>');
      expect(medline(record)).toContain('<PublicationType UI="D016440">Retraction of Publication</PublicationType>');
      expect(nbib(record)).toContain('TA  - J Neurochem');
      expect(JSON.stringify(jsonLd(record)[0]?.isPartOf)).toContain('"alternateName":"J Neurochem"');
    }
  });

  it('prefers the abbreviation in spelling to a full journal title as MedlineTA', async () => {
    const { record, issues } = await fromSolrJson(pubmedDoc({ ...notice, journalTitle: 'Journal of neurochemistry', types: ['Editorial'], abstract: ABSTRACT }));
    expect(medline(record)).toContain('<MedlineTA>J Neurochem</MedlineTA>');
    expect(codesOf(issues)).not.toContain('medline.no-journal-abbreviation');
  });
});

describe('a copyright line without a (c) sign (issue 19, defect 2)', () => {
  const persons = ['Lee, Min-Ji', 'Okafor, Chinedu'];
  const withClosing = (closing: string): SolrDoc => pubmedDoc({ title: 'A trial of things', persons, abbreviation: 'Clin Trials', abstract: ABSTRACT, closing });

  it.each([
    'Published by Elsevier Inc.',
    'Published by the BMJ Publishing Group Limited. For permission to use (where not already granted under a licence) please go to http://group.bmj.com/group/rights-licensing/permissions.',
    'Creative Commons Attribution license.',
    'Crown Copyright © 2015. Published by Elsevier B.V. All rights reserved.',
  ])('recovers "%s" whole, from Solr JSON and from the scrape', async (statement) => {
    for (const convert of [fromSolrJson, fromScrape]) {
      const { record } = await convert(withClosing(statement));
      expect(record?.copyright).toBe(statement);
    }
  });

  it('names a closing statement that is no copyright line with an info finding, and does not take it', async () => {
    const { record, issues } = await fromSolrJson(withClosing('Funded by the Wellcome Trust.'));
    expect(record?.copyright).toBeUndefined();
    const finding = issues.find((issue) => issue.code === 'inferred.statement-not-taken');
    expect(finding?.severity).toBe('info');
    expect(finding?.actual).toBe('Funded by the Wellcome Trust.');
  });
});

describe('publication types and their MeSH UIs (issue 19, defect 3)', () => {
  it('writes Video-Audio Media with UI D059040 and Dataset with UI D064886', async () => {
    const { record } = await fromSolrJson(pubmedDoc({ title: 'Suturing, filmed', persons: ['Ode, Ama'], abbreviation: 'J Vis Exp', types: ['Video-Audio Media', 'Dataset'], abstract: ABSTRACT }));
    expect(medline(record)).toContain('<PublicationType UI="D059040">Video-Audio Media</PublicationType>');
    expect(medline(record)).toContain('<PublicationType UI="D064886">Dataset</PublicationType>');
  });

  it('writes the UIs a public copy of NLM\'s MeSH record confirmed in the second round (protocols, veterinary, adaptive and equivalence trials)', async () => {
    const { record } = await fromSolrJson(pubmedDoc({ title: 'A trial protocol', persons: ['Ode, Ama'], abbreviation: 'Trials', types: ['Clinical Trial Protocol', 'Clinical Trial, Veterinary', 'Adaptive Clinical Trial', 'Equivalence Trial'], abstract: ABSTRACT }));
    const xml = medline(record);
    expect(xml).toContain('<PublicationType UI="D000078325">Clinical Trial Protocol</PublicationType>');
    expect(xml).toContain('<PublicationType UI="D000077522">Clinical Trial, Veterinary</PublicationType>');
    expect(xml).toContain('<PublicationType UI="D000076362">Adaptive Clinical Trial</PublicationType>');
    expect(xml).toContain('<PublicationType UI="D000073843">Equivalence Trial</PublicationType>');
  });

  it('lists Journal Article with a Comment that is neither a Letter nor an Editorial, as NLM does', async () => {
    const { record } = await fromSolrJson(pubmedDoc({ title: 'On the trial', persons: ['Ode, Ama'], abbreviation: 'Lancet', types: ['Comment'], abstract: ABSTRACT }));
    expect(medline(record)).toContain('<PublicationType UI="D016428">Journal Article</PublicationType>');
  });

  it('has a UI for every type but the few no public source confirmed (named here, so a new one without a UI fails)', () => {
    const withoutUi = Object.entries(NLM_PUBLICATION_TYPES).filter(([, ui]) => ui === undefined).map(([name]) => name).sort();
    expect(withoutUi).toEqual([
      'Expression of Concern', 'Interactive Tutorial', 'Observational Study, Veterinary', 'Randomized Controlled Trial, Veterinary', 'Scoping Review', 'Webcast',
    ]);
    for (const ui of Object.values(NLM_PUBLICATION_TYPES)) if (ui !== undefined) expect(ui).toMatch(/^D\d{6}(?:\d{3})?$/u);
  });
});

describeWithShared('publication type UIs against NLM records (../shared)', () => {
  it('gives every type NLM writes in the real records the UI NLM writes', () => {
    const root = sharedPath('data', 'medline', 'real');
    const pairs = new Map<string, string>();
    for (const folder of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const name of readdirSync(join(root, folder.name)).filter((file) => file.endsWith('.xml'))) {
        for (const match of readFileSync(join(root, folder.name, name), 'utf8').matchAll(/<PublicationType UI="(D\d+)">([^<]+)<\/PublicationType>/gu)) pairs.set(match[2] as string, match[1] as string);
      }
    }
    expect(pairs.size).toBeGreaterThan(5);
    for (const [name, ui] of pairs) expect([name, NLM_PUBLICATION_TYPES[name]]).toEqual([name, ui]);
    expect(loadRealRecords(root).records.length).toBe(23);
  });
});

describe('a collective name listed first (issue 19, defect 4)', () => {
  const article: Article = {
    title: 'Deep brain stimulation outcomes', persons: ['Chan, Anne Y Y', 'Yeung, Jonas H M'], collective: ['Movement Disorder Group'],
    collectiveFirst: true, abbreviation: 'Neuromodulation', abstract: ABSTRACT,
  };

  it('follows the order of spelling in MEDLINE XML, .nbib and JSON-LD', async () => {
    const { record } = await fromSolrJson(pubmedDoc(article));
    const xml = medline(record);
    expect(xml.indexOf('<CollectiveName>Movement Disorder Group</CollectiveName>')).toBeLessThan(xml.indexOf('<LastName>Chan</LastName>'));
    const text = nbib(record);
    expect(text.indexOf('CN  - Movement Disorder Group')).toBeLessThan(text.indexOf('FAU - Chan, Anne Y Y'));
    expect((jsonLd(record)[0]?.author as { '@type': string }[]).map((entry) => entry['@type'])).toEqual(['Organization', 'Person', 'Person']);
  });

  it('keeps a collective name last when spelling lists it last', async () => {
    const { record } = await fromSolrJson(pubmedDoc({ ...article, collectiveFirst: false }));
    const xml = medline(record);
    expect(xml.indexOf('<CollectiveName>')).toBeGreaterThan(xml.indexOf('<LastName>Yeung</LastName>'));
  });
});
