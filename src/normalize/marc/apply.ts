import type { MarcRecord } from '../../model/marc.js';
import type { BibRecord } from '../../model/record.js';
import type { IssueCode } from '../../model/rules.js';
import { identifiersFromUrl, parseHttpUrl, parseIssn } from '../../identifiers/index.js';
import { invertedName } from '../../model/display.js';
import { comparable } from './fields.js';
import { crosswalkMarc, type MarcCrosswalk } from './index.js';

export type Report = (code: IssueCode, message: string, field?: string, actual?: unknown) => void;

/**
 * Fills the record from its MARC record: where the MARC has a value it wins over the
 * indexed Solr fields (VuFind builds its record page from the MARC too), and where the two
 * disagree a `marc.indexed-field-differs` finding names both. Where the MARC has nothing
 * (a site's own index fields), the indexed value stays.
 */
export function applyMarc(record: BibRecord, marc: MarcRecord, report: Report): void {
  const found = crosswalkMarc(marc);
  const differs = (field: string, indexed: string, fromMarc: string): void => {
    report('marc.indexed-field-differs', `The indexed ${field} ${JSON.stringify(indexed)} differs from the MARC record's ${JSON.stringify(fromMarc)}; the MARC value is written`, field, { indexed, marc: fromMarc });
  };
  if (record.id === '' && found.controlNumber) record.id = found.controlNumber;
  applyFormats(record, found, differs);
  record.marc = found.details;
  applyTitle(record, found, differs);
  applyPeople(record, found, differs);
  applyDescription(record, found, differs);
  applyIdentifiers(record, found, differs);
  applySubjectsAndLinks(record, found);
}

type Differs = (field: string, indexed: string, fromMarc: string) => void;

/**
 * Formats as VuFind's import derives them from the MARC, and the record type from them: the
 * same record read from its fullrecord, its Staff View or its .mrc gets the same type. An
 * indexed `format` that names other values (a site's own format rules, an older VuFind) is
 * reported and replaced.
 */
function applyFormats(record: BibRecord, found: MarcCrosswalk, differs: Differs): void {
  const key = (formats: readonly string[]): string => formats.map(comparable).sort().join('|');
  if (record.formats.length > 0 && key(record.formats) !== key(found.formats)) differs('formats', record.formats.join(', '), found.formats.join(', '));
  record.formats = found.formats;
  record.type = found.type;
}

function replaceText(record: BibRecord, key: 'title' | 'publisher' | 'edition' | 'placeOfPublication' | 'physicalDescription' | 'abstract', value: string | undefined, differs: Differs): void {
  if (value === undefined) return;
  const indexed = record[key];
  if (indexed !== undefined && comparable(indexed) !== comparable(value)) differs(key, indexed, value);
  record[key] = value;
}

function applyTitle(record: BibRecord, found: MarcCrosswalk, differs: Differs): void {
  if (found.title === undefined) return;
  // VuFind indexes 245 $a $b as the title (and $a alone as title_short): compared without punctuation.
  const indexed = record.title;
  const forms = [found.details.titleParts?.main, `${found.details.titleParts?.main ?? ''} ${found.subtitle ?? ''}`, `${found.title} ${found.subtitle ?? ''}`]
    .map((form) => comparable(form ?? ''));
  if (indexed !== undefined && !forms.includes(comparable(indexed))) differs('title', indexed, [found.title, found.subtitle].filter(Boolean).join(' : '));
  record.title = found.title;
  if (found.subtitle) record.subtitle = found.subtitle;
  else delete record.subtitle;
  if (found.alternativeTitles.length > 0) record.alternativeTitles = found.alternativeTitles;
}

function personKeys(record: BibRecord): string[] {
  const persons = [...record.authors, ...(record.contributors ?? []).flatMap((c) => (c.person ? [c.person] : []))];
  return [...new Set(persons.map((person) => comparable(invertedName(person))))].sort();
}

function applyPeople(record: BibRecord, found: MarcCrosswalk, differs: Differs): void {
  const { people } = found;
  if (people.authors.length + people.corporate.length + people.contributors.length === 0) return;
  const before = personKeys(record);
  record.authors = people.authors;
  record.corporateAuthors = people.corporate;
  if (people.positions.some((position, index) => position < people.authors.length + index)) record.corporateAuthorPositions = people.positions;
  else delete record.corporateAuthorPositions;
  if (people.contributors.length > 0) record.contributors = people.contributors;
  else delete record.contributors;
  const after = personKeys(record);
  if (before.length > 0 && before.join('|') !== after.join('|')) differs('authors', before.join('; '), after.join('; '));
}

