import type { Issue } from '../model/issue.js';
import type { BibRecord, Contributor, PersonName, RecordType } from '../model/record.js';
import { doiUrl, pmcUrl, pubmedUrl } from '../identifiers/index.js';
import { fullTitle, isoDate, naturalName } from '../model/display.js';
import type { RecordWriter, WriterOptions, WriterSession } from './types.js';
import { authorsInOrder } from './author-order.js';
import { alternateScripts, type AlternateScripts } from './alternate-scripts.js';
import { isMarcRelatorCode, relatorCodeOfTerm, relatorTerm } from '../vocab/marc-relators.js';

/**
 * JSON-LD (schema.org). The file is a JSON array with one self-contained document per
 * record (each carries its own `@context`, so any one of them can be cut out and expanded
 * alone, and the array can be streamed). Every key is a schema.org term: the context's
 * `@vocab` would silently turn a misspelt key into a bogus IRI, so the conformance tests
 * check each expanded term against the schema.org vocabulary.
 *
 * Shapes: `@type` by record type; `@id` the DOI URL when there is one; the catalogue record
 * id as the first `identifier` of every document (`propertyID` `vufind`); `author` an ordered
 * `@list` of `Person`s and `Organization`s in source order (collective names are never persons); secondary
 * authors by role as `editor`/`translator`/`illustrator`, any other relator a `contributor` `Role` with its
 * `roleName`; a name's 880 original-script form as its `alternateName` (the title's among the work's
 * `alternateName`s, with the other titles); identifiers as `PropertyValue`s; series as `isPartOf` `BookSeries` (the work's `position`
 * in it from MARC $v); an article's
 * journal as `isPartOf` (`PublicationIssue` -> `PublicationVolume` -> `Periodical` when
 * issue/volume are known, schema.org's bibliographic pattern).
 */

export const JSONLD_CONTEXT = [
  'https://schema.org',
  // A plain JSON array is an unordered set in RDF: author order must be declared.
  { author: { '@id': 'schema:author', '@container': '@list' } },
] as const;

const SCHEMA_TYPES: Record<RecordType, string> = {
  article: 'ScholarlyArticle',
  book: 'Book',
  chapter: 'Chapter',
  journal: 'Periodical',
  thesis: 'Thesis',
  other: 'CreativeWork',
};

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | JsonObject | JsonValue[];

/** A single value stays a value, several become an array, none is left out (undefined). */
function oneOrMany(values: readonly JsonValue[]): JsonValue | undefined {
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : [...values];
}

/** MARC life dates `1668-1744`, `1950-`, `-1744`: years only; other forms (`fl. 1850`) are not dates of birth or death. */
const LIFE_DATES = /^(\d{3,4})?\s*-\s*(\d{3,4})?\.?$/u;

/** A name in its original script (MARC 880) is the Person's or Organization's `alternateName`. */
function person(name: PersonName, scripts: AlternateScripts): JsonObject {
  const node: JsonObject = { '@type': 'Person', name: naturalName(name) };
  const alternate = scripts.person(name);
  if (alternate !== undefined) node.alternateName = alternate;
  if (name.given) node.givenName = name.given;
  node.familyName = name.family;
  if (name.suffix) node.honorificSuffix = name.suffix;
  const life = name.dates === undefined ? null : LIFE_DATES.exec(name.dates);
  if (life?.[1]) node.birthDate = life[1];
  if (life?.[2]) node.deathDate = life[2];
  return node;
}

/** MARC relator code or term -> the schema.org property that says the role. */
const ROLE_PROPERTIES: Readonly<Record<string, string>> = {
  edt: 'editor', editor: 'editor', 'ed.': 'editor', 'eds.': 'editor',
  trl: 'translator', translator: 'translator', 'tr.': 'translator',
  ill: 'illustrator', illustrator: 'illustrator',
  ctb: 'contributor', contributor: 'contributor',
};

