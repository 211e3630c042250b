import type { Issue } from '../model/issue.js';
import type { BibRecord, PersonName } from '../model/record.js';
import { makeIssue } from '../model/rules.js';
import { findMeshPublicationType, NOT_JOURNAL_ARTICLE_TYPES } from '../vocab/publication-types.js';
import { fullTitle, initialsOf, monthAbbreviation } from '../model/display.js';
import * as z from '../zod-mini.js';
import type { RecordWriter, WriterOptionMeta, WriterSession } from './types.js';
import { authorsInOrder } from './author-order.js';
import { xmlElement, type XmlNode } from './xml-tree.js';

/**
 * MEDLINE XML: a `PubmedArticleSet` valid under NLM's pubmed_250101.dtd, in the DOCTYPE
 * efetch output carries. Element order follows the DTD's content models.
 *
 * Nothing is written as fact that the record does not support. What the DTD requires and
 * a catalogue record cannot say is written as a documented default (docs/accuracy.md,
 * "MEDLINE defaults"):
 * - Only records with a PMID are written (`accepts` reports `medline.no-pmid`).
 * - MedlineTA: the journal abbreviation, else the journal title (reported by
 *   `medlineWarnings` as `medline.no-journal-abbreviation`); a record with neither is not
 *   written (`medline.no-journal`) unless `medlineTaFallback` names a value to write.
 * - Defaults the record cannot support: `MedlineCitation/@Status` `PubMed-not-MEDLINE`
 *   (not indexed for MEDLINE by NLM), `@Owner` `NLM`, `Article/@PubModel` `Print`,
 *   `JournalIssue/@CitedMedium` `Print`, `PublicationStatus` `ppublish`, and `IssnType`
 *   `Print` unless the record says which kind the ISSN is (`issnTypes`).
 * - Pages: a start page alone is `StartPage`; `MedlinePgn` only from a page range. No pages
 *   and no DOI: an empty `Pagination/MedlinePgn`, as NLM writes for unpaginated items.
 * - No date: an empty `PubDate/MedlineDate` (reported as `medline.no-publication-date`).
 * - Publication types: `Journal Article` first unless a type NLM lists without it
 *   (Editorial, Letter, News...) is present, then the record's types that have a MeSH
 *   UI; a type without a known UI is left out (reported as `medline.publication-type-unmapped`).
 * - Subjects become a `KeywordList Owner="NOTNLM"` (keywords not assigned by NLM).
 * - A set with no article is DTD-invalid (`PubmedArticle+`); the caller should not write a
 *   MEDLINE file when no record was accepted.
 */

export const MEDLINE_DOCTYPE =
  '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">';

const SET_OPEN = '<PubmedArticleSet>';
const SET_CLOSE = '</PubmedArticleSet>';
const JOURNAL_ARTICLE = 'Journal Article';
const JOURNAL_ARTICLE_UI = 'D016428';

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const XML_FORBIDDEN_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(XML_FORBIDDEN_CHARS, '');
}

/** NLM titles end with a period or a question mark; keep `?`/`!`, add `.` otherwise. */
export function medlineArticleTitle(title: string | undefined): string {
  const trimmed = (title ?? '').trim();
  if (trimmed === '') return '';
  const last = trimmed.at(-1);
  return last === '.' || last === '?' || last === '!' ? trimmed : `${trimmed}.`;
}

/** The options of the MEDLINE formats (MEDLINE XML and .nbib declare the same); zod/mini, as in csv.ts. */
export const MEDLINE_OPTIONS = z.object({
  /** MedlineTA for a record with neither a journal abbreviation nor a journal title (opt-in; without it such a record is skipped). */
  medlineTaFallback: z.optional(z.string()).check(z.meta({
    flag: '--medline-ta-fallback <text>',
    description: 'MEDLINE and .nbib: MedlineTA for records with neither a journal abbreviation nor a journal title (default: the abbreviation, else the title, else the record is not written: medline.no-journal)',
    // With a fallback, a record that loses its journal abbreviation or title stays writable.
    probe: 'Probe fallback',
  } satisfies WriterOptionMeta)),
});
export type MedlineOptions = z.input<typeof MEDLINE_OPTIONS>;

/** MedlineTA: the abbreviation, else the journal title, else the declared fallback; undefined when none. */
export function medlineJournalAbbreviation(record: BibRecord, options: MedlineOptions): string | undefined {
  return record.container.abbreviation || record.container.title || options.medlineTaFallback || undefined;
}

/**
 * The publication types NLM would list, by NLM name: `Journal Article` unless a type that
 * NLM lists without it is present, then the record's own. MEDLINE XML and .nbib share it.
 */
export function medlinePublicationTypes(record: BibRecord): string[] {
  const names: string[] = [];
  const own = record.publicationTypes.map((type) => findMeshPublicationType(type)?.name ?? type);
  if (!own.some((type) => NOT_JOURNAL_ARTICLE_TYPES.has(type))) names.push(JOURNAL_ARTICLE);
  for (const type of own) if (!names.includes(type)) names.push(type);
  return names;
}

