import type { Issue } from '../model/issue.js';
import type { RawRecord, RawValue } from '../model/raw-record.js';
import type { BibRecord, Contributor, Inference, Language, PersonName } from '../model/record.js';
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
import { isCollectiveName } from '../vocab/collective-names.js';
import { recordTypeOf } from './record-type.js';
import { recoverFromSpelling } from './spelling.js';
import { collapseWhitespace, normalizedId, SPACE_AND_PUNCTUATION, trimEndChars } from '../text.js';
import { applyMarc } from './marc/apply.js';

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
  const id = normalizedId(first(fields.id) ?? '');
  const report = (code: IssueCode, message: string, field?: string, actual?: unknown): void => {
    issues.push(makeIssue(code, { message, recordId: id || undefined, source: raw.source, field, actual }));
  };

  const formats = list(fields.format);
  const type = recordTypeOf(formats, first(fields.record_format));
  const marc = (first(fields.record_format) ?? '').toLowerCase() === 'marc';
  const mainAuthors = list(fields.author);
  const people = collectPeople(fields);

  const record: BibRecord = {
    id,
    type,
    authors: people.authors,
    corporateAuthors: people.corporate,
    languages: [],
    published: parsePublicationDate(list(fields.publishDate)),
    container: {},
    identifiers: { isbn: [], issn: [], oclc: unique(list(fields.oclc_num)) },
    urls: [],
    subjects: [],
    publicationTypes: [],
    formats,
    series: unique([...list(fields.series), ...list(fields.series2)].map((name) => tidy(name) ?? name)),
    inferred,
    source: { ...raw.source, format: raw.format },
  };
  if (people.contributors.length > 0) record.contributors = people.contributors;
  // Only worth keeping when a body stands before a person (PubMed lists consortia mid-list).
  if (people.positions.some((position, index) => position < people.authors.length + index)) record.corporateAuthorPositions = people.positions;
  addCatalogueFields(record, fields);

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
  const pages = first(fields.container_start_page);
  if (pages) {
    // VuFind's field is the start page; some exporters put the whole range in it.
    const range = PAGE_RANGE.exec(pages);
    record.container.pageStart = range ? (range[1] as string) : pages;
    if (range) record.container.pages = pages;
  }

  for (const name of list(fields.language)) {
    const language: Language = lookupLanguage(name) ?? { name };
    if (!record.languages.some((known) => known.name === language.name)) record.languages.push(language);
  }

  collectIdentifiers(record, fields, report);

  // The leading topics of a PubMed-harvest record (not MARC: there a genre such as
  // `Bibliography` is a form heading) are its publication types; a keyword after them that
  // happens to name a type (`practice guideline`) stays a subject.
  let leading = !marc;
  for (const subject of [...list(fields.topic), ...list(fields.genre), ...list(fields.geographic), ...list(fields.era)]) {
    const publicationType = leading ? canonicalPublicationType(subject) : undefined;
    if (publicationType) {
      if (!record.publicationTypes.includes(publicationType)) record.publicationTypes.push(publicationType);
    } else {
      leading = false;
      const tidied = tidy(subject) ?? subject;
      if (!record.subjects.includes(tidied)) record.subjects.push(tidied);
    }
  }

  inferFromSpelling(record, fields, mainAuthors, report);
  // The MARC record behind the indexed fields wins where it has a value (issue 21).
  if (raw.marc) applyMarc(record, raw.marc, report);
  return { record, issues };
}

/**
 * Collective names where `spelling` lists them among the persons (NLM lists a consortium
 * first when the article does): the index keeps them apart, the source order is in
 * `spelling`. Kept only when a body stands before a person, as `collectPeople` does.
 */
function placeCollectiveNames(record: BibRecord, found: ReadonlyMap<string, number> | undefined): void {
  if (found === undefined || record.corporateAuthors.length !== found.size) return;
  const byName = new Map([...found].map(([name, at]) => [tidy(name) ?? name, at]));
  const positions = record.corporateAuthors.map((name) => byName.get(name));
  if (positions.some((at) => at === undefined)) return;
  const placed = positions as number[];
  if (placed.some((at, index) => at < record.authors.length + index)) record.corporateAuthorPositions = placed;
  else delete record.corporateAuthorPositions;
}

const PAGE_RANGE = /^\s*(\S+?)\s*[-\u2010-\u2013]\s*(\S+)\s*$/u;
/** Relators that make a secondary author an author (MARC `aut`, `cre`, or no relator at all). */
const AUTHOR_ROLES: ReadonlySet<string> = new Set(['', 'aut', 'author', 'cre', 'creator', '-']);

interface People {
  authors: PersonName[];
  corporate: string[];
  /** Position of each corporate name among all authors, when a collective name stood among the persons. */
  positions: number[];
  contributors: Contributor[];
}

/**
 * Authors in order, every name kept (the same full name twice is two people: nothing is
 * collapsed); collective names to `corporate`, never to persons; secondary authors with a
 * role other than author (`author2_role` `edt`, `trl`...) to `contributors`. Role lists run
 * parallel to their author lists.
 */