/**
 * Secondary authors grouped by the property their role maps to: `editor`, `translator`,
 * `illustrator`; any other role is a `contributor` given as a schema.org `Role` whose
 * `roleName` names the relator ("Producer", the LoC term of `pro`), as schema.org's Role
 * pattern nests the person inside the property it qualifies.
 */
function organization(name: string, scripts: AlternateScripts): JsonObject {
  const node: JsonObject = { '@type': 'Organization', name };
  const alternate = scripts.organization(name);
  if (alternate !== undefined) node.alternateName = alternate;
  return node;
}

function contributorProperties(contributors: readonly Contributor[], scripts: AlternateScripts): Map<string, JsonObject[]> {
  const byProperty = new Map<string, JsonObject[]>();
  for (const contributor of contributors) {
    const role = contributor.role.trim();
    const lower = role.toLowerCase();
    const code = isMarcRelatorCode(lower) ? lower : relatorCodeOfTerm(role);
    const property = ROLE_PROPERTIES[lower] ?? (code === undefined ? undefined : ROLE_PROPERTIES[code]);
    const agent: JsonObject = contributor.person ? person(contributor.person, scripts) : organization(contributor.organization ?? '', scripts);
    const roleName = (code === undefined ? undefined : relatorTerm(code)) ?? role;
    const node: JsonObject = property !== undefined || roleName === '' ? agent : { '@type': 'Role', roleName, contributor: agent };
    const key = property ?? 'contributor';
    const list = byProperty.get(key) ?? [];
    list.push(node);
    byProperty.set(key, list);
  }
  return byProperty;
}

function propertyValue(propertyID: string, label: string, value: string, url?: string): JsonObject {
  const node: JsonObject = { '@type': 'PropertyValue', propertyID, name: label, value };
  if (url) node.url = url;
  return node;
}

function identifiers(record: BibRecord): JsonObject[] {
  const ids = record.identifiers;
  // The way back to the source record, on every document (a DOI is not on every record).
  const list: JsonObject[] = [propertyValue('vufind', 'Record id', record.id)];
  if (ids.pmid) list.push(propertyValue('pubmed', 'PMID', ids.pmid, pubmedUrl(ids.pmid)));
  if (ids.pmcid) list.push(propertyValue('pmc', 'PMCID', ids.pmcid, pmcUrl(ids.pmcid)));
  if (ids.doi) list.push(propertyValue('doi', 'DOI', ids.doi, doiUrl(ids.doi)));
  for (const isbn of ids.isbn) list.push(propertyValue('isbn', 'ISBN', isbn));
  // An article's ISSN identifies its journal, not the article: it goes to isPartOf.
  if (record.type !== 'article') for (const issn of ids.issn) list.push(propertyValue('issn', 'ISSN', issn));
  for (const oclc of ids.oclc) list.push(propertyValue('oclc', 'OCLC', oclc));
  if (ids.lccn) list.push(propertyValue('lccn', 'LCCN', ids.lccn));
  for (const number of ids.controlNumbers ?? []) list.push(propertyValue('ctrlnum', 'Control number', number));
  for (const number of record.callNumbers?.lcc ?? []) list.push(propertyValue('lcc', 'LC call number', number));
  for (const number of record.callNumbers?.dewey ?? []) list.push(propertyValue('ddc', 'Dewey number', number));
  return list;
}

function languages(record: BibRecord): JsonValue | undefined {
  return oneOrMany(
    record.languages.map((language): JsonValue => language.bcp47 ?? { '@type': 'Language', name: language.name }),
  );
}

function periodical(record: BibRecord): JsonObject | undefined {
  const { container } = record;
  const issn = record.identifiers.issn;
  if (!container.title && !container.abbreviation && issn.length === 0) return undefined;
  const node: JsonObject = { '@type': 'Periodical' };
  if (container.title) node.name = container.title;
  if (container.abbreviation) node.alternateName = container.abbreviation;
  const issnValue = oneOrMany(issn);
  if (issnValue !== undefined) node.issn = issnValue;
  return node;
}

