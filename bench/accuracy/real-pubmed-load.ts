import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XmlDocument, type XmlNode } from 'libxml2-wasm';
import { collapseWhitespace } from '../../src/text.js';

/**
 * Reading NLM's own records for the real round trip: efetch `PubmedArticleSet` XML, MEDLINE
 * baseline `MedlineCitationSet` XML (plain or .gz) and MEDLINE tagged text, into the fields
 * the comparison needs.
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
  /** The journal's full title (`Journal/Title`, `JT`), when NLM gives it. */
  journalTitle?: string;
  copyright?: string;
  abstract?: string;
  keywords: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const text = (value: string | undefined): string => collapseWhitespace(value ?? '');

function isoDate(year: string | undefined, month: string | undefined, day: string | undefined): string | undefined {
  if (!year || !month || !day) return undefined;
  const monthNumber = /^\d+$/u.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3)) + 1;
  if (monthNumber < 1 || monthNumber > 12 || !/^\d{1,2}$/u.test(day)) return undefined;
  return `${year}-${String(monthNumber).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function one(node: XmlNode, xpath: string): string | undefined {
  const found = node.get(xpath);
  return found ? text(found.content) : undefined;
}

export function all(node: XmlNode, xpath: string): string[] {
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

/** A baseline file's bare `MedlineCitation`s, each wrapped as the `PubmedArticle` efetch would give. */
function asArticleSet(xml: string): string {
  if (!/<MedlineCitationSet[\s>]/u.test(xml)) return xml;
  return xml
    .replace(/<!DOCTYPE[^>]*>/u, '')
    .replace(/<MedlineCitation(?=[\s>])/gu, '<PubmedArticle><MedlineCitation')
    .replace(/<\/MedlineCitation>/gu, '</MedlineCitation></PubmedArticle>');
}

function fromArticle(file: string, article: XmlNode): NlmRecord {
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
  const doi = one(article, './/PubmedData/ArticleIdList/ArticleId[@IdType="doi"]') ?? one(article, './/ELocationID[@EIdType="doi"]');
  const copyright = one(article, './/Article/Abstract/CopyrightInformation');
  const journalTitle = one(article, './/Article/Journal/Title');
  if (pmcid) record.pmcid = pmcid;
  if (doi) record.doi = doi;
  if (year) record.year = year;
  if (date) record.date = date;
  if (copyright) record.copyright = copyright;
  if (abstract) record.abstract = abstract;
  if (journalTitle) record.journalTitle = journalTitle;
  return record;
}

function fromXml(file: string, xml: string): NlmRecord[] {
  const doc = XmlDocument.fromString(asArticleSet(xml));
  try {
    return doc.find('//PubmedArticle').map((article) => fromArticle(file, article));
  } finally {
    doc.dispose();
  }
}

/** MEDLINE tagged text: `TAG - value`, continuation lines indented 6 spaces, records split by blank lines. */
/** One record's tags in order, continuation lines joined, and the values of a tag. */
export function medlineTags(block: string): { tags: [string, string][]; values: (tag: string) => string[] } {
  const tags: [string, string][] = [];
  for (const line of block.split('\n')) {
    const tagged = /^([A-Z]{2,4})\s*- (.*)$/u.exec(line);
    if (tagged) tags.push([tagged[1] as string, tagged[2] as string]);
    else if (line.startsWith('      ') && tags.length > 0) (tags[tags.length - 1] as [string, string])[1] += ` ${line.trim()}`;
  }
  return { tags, values: (tag) => tags.filter(([name]) => name === tag).map(([, value]) => text(value)) };
}

function fromMedlineText(file: string, content: string): NlmRecord[] {
  const records: NlmRecord[] = [];
  for (const block of content.split(/\n\s*\n/u)) {
    const { tags, values } = medlineTags(block);
    const pmid = values('PMID')[0];
    if (!pmid) continue;
    const dp = values('DP')[0] ?? '';
    const [year, month, day] = dp.split(' ');
    const doi = [...values('AID'), ...values('LID')].find((value) => value.endsWith('[doi]'))?.replace(/\s*\[doi\]$/u, '');
    const record: NlmRecord = {
      file, pmid, title: values('TI')[0] ?? '', authors: taggedAuthors(tags), languages: values('LA'), types: values('PT'),
      medlineTA: values('TA')[0] ?? '', keywords: values('OT'),
    };
    const optional: [keyof NlmRecord, string | undefined][] = [
      ['pmcid', values('PMC')[0]], ['doi', doi], ['year', year], ['date', isoDate(year, month, day)], ['copyright', values('CI')[0]],
      ['abstract', values('AB')[0]], ['journalTitle', values('JT')[0]],
    ];
    for (const [key, value] of optional) if (value) (record as unknown as Record<string, string>)[key] = value;
    records.push(record);
  }
  return records;
}

/** FAU/AU pairs and CN names in the order the tags stand (PubMed lists a collective name where it falls). */
export function taggedAuthors(tags: readonly (readonly [string, string])[]): string[] {
  const authors: string[] = [];
  for (const [tag, value] of tags) {
    const full = text(value);
    if (tag === 'CN') authors.push(`CN:${full}`);
    else if (tag === 'FAU') {
      const [last, fore, suffix] = full.split(', ');
      authors.push(`${last ?? ''}|${fore ?? ''}||${suffix ?? ''}`);
    } else if (tag === 'AU' && authors.length > 0) {
      const previous = authors[authors.length - 1] as string;
      const [last, fore, , suffix] = previous.split('|') as [string, string, string, string];
      let rest = full.startsWith(`${last} `) ? full.slice(last.length + 1) : full.split(' ').at(-1) ?? '';
      if (suffix && rest.endsWith(` ${suffix}`)) rest = rest.slice(0, -suffix.length - 1);
      authors[authors.length - 1] = `${last}|${fore}|${rest}|${suffix}`;
    }
  }
  return authors;
}

/** Every NLM record under `dir`, folder by folder (`.xml`, `.xml.gz`, MEDLINE `.txt`). */
export function loadRealRecords(dir: string): { records: NlmRecord[]; files: string[] } {
  const records: NlmRecord[] = [];
  const files: string[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const path = join(dir, folder, name);
      const file = `${folder}/${name}`;
      if (name.endsWith('.xml')) records.push(...fromXml(file, readFileSync(path, 'utf8')));
      else if (name.endsWith('.xml.gz')) records.push(...fromXml(file, gunzipSync(readFileSync(path)).toString('utf8')));
      else if (name.endsWith('.txt')) records.push(...fromMedlineText(file, readFileSync(path, 'utf8')));
      else continue;
      files.push(file);
    }
  }
  return { records, files };
}
