import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { XmlDocument, type XmlNode } from 'libxml2-wasm';
import type { RawRecord } from '../../src/model/raw-record.js';
import type { BibRecord } from '../../src/model/record.js';
import { processRecord } from '../../src/pipeline/process.js';
import { solrJsonReader } from '../../src/read/solr-json.js';
import { staffViewReader } from '../../src/read/staff-view/reader.js';
import { DEFAULT_READ_LIMITS, type RecordReader } from '../../src/read/types.js';
import { lookupLanguage } from '../../src/vocab/languages.js';
import { medlineXmlWriter } from '../../src/write/medline-xml.js';
import { collapseWhitespace } from '../../src/text.js';
import type { CorpusRecord } from '../corpus/records.js';
import { renderStaffView } from '../corpus/render.js';
import { readRecords } from '../../src/read/chunked.js';

/**
 * The real round trip (issue 10): every real NLM record in ../shared/data/medline/real
 * (efetch XML and MEDLINE text) is indexed the way VuFind's PubMed/PMC harvest would index
 * it (id, titles, authors, formats, language, publishDate, urls, description, topic, and a
 * `spelling` in the seed's layout; no journal field: the abbreviation lives only in
 * `spelling`), read back from its Solr JSON and from its Staff View scrape, written as
 * MEDLINE XML, and each field the index holds is compared with NLM's own record.
 */

/** One NLM record, as the comparison needs it. */
export interface NlmRecord {
  file: string;
  pmid: string;
  pmcid?: string;
  doi?: string;
  title: string;
  /** `Last|Fore|Initials|Suffix` per person, `CN:name` per collective name, in order. */
  authors: string[];
  year?: string;
  /** The publication date as a full ISO date when NLM gives one (the harvest's dc:date). */
  date?: string;
  languages: string[];
  types: string[];
  medlineTA: string;
  copyright?: string;
  abstract?: string;
  keywords: string[];
}

export const ROUND_TRIP_FIELDS = ['authors', 'pmid', 'pmcid', 'doi', 'title', 'year', 'language', 'types', 'journal abbreviation', 'copyright', 'abstract'] as const;
export type RoundTripField = (typeof ROUND_TRIP_FIELDS)[number];

export interface RoundTripRow {
  field: RoundTripField;
  /** Records whose NLM record holds the field. */
  held: number;
  /** Of those, how many the MEDLINE XML written from the Solr JSON / from the scrape gives exactly. */
  solrJson: number;
  scrape: number;
}

