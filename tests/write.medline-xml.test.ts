import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import type { BibRecord } from '../src/model/record.js';
import { medlineArticleTitle, medlineWarnings, medlineXmlWriter, xmlSafeText } from '../src/write/medline-xml.js';
import { loadRecord, render } from './helpers/record-fixtures.js';

/** XPath over a written file: the values a MEDLINE consumer would read. */
function read(xml: string): { texts: (xpath: string) => string[]; dispose: () => void } {
  const doc = XmlDocument.fromString(xml);
  return { texts: (xpath) => doc.find(xpath).map((node) => node.content), dispose: () => doc.dispose() };
}

function withChanges(record: BibRecord, change: (copy: BibRecord) => void): BibRecord {
  const copy = structuredClone(record);
  change(copy);
  return copy;
}

describe('MEDLINE XML writer: the seed article', () => {
  const xml = render(medlineXmlWriter, [loadRecord('seed')]);
  const doc = read(xml);

  it('starts with the efetch DOCTYPE', () => {
    expect(xml.split('\n').slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">',
      '<PubmedArticleSet>',
    ]);
  });

  it('writes the facts FORMATS.md lists for the seed', () => {
    expect(doc.texts('//MedlineCitation/PMID')).toEqual(['37424412']);
    expect(doc.texts('//MedlineCitation/PMID/@Version')).toEqual(['1']);
    expect(doc.texts('//MedlineCitation/@Status')).toEqual(['PubMed-not-MEDLINE']);
    expect(doc.texts('//Author/LastName')).toEqual(['Kim', 'Kim', 'Lee', 'Koo']);
    expect(doc.texts('//Author/ForeName')).toEqual(['Jeongseop', 'Tae-Eun', 'Seung-Hwan', 'Ja Wook']);
    expect(doc.texts('//Author/Initials')).toEqual(['J', 'TE', 'SH', 'JW']);
    expect(doc.texts('//Article/Language')).toEqual(['eng']);
    expect(doc.texts('//PubDate/Year')).toEqual(['2023']);
    expect(doc.texts('//PublicationType')).toEqual(['Journal Article', 'Review']);
    expect(doc.texts('//PublicationType/@UI')).toEqual(['D016428', 'D016454']);
    expect(doc.texts('//MedlineJournalInfo/MedlineTA')).toEqual(['Clin Psychopharmacol Neurosci']);
    expect(doc.texts('//Journal/ISOAbbreviation')).toEqual(['Clin Psychopharmacol Neurosci']);
    expect(doc.texts('//ELocationID[@EIdType="doi"]')).toEqual(['10.9758/cpn.22.1034']);
    expect(doc.texts('//ArticleIdList/ArticleId/@IdType')).toEqual(['pubmed', 'pmc', 'doi']);
    expect(doc.texts('//ArticleIdList/ArticleId')).toEqual(['37424412', 'PMC10335903', '10.9758/cpn.22.1034']);
    expect(doc.texts('//ArticleTitle')).toEqual(['The Role of Glutamate Underlying Treatment-resistant Depression.']);
    expect(doc.texts('//Publisher')).toEqual([]);
  });

  it('gives byte-identical output for the same input', () => {
    expect(render(medlineXmlWriter, [loadRecord('seed')])).toBe(xml);
  });
});

