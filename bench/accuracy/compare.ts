import type { BibRecord, PersonName } from '../../src/model/record.js';
import { lookupLanguage } from '../../src/vocab/languages.js';
import { medlinePublicationTypes } from '../../src/write/medline-xml.js';
import { invertedName } from '../../src/model/display.js';
import type { PersonTruth } from '../corpus/names.js';
import type { CorpusTruth } from '../corpus/records.js';

/**
 * How a normalized record is held against the truth. Every comparison is exact, with
 * three documented allowances: text is compared after Unicode NFC (a scrape may carry
 * either form), DOIs ignore case (they are case-insensitive by definition), and languages
 * are compared by ISO 639-2/B code where the name has one (`Norwegian (Bokmål)` and
 * `Norwegian Bokmål` are one language), else by name.
 */

export const FIELDS = ['authors', 'corporateAuthors', 'contributors', 'pmid', 'pmcid', 'doi', 'isbn', 'year', 'date', 'languages', 'formats', 'publicationTypes', 'journalAbbreviation', 'pages', 'copyright'] as const;
export type Field = (typeof FIELDS)[number];

const nfc = (text: string | undefined): string => (text ?? '').normalize('NFC');

function samePerson(model: PersonName, truth: PersonTruth): boolean {
  return nfc(model.family) === nfc(truth.family) && nfc(model.given) === nfc(truth.given) && nfc(model.suffix) === nfc(truth.suffix);
}

export function languageKey(name: string): string {
  return lookupLanguage(name)?.iso639_2b ?? name.normalize('NFC');
}

/** A short, readable form of a field's value, for failure samples. */
export function fieldValue(record: BibRecord | undefined, field: Field): unknown {
  if (record === undefined) return '(rejected)';
  switch (field) {
    case 'authors': return record.authors.map((person) => [person.family, person.given, person.suffix].filter((part) => part !== undefined).join(' | '));
    case 'pmid': return record.identifiers.pmid;
    case 'pmcid': return record.identifiers.pmcid;
    case 'doi': return record.identifiers.doi;
    case 'isbn': return record.identifiers.isbn;
    case 'year': return record.published.year;
    case 'languages': return record.languages.map((language) => language.name);
    case 'formats': return record.formats;
    case 'journalAbbreviation': return record.container.abbreviation;
    case 'corporateAuthors': return record.corporateAuthors;
    case 'contributors': return contributorsOf(record);
    case 'date': return record.published;
    case 'publicationTypes': return record.type === 'article' ? medlinePublicationTypes(record) : record.publicationTypes;
    case 'pages': return [record.container.pageStart, record.container.pages];
    case 'copyright': return record.copyright;
  }
}

function contributorsOf(record: BibRecord): string[] {
  return (record.contributors ?? []).map((contributor) => `${contributor.person ? invertedName(contributor.person) : contributor.organization ?? ''} (${contributor.role})`);
}

export function truthValue(truth: CorpusTruth, field: Field): unknown {
  switch (field) {
    case 'authors': return truth.authors.map((person) => [person.family, person.given, person.suffix].filter((part) => part !== undefined).join(' | '));
    case 'isbn': return truth.isbn;
    case 'languages': return truth.languages;
    case 'formats': return truth.formats;
    case 'journalAbbreviation': return truth.journalAbbreviation;
    case 'corporateAuthors': return truth.corporateAuthors;
    case 'contributors': return (truth.contributors ?? []).map((contributor) => `${contributor.name} (${contributor.role})`);
    case 'date': return truth.published;
    case 'publicationTypes': return truth.publicationTypes ?? [];
    case 'pages': return [truth.pageStart, truth.pages];
    case 'copyright': return truth.copyright;
    default: return truth[field];
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function fieldIsRight(record: BibRecord | undefined, truth: CorpusTruth, field: Field): boolean {
  if (record === undefined) return false;
  switch (field) {
    case 'authors':
      return record.authors.length === truth.authors.length && record.authors.every((person, index) => samePerson(person, truth.authors[index] as PersonTruth));
    case 'pmid': return record.identifiers.pmid === truth.pmid;
    case 'pmcid': return record.identifiers.pmcid === truth.pmcid;
    case 'doi': return (record.identifiers.doi ?? '').toLowerCase() === (truth.doi ?? '').toLowerCase();
    case 'isbn': return JSON.stringify(record.identifiers.isbn) === JSON.stringify(truth.isbn);
    case 'year': return record.published.year === truth.year;
    case 'languages': return JSON.stringify(record.languages.map((language) => language.iso639_2b ?? language.name.normalize('NFC'))) === JSON.stringify(truth.languages.map(languageKey));
    case 'formats': return JSON.stringify(record.formats) === JSON.stringify(truth.formats);
    case 'journalAbbreviation': return nfc(record.container.abbreviation) === nfc(truth.journalAbbreviation);
    case 'corporateAuthors': return same(record.corporateAuthors.map(nfc), truth.corporateAuthors.map(nfc));
    case 'contributors': return same(fieldValue(record, field), truthValue(truth, field));
    case 'date': {
      const want: { year?: number; month?: number; day?: number } = truth.published ?? (truth.year === undefined ? {} : { year: truth.year });
      return record.published.year === want.year && record.published.month === want.month && record.published.day === want.day;
    }
    case 'publicationTypes': return same(fieldValue(record, field), truthValue(truth, field));
    case 'pages': return same(fieldValue(record, field), truthValue(truth, field));
    case 'copyright': return nfc(record.copyright) === nfc(truth.copyright);
  }
}

/**
 * The normalized record without what may rightly differ between two inputs of one record:
 * where it came from, the values inferred from `spelling` (listed in `inferred`), and the
 * subject headings' boundaries (compared as flattened text).
 */
function comparable(record: BibRecord): Record<string, unknown> {
  const copy = structuredClone(record) as unknown as Record<string, unknown>;
  delete copy.source;
  const inferredPaths = record.inferred.map((inference) => inference.field);
  delete copy.inferred;
  // Several flattened subject headings cannot be split again (issue 10's decision): subjects
  // are compared as the flattened text a scrape holds.
  copy.subjects = record.subjects.join(' ');
  for (const path of inferredPaths) {
    const [head, tail] = path.split('.');
    if (head === undefined) continue;
    if (tail === undefined) delete copy[head];
    else delete (copy[head] as Record<string, unknown> | undefined)?.[tail];
  }
  return copy;
}

/** Model paths (top level, or `container.x`/`identifiers.x`) where two normalized records differ. */
export function differingPaths(left: BibRecord, right: BibRecord): string[] {
  return differingKeys(comparable(left), comparable(right));
}

/** Keys (and `key.sub` inside objects) where two plain records differ. */
export function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      const inner = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const sub of inner) {
        if (JSON.stringify((x as Record<string, unknown>)[sub]) !== JSON.stringify((y as Record<string, unknown>)[sub])) paths.push(`${key}.${sub}`);
      }
    } else {
      paths.push(key);
    }
  }
  return paths;
}