/** Why a record cannot be written in MEDLINE formats (no PMID, no journal), or undefined. */
export function medlineRefusal(record: BibRecord, options: MedlineOptions, format: string): Issue | undefined {
  const where = { recordId: record.id, source: stripFormat(record.source) };
  if (!record.identifiers.pmid) {
    return makeIssue('medline.no-pmid', { ...where, field: 'identifiers.pmid', message: `No PMID: the record is not written to ${format}` });
  }
  // With a PMID too, a MARC record says what it is: only an article (an analytic with its 773 host) is a citation.
  if (record.marc && record.type !== 'article') {
    return makeIssue('medline.not-an-article', { ...where, field: 'type', message: `A MARC ${record.type} record is not an article: it is not written to ${format}` });
  }
  if (medlineJournalAbbreviation(record, options) === undefined) {
    return makeIssue('medline.no-journal', {
      ...where, field: 'container',
      message: `No journal abbreviation and no journal title: the record is not written to ${format} (MedlineTA is required; --medline-ta-fallback opts into a fallback)`,
    });
  }
  return undefined;
}

/** The MEDLINE-only findings for a record `accepts` let through (the pipeline reports them). */
export function medlineWarnings(record: BibRecord, options: MedlineOptions = {}): Issue[] {
  const where = { recordId: record.id, source: stripFormat(record.source) };
  const issues: Issue[] = [];
  const fallback = medlineJournalAbbreviation(record, options);
  if (!record.container.abbreviation && fallback !== undefined) {
    issues.push(makeIssue('medline.no-journal-abbreviation', {
      ...where, field: 'container.abbreviation', actual: fallback,
      message: `No journal abbreviation; MedlineTA "${fallback}" (${record.container.title ? 'the journal title' : 'the declared fallback'}) is written instead`,
    }));
  }
  if (record.published.year === undefined && !record.published.text) {
    issues.push(makeIssue('medline.no-publication-date', {
      ...where, field: 'published', message: 'No publication date; an empty MedlineDate is written (PubDate is required)',
    }));
  }
  const unmapped = record.publicationTypes.filter((type) => findMeshPublicationType(type)?.ui === undefined);
  if (unmapped.length > 0) {
    issues.push(makeIssue('medline.publication-type-unmapped', {
      ...where, field: 'publicationTypes', actual: unmapped,
      expected: 'an NLM publication type with a known MeSH UI (src/vocab/publication-types.ts)',
      message: `Publication type(s) without a known MeSH UI are left out of MEDLINE XML: ${unmapped.join('; ')}`,
    }));
  }
  return issues;
}

function stripFormat(source: BibRecord['source']): Issue['source'] {
  const { format: _format, ...position } = source;
  return position;
}

function textWith(attributes: Record<string, string>, text: string): XmlNode {
  const node: XmlNode = { '#text': xmlSafeText(text) };
  for (const [name, value] of Object.entries(attributes)) node[`@_${name}`] = value;
  return node;
}

function pubDate(record: BibRecord): XmlNode {
  const { year, month, day, text } = record.published;
  const plainYear = year !== undefined && (month !== undefined || !text || text.trim() === String(year));
  if (!plainYear || year === undefined) return { MedlineDate: xmlSafeText(text ?? '') };
  const date: XmlNode = { Year: String(year) };
  const monthName = month === undefined ? undefined : monthAbbreviation(month);
  if (monthName) {
    date.Month = monthName;
    if (day !== undefined) date.Day = String(day).padStart(2, '0');
  }
  return date;
}

/**
 * `113-25`: StartPage 113, EndPage 125 (NLM's MedlinePgn drops the end page's leading digits
 * it shares with the start page; EndPage spells them out), MedlinePgn as given. A start page
 * alone is only a StartPage: it is not the pagination.
 */
function pagination(pages: string | undefined, pageStart: string | undefined): XmlNode | undefined {
  const parts = (pages ?? '').split(/[-\u2010-\u2013]/u).map((part) => part.trim());
  if (pages && parts.length === 2 && parts[0] && parts[1]) {
    const [start, end] = parts as [string, string];
    const fullEnd = /^\d+$/u.test(start) && /^\d+$/u.test(end) && end.length < start.length ? start.slice(0, start.length - end.length) + end : end;
    return { StartPage: xmlSafeText(start), EndPage: xmlSafeText(fullEnd), MedlinePgn: xmlSafeText(pages) };
  }
  if (pages) return { MedlinePgn: xmlSafeText(pages) };
  if (pageStart) return { StartPage: xmlSafeText(pageStart) };
  return undefined;
}

function author(person: PersonName): XmlNode {
  const node: XmlNode = { '@_ValidYN': 'Y', LastName: xmlSafeText(person.family) };
  if (person.given) node.ForeName = xmlSafeText(person.given);
  const initials = initialsOf(person);
  if (initials) node.Initials = xmlSafeText(initials);
  if (person.suffix) node.Suffix = xmlSafeText(person.suffix);
  return node;
}

