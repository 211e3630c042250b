import { XMLBuilder } from 'fast-xml-parser';
import type { Issue } from '../model/issue.js';
import type { BibRecord, PersonName } from '../model/record.js';
import { makeIssue } from '../model/rules.js';
import { findMeshPublicationType, MESH_PUBLICATION_TYPES } from '../vocab/publication-types.js';
import { fullTitle, initialsOf, monthAbbreviation } from '../model/display.js';
import type { RecordWriter, WriterOptions, WriterSession } from './types.js';

/**
 * MEDLINE XML: a `PubmedArticleSet` valid under NLM's pubmed_250101.dtd, in the DOCTYPE
 * efetch output carries. Element order follows the DTD's content models.
 *
 * Choices the model forces (documented here because the DTD requires what we may lack):
 * - Only records with a PMID are written (`accepts` reports `medline.no-pmid`).
 * - MedlineTA: the abbreviation, else `medlineTaFallback`, else the journal title, else `Unknown`
 *   (reported by `medlineWarnings` as `medline.no-journal-abbreviation`).
 * - No pages and no DOI: an empty `Pagination/MedlinePgn`, as NLM writes for unpaginated items.
 * - No date: an empty `PubDate/MedlineDate` (reported as `medline.no-publication-date`).
 * - The model does not say whether an ISSN is print or electronic: the first is written as
 *   `IssnType="Print"`.
 * - Publication types: `Journal Article` first, then those with a known MeSH UI; the others
 *   are dropped (reported as `medline.publication-type-unmapped`).
 * - Subjects become a `KeywordList Owner="NOTNLM"` (keywords not assigned by NLM).
 * - A set with no article is DTD-invalid (`PubmedArticle+`); the caller should not write a
 *   MEDLINE file when no record was accepted.
 */

export const MEDLINE_DOCTYPE =
  '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">';

const SET_OPEN = '<PubmedArticleSet>';
const SET_CLOSE = '</PubmedArticleSet>';
const JOURNAL_ARTICLE = 'Journal Article';

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

export function medlineJournalAbbreviation(record: BibRecord, options: WriterOptions): string {
  return record.container.abbreviation || options.medlineTaFallback || record.container.title || 'Unknown';
}

/** The MEDLINE-only findings for a record `accepts` let through (the pipeline reports them). */
export function medlineWarnings(record: BibRecord, options: WriterOptions = {}): Issue[] {
  const where = { recordId: record.id, source: stripFormat(record.source) };
  const issues: Issue[] = [];
  if (!record.container.abbreviation) {
    const fallback = medlineJournalAbbreviation(record, options);
    issues.push(makeIssue('medline.no-journal-abbreviation', {
      ...where, field: 'container.abbreviation', actual: fallback,
      message: `No journal abbreviation; MedlineTA "${fallback}" is written instead`,
    }));
  }
  if (record.published.year === undefined && !record.published.text) {
    issues.push(makeIssue('medline.no-publication-date', {
      ...where, field: 'published', message: 'No publication date; an empty MedlineDate is written (PubDate is required)',
    }));
  }
  const unmapped = record.publicationTypes.filter((type) => !findMeshPublicationType(type));
  if (unmapped.length > 0) {
    issues.push(makeIssue('medline.publication-type-unmapped', {
      ...where, field: 'publicationTypes', actual: unmapped,
      expected: Object.keys(MESH_PUBLICATION_TYPES).join(' | '),
      message: `Publication type(s) without a known MeSH UI are left out of MEDLINE XML: ${unmapped.join('; ')}`,
    }));
  }
  return issues;
}

function stripFormat(source: BibRecord['source']): Issue['source'] {
  const { format: _format, ...position } = source;
  return position;
}

type XmlNode = { [name: string]: XmlValue };
type XmlValue = string | XmlNode | XmlNode[] | string[] | undefined;

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