export interface RoundTripReport {
  records: number;
  files: string[];
  rows: RoundTripRow[];
  /** Every differing field, for reading: record, input, field, NLM's value, ours. */
  differences: { record: string; input: 'solr-json' | 'scrape'; field: RoundTripField; nlm: string; ours: string }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const text = (value: string | undefined): string => collapseWhitespace(value ?? '');

function isoDate(year: string | undefined, month: string | undefined, day: string | undefined): string | undefined {
  if (!year || !month || !day) return undefined;
  const monthNumber = /^\d+$/u.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3)) + 1;
  if (monthNumber < 1 || monthNumber > 12 || !/^\d{1,2}$/u.test(day)) return undefined;
  return `${year}-${String(monthNumber).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function one(node: XmlNode, xpath: string): string | undefined {
  const found = node.get(xpath);
  return found ? text(found.content) : undefined;
}

function all(node: XmlNode, xpath: string): string[] {
  return node.find(xpath).map((found) => text(found.content));
}

/** Author strings the comparison uses, from MEDLINE XML `Author` elements (NLM's or ours). */
export function authorsOf(article: XmlNode): string[] {
  return article.find('.//AuthorList/Author').map((author) => {
    const collective = one(author, 'CollectiveName');
    if (collective !== undefined) return `CN:${collective}`;
    return [one(author, 'LastName'), one(author, 'ForeName'), one(author, 'Initials'), one(author, 'Suffix')].map((part) => part ?? '').join('|');
  });
}

function fromXml(file: string, xml: string): NlmRecord[] {
  const doc = XmlDocument.fromString(xml);
  try {
    return doc.find('//PubmedArticle').map((article): NlmRecord => {
      const pubDate = article.get('.//JournalIssue/PubDate');
      const articleDate = article.get('.//Article/ArticleDate');
      const year = (pubDate && (one(pubDate, 'Year') ?? one(pubDate, 'MedlineDate')?.slice(0, 4))) || undefined;
      const date = (pubDate && isoDate(one(pubDate, 'Year'), one(pubDate, 'Month'), one(pubDate, 'Day')))
        ?? (articleDate && isoDate(one(articleDate, 'Year'), one(articleDate, 'Month'), one(articleDate, 'Day'))) ?? undefined;
      const abstract = all(article, './/Article/Abstract/AbstractText').join(' ');
      const record: NlmRecord = {
        file, pmid: one(article, './/MedlineCitation/PMID') ?? '', title: one(article, './/Article/ArticleTitle') ?? '',
        authors: authorsOf(article), languages: all(article, './/Article/Language'), types: all(article, './/PublicationType'),
        medlineTA: one(article, './/MedlineJournalInfo/MedlineTA') ?? '', keywords: all(article, './/KeywordList/Keyword'),
      };
      const pmcid = one(article, './/ArticleIdList/ArticleId[@IdType="pmc"]');
      const doi = one(article, './/ArticleIdList/ArticleId[@IdType="doi"]') ?? one(article, './/ELocationID[@EIdType="doi"]');
      const copyright = one(article, './/Article/Abstract/CopyrightInformation');
      if (pmcid) record.pmcid = pmcid;
      if (doi) record.doi = doi;
      if (year) record.year = year;
      if (date) record.date = date;
      if (copyright) record.copyright = copyright;
      if (abstract) record.abstract = abstract;
      return record;
    });
  } finally {
    doc.dispose();
  }
}

/** MEDLINE tagged text: `TAG - value`, continuation lines indented 6 spaces, records split by blank lines. */
function fromMedlineText(file: string, content: string): NlmRecord[] {
  const records: NlmRecord[] = [];
  for (const block of content.split(/\n\s*\n/u)) {
    const tags: [string, string][] = [];
    for (const line of block.split('\n')) {
      const tagged = /^([A-Z]{2,4})\s*- (.*)$/u.exec(line);
      if (tagged) tags.push([tagged[1] as string, tagged[2] as string]);
      else if (line.startsWith('      ') && tags.length > 0) (tags[tags.length - 1] as [string, string])[1] += ` ${line.trim()}`;
    }
    const values = (tag: string): string[] => tags.filter(([name]) => name === tag).map(([, value]) => text(value));
    const pmid = values('PMID')[0];
    if (!pmid) continue;
    const authors: string[] = [];
    const abbreviated = values('AU');
    values('FAU').forEach((full, index) => {
      const [last, fore] = full.split(', ');
      const initials = (abbreviated[index] ?? '').split(' ').at(-1) ?? '';
      authors.push(`${last ?? ''}|${fore ?? ''}|${initials}|`);
    });
    for (const name of values('CN')) authors.push(`CN:${name}`);
    const dp = values('DP')[0] ?? '';
    const [year, month, day] = dp.split(' ');
    const doi = [...values('AID'), ...values('LID')].find((value) => value.endsWith('[doi]'))?.replace(/\s*\[doi\]$/u, '');
    const record: NlmRecord = {
      file, pmid, title: values('TI')[0] ?? '', authors, languages: values('LA'), types: values('PT'), medlineTA: values('TA')[0] ?? '',
      keywords: values('OT'),
    };
    const pmcid = values('PMC')[0];
    if (pmcid) record.pmcid = pmcid;
    if (doi) record.doi = doi;
    if (year) record.year = year;
    const date = isoDate(year, month, day);
    if (date) record.date = date;
    const copyright = values('CI')[0];
    if (copyright) record.copyright = copyright;
    const abstract = values('AB')[0];
    if (abstract) record.abstract = abstract;
    records.push(record);
  }
  return records;
}

/** Every NLM record under `dir` (the `real` folder's subfolders). */
export function loadRealRecords(dir: string): { records: NlmRecord[]; files: string[] } {
  const records: NlmRecord[] = [];
  const files: string[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const path = join(dir, folder, name);
      const file = `${folder}/${name}`;
      if (name.endsWith('.xml')) records.push(...fromXml(file, readFileSync(path, 'utf8')));
      else if (name.endsWith('.txt')) records.push(...fromMedlineText(file, readFileSync(path, 'utf8')));
      else continue;
      files.push(file);
    }
  }
  return { records, files };
}

const HARVEST_DATESTAMP = '2024-01-15';

/** The record as VuFind's PubMed/PMC harvest indexes it. */
export function indexAsVufind(nlm: NlmRecord): Record<string, string | string[]> {
  const id = `pubmed-${nlm.pmcid ? nlm.pmcid.replace(/^PMC/u, '') : nlm.pmid}`;
  // NLM closes titles with a period the source title does not have.
  const title = nlm.title.replace(/\.$/u, '');
  const authors = nlm.authors.map((author) => {
    if (author.startsWith('CN:')) return author.slice(3);
    const [last, fore, initials, suffix] = author.split('|');
    return [last, fore || initials, suffix].filter((part) => part).join(', ');
  });
  const headings = nlm.types.filter((type) => type !== 'Journal Article');
  const languages = nlm.languages.map((code) => lookupLanguage(code));
  const urls = [
    ...(nlm.pmcid ? [`https://www.ncbi.nlm.nih.gov/pmc/articles/${nlm.pmcid}/`] : []),
    `https://www.ncbi.nlm.nih.gov/pubmed/${nlm.pmid}`,
    ...(nlm.doi ? [`http://dx.doi.org/${nlm.doi}`] : []),
  ];
  const spelling = [
    `${id}${HARVEST_DATESTAMP}`, title, ...authors, nlm.medlineTA, ...headings, nlm.abstract ?? '',
    ...(nlm.date ? [nlm.date, nlm.date] : []),
    ...(nlm.pmcid ? [`/pmc/articles/${nlm.pmcid}/`] : []), `/pubmed/${nlm.pmid}`, ...(nlm.doi ? [`http://dx.doi.org/${nlm.doi}`] : []),
    'Text', languages.map((language) => language?.bcp47 ?? '').join(' '), nlm.copyright ?? '',
  ].filter((part) => part !== '').join(' ');
  const doc: Record<string, string | string[]> = {
    id, record_format: 'MEDLINE/PubMed', collection: ['PubMed'], institution: ['National Center for Biotechnology Information'],
    title, title_short: title, title_full: title, title_fullStr: title, title_full_unstemmed: title,
    format: ['Online', 'Article', 'Text'], language: languages.map((language, index) => language?.name ?? (nlm.languages[index] as string)),
    url: urls, spelling: [spelling],
  };
  if (authors.length > 0) {
    doc.author = authors;
    doc.author_facet = authors;
    doc.author_sort = authors[0] as string;
  }
  if (nlm.year) doc.publishDate = [nlm.year];
  if (nlm.abstract) doc.description = nlm.abstract;
  const topics = [...headings, ...nlm.keywords];
  if (topics.length > 0) doc.topic = topics;
  return doc;
}