function applyDescription(record: BibRecord, found: MarcCrosswalk, differs: Differs): void {
  replaceText(record, 'publisher', found.publisher, differs);
  replaceText(record, 'placeOfPublication', found.placeOfPublication, differs);
  replaceText(record, 'edition', found.edition, differs);
  replaceText(record, 'physicalDescription', found.physicalDescription, differs);
  replaceText(record, 'abstract', found.abstract, differs);
  if (found.published.year !== undefined || found.published.text !== undefined) {
    const indexedYear = record.published.year;
    if (indexedYear !== undefined && found.published.year !== undefined && indexedYear !== found.published.year) {
      differs('published.year', String(indexedYear), String(found.published.year));
    }
    record.published = found.published;
  }
  if (found.languages.length > 0) {
    const codes = (languages: BibRecord['languages']): string => languages.map((l) => l.iso639_2b ?? l.name).sort().join(', ');
    if (record.languages.length > 0 && codes(record.languages) !== codes(found.languages)) differs('languages', codes(record.languages), codes(found.languages));
    record.languages = found.languages;
  }
  if (found.series.length > 0) record.series = found.series;
  const container = found.container;
  if (Object.keys(container).length > 0) record.container = { ...record.container, ...container };
}

function applyIdentifiers(record: BibRecord, found: MarcCrosswalk, differs: Differs): void {
  const ids = record.identifiers;
  const marcIds = found.identifiers;
  if (marcIds.isbn.length > 0) {
    const isbns = marcIds.isbn.map((entry) => entry.isbn);
    if (ids.isbn.length > 0 && [...ids.isbn].sort().join() !== [...isbns].sort().join()) differs('identifiers.isbn', ids.isbn.join(', '), isbns.join(', '));
    ids.isbn = isbns;
    ids.isbnAsCatalogued = marcIds.isbn.map((entry) => entry.asCatalogued);
    if (marcIds.isbn.some((entry) => entry.qualifiers.length > 0)) {
      ids.isbnQualified = marcIds.isbn.map((entry) => ({ isbn: entry.isbn, qualifiers: entry.qualifiers }));
    }
  }
  if (marcIds.invalidIsbns.length > 0) ids.invalidIsbns = marcIds.invalidIsbns;
  if (marcIds.invalidIssns.length > 0) ids.invalidIssns = marcIds.invalidIssns;
  // An article's ISSN is its journal's (773 $x); series ISSNs (490 $x) belong to the series.
  const hostIssns = record.type === 'article' ? found.hostIssns.flatMap((text) => { const parsed = parseIssn(text); return parsed.ok ? [parsed.value] : []; }) : [];
  const issns = [...new Set([...marcIds.issn, ...hostIssns])];
  if (issns.length > 0) ids.issn = issns;
  if (marcIds.lccn) {
    if (ids.lccn !== undefined && comparable(ids.lccn) !== comparable(marcIds.lccn)) differs('identifiers.lccn', ids.lccn, marcIds.lccn);
    ids.lccn = marcIds.lccn;
  }
  if (marcIds.doi) ids.doi = marcIds.doi;
  if (marcIds.other.length > 0) ids.other = marcIds.other;
  if (marcIds.controlNumbers.length > 0) ids.controlNumbers = marcIds.controlNumbers;
  // The MARC's OCLC numbers are the record's, as VuFind indexes them: the same from every input.
  const sorted = (numbers: readonly string[]): string => [...numbers].sort().join(', ');
  if (ids.oclc.length > 0 && sorted(ids.oclc) !== sorted(marcIds.oclc)) differs('identifiers.oclc', ids.oclc.join(', '), marcIds.oclc.join(', '));
  ids.oclc = marcIds.oclc;
}

function applySubjectsAndLinks(record: BibRecord, found: MarcCrosswalk): void {
  if (found.subjects.length > 0) record.subjects = found.subjects;
  const urls: string[] = [];
  for (const link of found.details.links) {
    const parsed = parseHttpUrl(link.url);
    if (!parsed.ok) continue;
    if (!urls.includes(parsed.value)) urls.push(parsed.value);
    const linked = identifiersFromUrl(parsed.value);
    if (linked.doi && record.identifiers.doi === undefined) record.identifiers.doi = linked.doi;
  }
  if (urls.length > 0) record.urls = urls;
}