describe('MEDLINE XML writer: what the model may lack', () => {
  it('refuses a record without a PMID with an info issue', () => {
    const issue = medlineXmlWriter.accepts(loadRecord('book'));
    expect(issue).toMatchObject({ code: 'medline.no-pmid', severity: 'info', recordId: 'vufind-book-0001' });
    expect(medlineXmlWriter.accepts(loadRecord('seed'))).toBeUndefined();
  });

  it('writes MedlineTA from the abbreviation, else the journal title; never invents one', () => {
    const minimal = loadRecord('minimal');
    const ta = (record: BibRecord, options = {}) => {
      const doc = read(render(medlineXmlWriter, [record], options));
      const value = doc.texts('//MedlineTA');
      doc.dispose();
      return value;
    };
    expect(ta(minimal)).toEqual(['Journal of Minimal Results']);
    // The title the record has wins over a declared fallback.
    expect(ta(minimal, { medlineTaFallback: 'Min Res' })).toEqual(['Journal of Minimal Results']);
    const noJournal = withChanges(minimal, (r) => { r.container = {}; });
    expect(medlineXmlWriter.accepts(noJournal)).toMatchObject({ code: 'medline.no-journal', severity: 'info', recordId: minimal.id });
    expect(render(medlineXmlWriter, [noJournal])).not.toContain('Unknown');
    expect(render(medlineXmlWriter, [noJournal])).not.toContain('<PubmedArticle>');
    // The writer option opts into a fallback.
    expect(medlineXmlWriter.accepts(noJournal, { medlineTaFallback: 'Min Res' })).toBeUndefined();
    expect(ta(noJournal, { medlineTaFallback: 'Min Res' })).toEqual(['Min Res']);
    expect(medlineWarnings(minimal).map((issue) => issue.code)).toContain('medline.no-journal-abbreviation');
    expect(medlineWarnings(loadRecord('seed'))).toEqual([]);
  });

  it('keeps the DTD satisfied without pages, DOI or date', () => {
    const doc = read(render(medlineXmlWriter, [loadRecord('minimal')]));
    expect(doc.texts('//Pagination/MedlinePgn')).toEqual(['']);
    expect(doc.texts('//PubDate/MedlineDate')).toEqual(['']);
    expect(doc.texts('//Article/Language')).toEqual(['und']);
    expect(medlineWarnings(loadRecord('minimal')).map((issue) => issue.code)).toContain('medline.no-publication-date');
    doc.dispose();
  });

  it('writes month and zero-padded day, or MedlineDate for free text', () => {
    const seed = loadRecord('seed');
    const dated = read(render(medlineXmlWriter, [withChanges(seed, (r) => { r.published = { year: 2023, month: 8, day: 1 }; })]));
    expect([dated.texts('//PubDate/Month'), dated.texts('//PubDate/Day')]).toEqual([['Aug'], ['01']]);
    const seasonal = read(render(medlineXmlWriter, [loadRecord('awkward')]));
    expect(seasonal.texts('//PubDate/MedlineDate')).toEqual(['2010 Sep-Oct']);
  });

  it('writes every NLM type it has a UI for, no Journal Article beside a Letter, and reports the rest (defects 5, 6)', () => {
    const awkward = loadRecord('awkward');
    const doc = read(render(medlineXmlWriter, [awkward]));
    expect(doc.texts('//PublicationType')).toEqual(['Letter', 'Festschrift']);
    expect(doc.texts('//PublicationType/@UI')).toEqual(['D016422', 'D016221']);
    // Scoping Review: a type no public source has confirmed a MeSH UI for (src/vocab/publication-types.ts).
    const scoping = withChanges(awkward, (r) => { r.publicationTypes = ['Scoping Review', 'Evaluation Study']; });
    const scopingDoc = read(render(medlineXmlWriter, [scoping]));
    expect(scopingDoc.texts('//PublicationType')).toEqual(['Journal Article', 'Evaluation Study']);
    expect(medlineWarnings(scoping).find((issue) => issue.code === 'medline.publication-type-unmapped')?.actual).toEqual(['Scoping Review']);
  });
});

describe('MEDLINE XML writer: awkward characters', () => {
  const awkward = loadRecord('awkward');
  const xml = render(medlineXmlWriter, [awkward]);
  const doc = read(xml);

  it('escapes markup so every value reads back unchanged', () => {
    expect(doc.texts('//Journal/Title')).toEqual([awkward.container.title]);
    expect(doc.texts('//AbstractText')).toEqual([awkward.abstract?.replaceAll('\r\n', '\n')]);
    expect(doc.texts('//CollectiveName')).toEqual(awkward.corporateAuthors);
    expect(doc.texts('//ELocationID')).toEqual([awkward.identifiers.doi]);
    expect(doc.texts('//ArticleTitle')).toEqual([`${awkward.title}.`]);
    expect(xml).not.toContain('<script>');
  });

  it('keeps all 40 authors in order, non-Latin names and the suffix', () => {
    expect(doc.texts('//Author/LastName')).toEqual(awkward.authors.map((author) => author.family));
    expect(doc.texts('//Author/LastName')).toHaveLength(40);
    expect(doc.texts('//Author[1]/Suffix')).toEqual(['Jr.']);
    expect(doc.texts('//Author/Initials').slice(0, 5)).toEqual(['J', '小', 'ИП', 'أ', 'MJ']);
  });

  it('drops characters XML 1.0 cannot carry', () => {
    expect(xmlSafeText('a\u0001b\u000Bc\uFFFEd\tz')).toBe('abcd\tz');
    const minimal = read(render(medlineXmlWriter, [loadRecord('minimal')]));
    expect(minimal.texts('//ArticleTitle')).toEqual(['Is a title with a control character still valid?']);
  });
});

describe('medlineArticleTitle', () => {
  it.each([
    ['Plain title', 'Plain title.'],
    ['Question?', 'Question?'],
    ['Exclaim!', 'Exclaim!'],
    ['Already.', 'Already.'],
    ['  spaced  ', 'spaced.'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(medlineArticleTitle(input)).toBe(expected);
  });
});