async function convert(reader: RecordReader, input: string, file: string): Promise<BibRecord | undefined> {
  const raws: RawRecord[] = [];
  for await (const raw of readRecords(reader, Readable.from([Buffer.from(input, 'utf8')]), { file, limits: DEFAULT_READ_LIMITS })) raws.push(raw);
  return raws.length === 1 ? processRecord(raws[0] as RawRecord).record : undefined;
}

/** The fields of our MEDLINE XML for a record, in NLM's terms (undefined: not written). */
function ourFields(record: BibRecord | undefined): Partial<Record<RoundTripField, string>> {
  if (record === undefined || medlineXmlWriter.accepts(record) !== undefined) return {};
  const session = medlineXmlWriter.open({});
  const xml = `<?xml version="1.0"?>\n<PubmedArticleSet>\n${session.write(record)}</PubmedArticleSet>\n`;
  const doc = XmlDocument.fromString(xml);
  try {
    const article = doc.get('//PubmedArticle') as XmlNode;
    return fieldsOf(article);
  } finally {
    doc.dispose();
  }
}

function fieldsOf(article: XmlNode): Partial<Record<RoundTripField, string>> {
  return {
    authors: JSON.stringify(authorsOf(article)),
    pmid: one(article, './/MedlineCitation/PMID'),
    pmcid: one(article, './/ArticleIdList/ArticleId[@IdType="pmc"]'),
    doi: one(article, './/ArticleIdList/ArticleId[@IdType="doi"]'),
    title: one(article, './/Article/ArticleTitle'),
    year: one(article, './/JournalIssue/PubDate/Year') ?? one(article, './/JournalIssue/PubDate/MedlineDate')?.slice(0, 4),
    language: JSON.stringify(all(article, './/Article/Language')),
    types: JSON.stringify(all(article, './/PublicationType').sort()),
    'journal abbreviation': one(article, './/MedlineJournalInfo/MedlineTA'),
    copyright: one(article, './/Article/Abstract/CopyrightInformation'),
    abstract: all(article, './/Article/Abstract/AbstractText').join(' ') || undefined,
  };
}