function publicationTypes(record: BibRecord): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const name of medlinePublicationTypes(record)) {
    const ui = name === JOURNAL_ARTICLE ? JOURNAL_ARTICLE_UI : findMeshPublicationType(name)?.ui;
    if (ui !== undefined) nodes.push(textWith({ UI: ui }, name));
  }
  // PublicationTypeList needs one type: a record whose only types lack a UI is still an article.
  return nodes.length > 0 ? nodes : [textWith({ UI: JOURNAL_ARTICLE_UI }, JOURNAL_ARTICLE)];
}

function languages(record: BibRecord): string[] {
  const codes = [...new Set(record.languages.map((language) => language.iso639_2b).filter((code) => code !== undefined))];
  return codes.length > 0 ? codes : ['und'];
}

function article(record: BibRecord): XmlNode {
  const { container, identifiers } = record;
  const journalIssue: XmlNode = { '@_CitedMedium': 'Print' };
  if (container.volume) journalIssue.Volume = xmlSafeText(container.volume);
  if (container.issue) journalIssue.Issue = xmlSafeText(container.issue);
  journalIssue.PubDate = pubDate(record);

  const journal: XmlNode = {};
  const issn = identifiers.issn[0];
  if (issn) journal.ISSN = textWith({ IssnType: identifiers.issnTypes?.[issn] ?? 'Print' }, issn);
  journal.JournalIssue = journalIssue;
  if (container.title) journal.Title = xmlSafeText(container.title);
  if (container.abbreviation) journal.ISOAbbreviation = xmlSafeText(container.abbreviation);

  const node: XmlNode = { '@_PubModel': 'Print', Journal: journal };
  node.ArticleTitle = xmlSafeText(medlineArticleTitle(fullTitle(record.title, record.subtitle)));
  const pages = pagination(container.pages, container.pageStart);
  if (pages) node.Pagination = pages;
  if (identifiers.doi) node.ELocationID = textWith({ EIdType: 'doi', ValidYN: 'Y' }, identifiers.doi);
  // The DTD needs Pagination or ELocationID; NLM writes an empty MedlinePgn for unpaginated items.
  if (!pages && !identifiers.doi) node.Pagination = { MedlinePgn: '' };
  if (record.abstract) {
    node.Abstract = { AbstractText: xmlSafeText(record.abstract) };
    if (record.copyright) node.Abstract.CopyrightInformation = xmlSafeText(record.copyright);
  }
  const authors = authorsInOrder(record).map((entry): XmlNode =>
    'person' in entry ? author(entry.person) : { '@_ValidYN': 'Y', CollectiveName: xmlSafeText(entry.organization) });
  if (authors.length > 0) node.AuthorList = { '@_CompleteYN': 'Y', Author: authors };
  node.Language = languages(record);
  node.PublicationTypeList = { PublicationType: publicationTypes(record) };
  return node;
}

function pubmedArticle(record: BibRecord, options: MedlineOptions): XmlNode {
  const pmid = record.identifiers.pmid ?? '';
  const citation: XmlNode = {
    '@_Status': 'PubMed-not-MEDLINE',
    '@_Owner': 'NLM',
    PMID: textWith({ Version: '1' }, pmid),
    Article: article(record),
    MedlineJournalInfo: { MedlineTA: xmlSafeText(medlineJournalAbbreviation(record, options) ?? '') },
  };
  if (record.subjects.length > 0) {
    citation.KeywordList = { '@_Owner': 'NOTNLM', Keyword: record.subjects.map((subject) => textWith({ MajorTopicYN: 'N' }, subject)) };
  }
  const ids: XmlNode[] = [textWith({ IdType: 'pubmed' }, pmid)];
  if (record.identifiers.pmcid) ids.push(textWith({ IdType: 'pmc' }, record.identifiers.pmcid));
  if (record.identifiers.doi) ids.push(textWith({ IdType: 'doi' }, record.identifiers.doi));
  return {
    MedlineCitation: citation,
    PubmedData: { PublicationStatus: 'ppublish', ArticleIdList: { ArticleId: ids } },
  };
}

/** One `<PubmedArticle>`, indented one level inside the set. */
export function pubmedArticleXml(record: BibRecord, options: MedlineOptions = {}): string {
  return xmlElement('PubmedArticle', pubmedArticle(record, options), 1);
}

export const medlineXmlWriter: RecordWriter<MedlineOptions> = {
  name: 'medline',
  description: 'MEDLINE/PubMed XML (PubmedArticleSet, pubmed_250101.dtd); records without a PMID are skipped',
  fileName: 'medline.xml',
  mediaType: 'application/xml',
  options: MEDLINE_OPTIONS,
  requiresRecords: true,
  accepts(record: BibRecord, options: MedlineOptions = {}): Issue | undefined {
    return medlineRefusal(record, options, 'MEDLINE XML');
  },
  open(options: MedlineOptions): WriterSession {
    return {
      start: () => `<?xml version="1.0" encoding="UTF-8"?>\n${MEDLINE_DOCTYPE}\n${SET_OPEN}\n`,
      write: (record) => pubmedArticleXml(record, options),
      end: () => `${SET_CLOSE}\n`,
      warnings: (record) => medlineWarnings(record, options),
    };
  },
};