/** The article's place: issue within volume within periodical, as far as the record knows. */
function articleContainer(record: BibRecord): JsonObject | undefined {
  let parent = periodical(record);
  const { volume, issue } = record.container;
  if (volume) {
    const node: JsonObject = { '@type': 'PublicationVolume', volumeNumber: volume };
    if (parent) node.isPartOf = parent;
    parent = node;
  }
  if (issue) {
    const node: JsonObject = { '@type': 'PublicationIssue', issueNumber: issue };
    if (parent) node.isPartOf = parent;
    parent = node;
  }
  return parent;
}

function container(record: BibRecord): JsonValue | undefined {
  const parts: JsonObject[] = [];
  if (record.type === 'chapter' && record.container.title) {
    parts.push({ '@type': 'Book', name: record.container.title });
  } else if (record.type === 'article' || record.type === 'other') {
    const place = articleContainer(record);
    if (place) parts.push(place);
  }
  const entries = record.marc?.seriesEntries ?? [];
  for (const series of record.series) {
    const node: JsonObject = { '@type': record.type === 'book' ? 'BookSeries' : 'CreativeWorkSeries', name: series };
    const issn = entries.find((entry) => entry.title === series && entry.issn !== undefined)?.issn;
    if (issn) node.issn = issn;
    parts.push(node);
  }
  for (const collection of record.holdings?.collection ?? []) parts.push({ '@type': 'Collection', name: collection });
  return oneOrMany(parts);
}

/** The schema.org document for one record (without `@context`: see `jsonLdDocument`). */
function describe(record: BibRecord): JsonObject {
  const ids = record.identifiers;
  const node: JsonObject = { '@type': SCHEMA_TYPES[record.type] };
  if (ids.doi) node['@id'] = doiUrl(ids.doi);
  const title = fullTitle(record.title, record.subtitle);
  if (title) {
    node.name = title;
    node.headline = title;
  }
  if (record.subtitle) node.alternativeHeadline = record.subtitle;
  const alternateName = oneOrMany(record.alternativeTitles ?? []);
  if (alternateName !== undefined) node.alternateName = alternateName;
  const url = ids.doi ? doiUrl(ids.doi) : record.urls.find(isAbsoluteUrl);
  if (url) node.url = url;
  const identifierList = identifiers(record);
  if (identifierList.length > 0) node.identifier = identifierList;
  const sameAs = [...(ids.pmid ? [pubmedUrl(ids.pmid)] : []), ...(ids.pmcid ? [pmcUrl(ids.pmcid)] : [])];
  if (sameAs.length > 0) node.sameAs = sameAs;
  const scripts = alternateScripts(record);
  const authors: JsonObject[] = authorsInOrder(record).map((entry): JsonObject =>
    'person' in entry ? person(entry.person, scripts) : organization(entry.organization, scripts));
  if (authors.length > 0) node.author = authors;
  for (const [property, people] of contributorProperties(record.contributors ?? [], scripts)) node[property] = oneOrMany(people) as JsonValue;
  const date = isoDate(record.published);
  if (date) node.datePublished = date;
  const inLanguage = languages(record);
  if (inLanguage !== undefined) node.inLanguage = inLanguage;
  const genreForms = (record.marc?.subjectHeadings ?? []).filter((heading) => heading.kind === 'genre').map((heading) => heading.heading);
  const genre = oneOrMany([...record.publicationTypes, ...genreForms.filter((form) => !record.publicationTypes.includes(form))]);
  if (genre !== undefined) node.genre = genre;
  // The context reads `license` as an IRI: a text licence would become a relative IRI.
  if (record.license && isAbsoluteUrl(record.license)) node.license = record.license;
  if (record.copyright) node.copyrightNotice = record.copyright;
  if (record.publisher) {
    const publisher: JsonObject = { '@type': 'Organization', name: record.publisher };
    if (record.placeOfPublication) publisher.location = record.placeOfPublication;
    node.publisher = publisher;
  }
  if (record.edition && record.type === 'book') node.bookEdition = record.edition;
  if (record.type === 'book' || record.type === 'chapter') {
    const isbn = oneOrMany(ids.isbn);
    if (isbn !== undefined) node.isbn = isbn;
  }
  if (record.type === 'journal') {
    const issn = oneOrMany(ids.issn);
    if (issn !== undefined) node.issn = issn;
  }
  // `pagination` is the page range; a start page alone is only `pageStart`.
  if (record.type !== 'book') {
    if (record.container.pageStart) node.pageStart = record.container.pageStart;
    if (record.container.pages) node.pagination = record.container.pages;
  }
  if (record.physicalDescription) node.materialExtent = record.physicalDescription;
  if (record.type === 'journal') {
    // A serial's span (`1922-1975`): Periodical is a CreativeWorkSeries, which has start and end dates.
    const span = /^(\d{4})\s*-\s*(\d{4})?$/u.exec(record.dateSpan?.[0] ?? '');
    if (span?.[1]) node.startDate = span[1];
    if (span?.[2]) node.endDate = span[2];
  }
  const holder = holdingArchive(record);
  if (holder) node.holdingArchive = holder;
  const partOf = container(record);
  if (partOf !== undefined) node.isPartOf = partOf;
  const keywords = oneOrMany(record.subjects);
  if (keywords !== undefined) node.keywords = keywords;
  // The work's place in its (first numbered) series: MARC 490/8XX $v.
  const numbered = record.marc?.seriesEntries.find((entry) => entry.number !== undefined);
  if (numbered?.number) node.position = numbered.number;
  if (record.abstract) node.abstract = record.abstract;
  return node;
}

