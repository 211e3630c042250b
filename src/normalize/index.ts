import type { Issue } from '../model/issue.js';
import type { RawRecord, RawValue } from '../model/raw-record.js';
import type { BibRecord, Inference, Language, PersonName } from '../model/record.js';
import {
  identifiersFromUrl,
  parseDoi,
  parseHttpUrl,
  parseIsbn,
  parseIssn,
  parsePmcid,
  parsePmid,
} from '../identifiers/index.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { lookupLanguage } from '../vocab/languages.js';
import { canonicalPublicationType } from '../vocab/publication-types.js';
import { checkedDate, parsePublicationDate } from './dates.js';
import { parsePersonName } from './names.js';
import { recordTypeOf } from './record-type.js';
import { recoverFromSpelling } from './spelling.js';
import { collapseWhitespace, SPACE_AND_PUNCTUATION, trimEndChars } from '../text.js';

export interface NormalizeResult {
  record: BibRecord;
  /** Normalization findings only (inferences, conflicts); field problems are validation's. */
  issues: Issue[];
}

function list(value: RawValue | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function first(value: RawValue | undefined): string | undefined {
  return list(value)[0];
}

/** MARC ISBD punctuation that closes a title or publisher ("Title /", "Zanichelli,"). */
function tidy(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const tidied = trimEndChars(collapseWhitespace(text), SPACE_AND_PUNCTUATION + '=');
  return tidied === '' ? undefined : tidied;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Turns a raw Solr record into the normalized model. Values that validation flagged as
 * invalid (bad check digits, malformed URLs) are left out here; validation reports them.
 */
export function normalizeRecord(raw: RawRecord): NormalizeResult {
  const fields = raw.fields;
  const issues: Issue[] = [];
  const inferred: Inference[] = [];
  const id = first(fields.id) ?? '';
  const report = (code: IssueCode, message: string, field?: string, actual?: unknown): void => {
    issues.push(makeIssue(code, { message, recordId: id || undefined, source: raw.source, field, actual }));
  };

  const formats = list(fields.format);
  const type = recordTypeOf(formats, first(fields.record_format));
  const mainAuthors = list(fields.author);
  const authors: PersonName[] = [...mainAuthors, ...list(fields.author2)].map(parsePersonName);

  const record: BibRecord = {
    id,
    type,
    authors: dedupeAuthors(authors),
    corporateAuthors: unique(list(fields.author_corporate).map((name) => tidy(name) ?? name)),
    languages: [],
    published: parsePublicationDate(list(fields.publishDate)),
    container: {},
    identifiers: { isbn: [], issn: [], oclc: unique(list(fields.oclc_num)) },
    urls: [],
    subjects: [],
    publicationTypes: [],
    formats,
    series: unique(list(fields.series).map((name) => tidy(name) ?? name)),
    inferred,
    source: { ...raw.source, format: raw.format },
  };

  const title = tidy(first(fields.title) ?? first(fields.title_short) ?? first(fields.title_full));
  if (title) record.title = title;
  const subtitle = tidy(first(fields.title_sub));
  if (subtitle && subtitle !== title) record.subtitle = subtitle;
  const abstract = first(fields.description);
  if (abstract) record.abstract = collapseWhitespace(abstract);
  const publisher = tidy(first(fields.publisher));
  if (publisher) record.publisher = publisher;
  const edition = tidy(first(fields.edition));
  if (edition) record.edition = edition;
  const physical = tidy(first(fields.physical));
  if (physical) record.physicalDescription = physical;
  const version = first(fields._version_);
  if (version) record.solrVersion = version;

  const containerTitle = tidy(first(fields.container_title));
  if (containerTitle) record.container.title = containerTitle;
  const volume = first(fields.container_volume);
  if (volume) record.container.volume = volume;
  const issue = first(fields.container_issue);
  if (issue) record.container.issue = issue;
  const startPage = first(fields.container_start_page);
  if (startPage) record.container.pages = startPage;

  for (const name of list(fields.language)) {
    const language: Language = lookupLanguage(name) ?? { name };
    if (!record.languages.some((known) => known.name === language.name)) record.languages.push(language);
  }

  collectIdentifiers(record, fields, report);

  for (const subject of [...list(fields.topic), ...list(fields.genre), ...list(fields.geographic), ...list(fields.era)]) {
    const publicationType = canonicalPublicationType(subject);
    if (publicationType) {
      if (!record.publicationTypes.includes(publicationType)) record.publicationTypes.push(publicationType);
    } else {
      const tidied = tidy(subject) ?? subject;
      if (!record.subjects.includes(tidied)) record.subjects.push(tidied);
    }
  }

  inferFromSpelling(record, fields, mainAuthors, report);
  return { record, issues };
}

/** Drops exact repeats (author and author2 sometimes both carry a name). */
function dedupeAuthors(authors: PersonName[]): PersonName[] {
  const seen = new Set<string>();
  return authors.filter((author) => {
    const key = `${author.family}\u0000${author.given ?? ''}\u0000${author.suffix ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Report = (code: IssueCode, message: string, field?: string, actual?: unknown) => void;

function collectIdentifiers(record: BibRecord, fields: Record<string, RawValue>, report: Report): void {
  const ids = record.identifiers;
  const setOnce = (key: 'doi' | 'pmid' | 'pmcid', value: string, field: string): void => {
    const current = ids[key];
    if (current === undefined) ids[key] = value;
    else if (current.toLowerCase() !== value.toLowerCase()) {
      report('identifier.conflict', `Two different ${key.toUpperCase()}s in one record: "${current}" is kept, "${value}" from ${field} is not`, field, value);
    }
  };
  for (const text of list(fields.isbn)) {
    const parsed = parseIsbn(text);
    if (parsed.ok && !ids.isbn.includes(parsed.value)) ids.isbn.push(parsed.value);
  }
  for (const text of list(fields.issn)) {
    const parsed = parseIssn(text);
    if (parsed.ok && !ids.issn.includes(parsed.value)) ids.issn.push(parsed.value);
  }
  const lccn = first(fields.lccn);
  if (lccn) ids.lccn = lccn;
  // Sites that index identifiers in dynamic fields commonly name them like these.
  for (const [field, key, parse] of [
    ['doi_str_mv', 'doi', parseDoi],
    ['doi_str', 'doi', parseDoi],
    ['pmid_str', 'pmid', parsePmid],
    ['pmid_str_mv', 'pmid', parsePmid],
    ['pmcid_str', 'pmcid', parsePmcid],
  ] as const) {
    for (const text of list(fields[field])) {
      const parsed = parse(text);
      if (parsed.ok) setOnce(key, parsed.value, field);
    }
  }
  for (const text of list(fields.url)) {
    const parsed = parseHttpUrl(text);
    if (!parsed.ok) continue;
    if (!record.urls.includes(parsed.value)) record.urls.push(parsed.value);
    const linked = identifiersFromUrl(parsed.value);
    if (linked.doi) setOnce('doi', linked.doi, 'url');
    if (linked.pmid) setOnce('pmid', linked.pmid, 'url');
    if (linked.pmcid) setOnce('pmcid', linked.pmcid, 'url');
  }
}

function inferFromSpelling(record: BibRecord, fields: Record<string, RawValue>, mainAuthors: string[], report: Report): void {
  // Only non-MARC article imports (PubMed/PMC XSLT) lay `spelling` out in source order.
  if (record.type !== 'article' || (first(fields.record_format) ?? '').toLowerCase() === 'marc') return;
  const found = recoverFromSpelling(fields, mainAuthors);
  const mark = (field: string, value: string): void => {
    record.inferred.push({ field, from: 'spelling' });
    report('inferred.value', `${field} "${value}" was recovered from the spelling field`, field, value);
  };
  if (found.journalAbbreviation && !record.container.abbreviation) {
    record.container.abbreviation = found.journalAbbreviation;
    mark('container.abbreviation', found.journalAbbreviation);
  }
  if (found.license && !record.license) {
    record.license = found.license;
    mark('license', found.license);
  }
  if (found.copyright && !record.copyright) {
    record.copyright = found.copyright;
    mark('copyright', found.copyright);
  }
  const newTypes = found.publicationTypes.filter((type) => !record.publicationTypes.includes(type));
  if (newTypes.length > 0) {
    record.publicationTypes.push(...newTypes);
    mark('publicationTypes', newTypes.join('; '));
  }
  // A full date in spelling that agrees with the stored year refines it to month and day.
  const year = record.published.year;
  if (year !== undefined && record.published.month === undefined) {
    for (const iso of found.dates) {
      if (Number(iso.slice(0, 4)) !== year) continue;
      const date = checkedDate(year, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
      if (!date) continue;
      record.published = { ...record.published, ...date };
      mark('published', iso);
      break;
    }
  }
}