function collectPeople(fields: Record<string, RawValue>): People {
  const people: People = { authors: [], corporate: [], positions: [], contributors: [] };
  const addCorporate = (name: string): void => {
    const tidied = tidy(name) ?? name;
    if (people.corporate.includes(tidied)) return;
    people.positions.push(people.authors.length + people.corporate.length);
    people.corporate.push(tidied);
  };
  const withRole = (person: PersonName, role: string): PersonName => (role ? { ...person, roles: [role] } : person);
  const mainRoles = rawList(fields.author_role);
  list(fields.author).forEach((name, index) => {
    if (isCollectiveName(name)) addCorporate(name);
    else people.authors.push(withRole(parsePersonName(name), (mainRoles[index] ?? '').trim()));
  });
  for (const name of list(fields.author_corporate)) addCorporate(name);
  const otherRoles = rawList(fields.author2_role);
  list(fields.author2).forEach((name, index) => {
    const role = (otherRoles[index] ?? '').trim();
    const collective = isCollectiveName(name);
    if (AUTHOR_ROLES.has(role.toLowerCase().replace(/[.]$/u, ''))) {
      if (collective) addCorporate(name);
      else people.authors.push(withRole(parsePersonName(name), role));
    } else {
      people.contributors.push(collective ? { organization: tidy(name) ?? name, role } : { person: parsePersonName(name), role });
    }
  });
  return people;
}

/** Role lists keep empty values: they hold positions. */
function rawList(value: RawValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Catalogue fields users want kept (issue 10, item 14): as catalogued, tidied of ISBD punctuation. */
function addCatalogueFields(record: BibRecord, fields: Record<string, RawValue>): void {
  const tidied = (name: string): string[] => unique(list(fields[name]).map((value) => tidy(value) ?? value));
  const alternativeTitles = tidied('title_alt');
  if (alternativeTitles.length > 0) record.alternativeTitles = alternativeTitles;
  const dateSpan = unique(list(fields.dateSpan));
  if (dateSpan.length > 0) record.dateSpan = dateSpan;
  const lcc = unique(list(fields['callnumber-raw']));
  const dewey = unique(list(fields['dewey-raw']));
  if (lcc.length > 0 || dewey.length > 0) record.callNumbers = { lcc, dewey };
  const holdings = { building: unique(list(fields.building)), institution: unique(list(fields.institution)), collection: unique(list(fields.collection)) };
  if (holdings.building.length + holdings.institution.length + holdings.collection.length > 0) record.holdings = holdings;
  const controlNumbers = unique(list(fields.ctrlnum));
  if (controlNumbers.length > 0) record.identifiers.controlNumbers = controlNumbers;
  // MARC 035 `(OCoLC)ocm30585539` is the OCLC number 30585539 when oclc_num lacks it.
  for (const number of controlNumbers) {
    const oclc = OCLC_CONTROL_NUMBER.exec(number)?.[1];
    if (oclc && !record.identifiers.oclc.includes(oclc)) record.identifiers.oclc.push(oclc);
  }
}

const OCLC_CONTROL_NUMBER = /^\(OCoLC\)\s*(?:ocm|ocn|on)?0*(\d{1,12})$/u;

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
    if (!parsed.ok || ids.isbn.includes(parsed.value)) continue;
    ids.isbn.push(parsed.value);
    (ids.isbnAsCatalogued ??= []).push(text);
  }
  const typed: [string, 'Print' | 'Electronic'][] = [
    ['issn', 'Print'], ['pissn_str', 'Print'], ['pissn_str_mv', 'Print'], ['eissn_str', 'Electronic'], ['eissn_str_mv', 'Electronic'],
  ];
  for (const [field, issnType] of typed) {
    for (const text of list(fields[field])) {
      const parsed = parseIssn(text);
      if (!parsed.ok) {
        // `issn` itself is checked by validation; the typed fields only here.
        if (field !== 'issn') report(parsed.code, parsed.message, field, text);
        continue;
      }
      if (!ids.issn.includes(parsed.value)) ids.issn.push(parsed.value);
      // Only a field that says which kind of ISSN it holds sets the type.
      if (field !== 'issn') (ids.issnTypes ??= {})[parsed.value] = issnType;
    }
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
      else report(parsed.code, `${parsed.message}; it is not written as an identifier`, field, text);
    }
  }
  for (const text of list(fields.url)) {
    const parsed = parseHttpUrl(text);
    if (!parsed.ok) continue;
    const linked = identifiersFromUrl(parsed.value);
    if (linked.refused) {
      // A resolver link to a malformed identifier is neither an identifier nor a working link.
      report(linked.refused.code, `${linked.refused.message} (in the link ${JSON.stringify(text)}); neither the identifier nor the link is written`, 'url', text);
      continue;
    }
    if (!record.urls.includes(parsed.value)) record.urls.push(parsed.value);
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
  } else if (found.trailingStatement && !record.copyright) {
    report('inferred.statement-not-taken', `The statement "${found.trailingStatement}" closes the spelling field where a copyright line stands, but names no copyright; it is not taken as the copyright line`, 'spelling', found.trailingStatement);
  }
  placeCollectiveNames(record, found.collectivePositions);
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