/** The institution (and building) holding the item, as the catalogue names them. */
function holdingArchive(record: BibRecord): JsonObject | undefined {
  const holdings = record.holdings;
  const name = holdings?.institution[0];
  const building = holdings?.building[0];
  if (!name && !building) return undefined;
  const node: JsonObject = { '@type': 'ArchiveOrganization' };
  if (name) node.name = name;
  if (building) node.location = building;
  return node;
}

/** One self-contained JSON-LD document for a record. */
export function jsonLdDocument(record: BibRecord): JsonObject {
  return { '@context': JSONLD_CONTEXT as unknown as JsonValue[], ...describe(record) };
}

function isAbsoluteUrl(value: string): boolean {
  return URL.canParse(value);
}

const INDENT = '  ';

/** The `@context` entry as `JSON.stringify(document, null, 2)` writes it, serialized once. */
const CONTEXT_ENTRY = `"@context": ${JSON.stringify(JSONLD_CONTEXT, null, 2).replaceAll('\n', `\n${INDENT}`)},\n${INDENT}`;

/** `JSON.stringify(jsonLdDocument(record), null, 2)`, without serializing the context each time. */
function documentText(record: BibRecord): string {
  const body = JSON.stringify(describe(record), null, 2);
  // The body starts `{\n  "@type"`: the context goes first, as in jsonLdDocument.
  return `{\n${INDENT}${CONTEXT_ENTRY}${body.slice(2 + INDENT.length)}`;
}

export const jsonLdWriter: RecordWriter = {
  name: 'jsonld',
  requiresRecords: true,
  description: 'JSON-LD (schema.org): a JSON array of self-contained documents, author order kept as @list',
  fileName: 'records.jsonld',
  mediaType: 'application/ld+json',
  accepts(_record: BibRecord): Issue | undefined {
    return undefined;
  },
  recordSeparator: ',',
  open(_options: WriterOptions): WriterSession {
    let written = 0;
    // Every record starts on a new line and the array closes on its own line, so an empty
    // array is `[\n]\n` and only the separator depends on what came before.
    return {
      start: () => '[',
      write: (record) => {
        const body = documentText(record).replaceAll('\n', `\n${INDENT}`);
        const separator = written === 0 ? '' : ',';
        written += 1;
        return `${separator}\n${INDENT}${body}`;
      },
      end: () => '\n]\n',
    };
  },
};