function pagination(pages: string): XmlNode {
  const parts = pages.split('-').map((part) => part.trim());
  if (parts.length === 2 && parts[0] && parts[1]) {
    return { StartPage: xmlSafeText(parts[0]), EndPage: xmlSafeText(parts[1]), MedlinePgn: xmlSafeText(pages) };
  }
  return { MedlinePgn: xmlSafeText(pages) };
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
  const names = [JOURNAL_ARTICLE];
  for (const type of record.publicationTypes) {
    const known = findMeshPublicationType(type);
    if (known && !names.includes(known.name)) names.push(known.name);
  }
  return names.map((name) => textWith({ UI: MESH_PUBLICATION_TYPES[name] ?? '' }, name));
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
  if (issn) journal.ISSN = textWith({ IssnType: 'Print' }, issn);
  journal.JournalIssue = journalIssue;
  if (container.title) journal.Title = xmlSafeText(container.title);
  if (container.abbreviation) journal.ISOAbbreviation = xmlSafeText(container.abbreviation);

  const node: XmlNode = { '@_PubModel': 'Print', Journal: journal };
  node.ArticleTitle = xmlSafeText(medlineArticleTitle(fullTitle(record.title, record.subtitle)));
  if (container.pages) node.Pagination = pagination(container.pages);
  if (identifiers.doi) node.ELocationID = textWith({ EIdType: 'doi', ValidYN: 'Y' }, identifiers.doi);
  // The DTD needs Pagination or ELocationID; NLM writes an empty MedlinePgn for unpaginated items.
  if (!container.pages && !identifiers.doi) node.Pagination = { MedlinePgn: '' };
  if (record.abstract) {
    node.Abstract = { AbstractText: xmlSafeText(record.abstract) };
    if (record.copyright) node.Abstract.CopyrightInformation = xmlSafeText(record.copyright);
  }
  const authors = [
    ...record.authors.map(author),
    ...record.corporateAuthors.map((name): XmlNode => ({ '@_ValidYN': 'Y', CollectiveName: xmlSafeText(name) })),
  ];
  if (authors.length > 0) node.AuthorList = { '@_CompleteYN': 'Y', Author: authors };
  node.Language = languages(record);
  node.PublicationTypeList = { PublicationType: publicationTypes(record) };
  return node;
}

function pubmedArticle(record: BibRecord, options: WriterOptions): XmlNode {
  const pmid = record.identifiers.pmid ?? '';
  const citation: XmlNode = {
    '@_Status': 'PubMed-not-MEDLINE',
    '@_Owner': 'NLM',
    PMID: textWith({ Version: '1' }, pmid),
    Article: article(record),
    MedlineJournalInfo: { MedlineTA: xmlSafeText(medlineJournalAbbreviation(record, options)) },
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

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  processEntities: true,
  // An attribute whose value is "true" would otherwise be written without a value (not XML).
  suppressBooleanAttributes: false,
  suppressEmptyNode: false,
});

/**
 * One `<PubmedArticle>` indented one level inside the set. The builder has no start level, so
 * the article is built inside its real parent and the parent's own two lines are cut off:
 * indenting the text afterwards would change multi-line values.
 */
export function pubmedArticleXml(record: BibRecord, options: WriterOptions = {}): string {
  const wrapped = builder.build({ PubmedArticleSet: { PubmedArticle: pubmedArticle(record, options) } }) as string;
  const head = `${SET_OPEN}\n`;
  const tail = `${SET_CLOSE}\n`;
  if (!wrapped.startsWith(head) || !wrapped.endsWith(tail)) {
    throw new Error('fast-xml-parser XMLBuilder output changed shape: cannot cut the PubmedArticle out of its set');
  }
  return wrapped.slice(head.length, wrapped.length - tail.length);
}

export const medlineXmlWriter: RecordWriter = {
  name: 'medline',
  description: 'MEDLINE/PubMed XML (PubmedArticleSet, pubmed_250101.dtd); records without a PMID are skipped',
  fileName: 'medline.xml',
  mediaType: 'application/xml',
  requiresRecords: true,
  accepts(record: BibRecord): Issue | undefined {
    if (record.identifiers.pmid) return undefined;
    return makeIssue('medline.no-pmid', {
      recordId: record.id,
      source: stripFormat(record.source),
      field: 'identifiers.pmid',
      message: 'No PMID: the record is not written to MEDLINE XML',
    });
  },
  open(options: WriterOptions): WriterSession {
    return {
      start: () => `<?xml version="1.0" encoding="UTF-8"?>\n${MEDLINE_DOCTYPE}\n${SET_OPEN}\n`,
      write: (record) => pubmedArticleXml(record, options),
      end: () => `${SET_CLOSE}\n`,
      warnings: (record) => medlineWarnings(record, options),
    };
  },
};