function nlmFields(nlm: NlmRecord): Partial<Record<RoundTripField, string>> {
  return {
    authors: nlm.authors.length > 0 ? JSON.stringify(nlm.authors) : undefined,
    pmid: nlm.pmid, pmcid: nlm.pmcid, doi: nlm.doi, title: nlm.title, year: nlm.year,
    language: JSON.stringify(nlm.languages), types: JSON.stringify([...nlm.types].sort()),
    'journal abbreviation': nlm.medlineTA || undefined, copyright: nlm.copyright, abstract: nlm.abstract,
  };
}

export async function measureRealRoundTrip(dir: string): Promise<RoundTripReport> {
  const { records, files } = loadRealRecords(dir);
  const rows: RoundTripRow[] = ROUND_TRIP_FIELDS.map((field) => ({ field, held: 0, solrJson: 0, scrape: 0 }));
  const report: RoundTripReport = { records: records.length, files, rows, differences: [] };
  for (const nlm of records) {
    const doc = indexAsVufind(nlm);
    const fromJson = ourFields(await convert(solrJsonReader, `${JSON.stringify(doc)}\n`, `${nlm.file}.ndjson`));
    const page = renderStaffView({ doc, locale: 'en', hasWorkKeys: false, truth: undefined } as unknown as CorpusRecord, { sorted: true, withCoreTable: true });
    const fromScrape = ourFields(await convert(staffViewReader, page, `${nlm.file}.txt`));
    const expected = nlmFields(nlm);
    for (const row of rows) {
      const want = expected[row.field];
      if (want === undefined) continue;
      row.held += 1;
      for (const [input, ours] of [['solr-json', fromJson], ['scrape', fromScrape]] as const) {
        const got = ours[row.field];
        if (got === want) {
          if (input === 'solr-json') row.solrJson += 1;
          else row.scrape += 1;
        } else {
          report.differences.push({ record: `${nlm.file} PMID ${nlm.pmid}`, input, field: row.field, nlm: want, ours: got ?? '(not written)' });
        }
      }
    }
  }
  return report;
}

/** Share of held fields right, over all fields. */
export function roundTripShare(report: RoundTripReport, input: 'solrJson' | 'scrape'): number {
  const held = report.rows.reduce((sum, row) => sum + row.held, 0);
  const right = report.rows.reduce((sum, row) => sum + row[input], 0);
  return held === 0 ? 100 : (right / held) * 100;
}

export function formatRoundTrip(report: RoundTripReport): string {
  const header = ['field (NLM record holds it)', 'held', 'from Solr JSON', 'from scrape'];
  const rows = report.rows.map((row) => [row.field, String(row.held), `${row.solrJson}/${row.held}`, `${row.scrape}/${row.held}`]);
  const held = report.rows.reduce((sum, row) => sum + row.held, 0);
  rows.push(['all fields', String(held), `${roundTripShare(report, 'solrJson').toFixed(2)}%`, `${roundTripShare(report, 'scrape').toFixed(2)}%`]);
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  return [`real PubMed round trip: ${report.records} NLM records from ${report.files.length} files -> VuFind index -> MEDLINE XML`, line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
