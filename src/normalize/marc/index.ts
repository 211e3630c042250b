import type { MarcRecord } from '../../model/marc.js';
import type { BibRecord, Language, MarcDetails, RecordType } from '../../model/record.js';
import { lookupLanguage } from '../../vocab/languages.js';
import { cleanValue, controlValue, dataFields, joined } from './fields.js';
import { AlternateScripts } from './linkage.js';
import { marcAgents, peopleOf } from './names.js';
import { marcSubjects } from './subjects.js';
import {
  marcAbstract, marcEdition, marcHost, marcLanguageCodes, marcLinks, marcNotes, marcPhysical, marcPublication,
  marcSeries, marcTitle, parseRelatedParts, publishingStatements, titleText,
} from './description.js';
import { marcIdentifiers, type MarcIdentifiers } from './identifiers.js';
import { marcPublicationDate } from './dates.js';
import { vufindFormats } from './formats.js';
import { recordTypeOf } from '../record-type.js';

/**
 * Everything the MARC crosswalk reads from one record, before it meets the indexed fields:
 * the model's flat values (title, authors, subjects...) and the structure behind them.
 */
export interface MarcCrosswalk {
  details: MarcDetails;
  title?: string;
  subtitle?: string;
  alternativeTitles: string[];
  people: ReturnType<typeof peopleOf>;
  languages: Language[];
  published: BibRecord['published'];
  publisher?: string;
  placeOfPublication?: string;
  edition?: string;
  physicalDescription?: string;
  series: string[];
  subjects: string[];
  identifiers: MarcIdentifiers;
  abstract?: string;
  container: BibRecord['container'];
  hostIssns: string[];
  /** VuFind's format facet values as its SolrMarc import derives them (formats.ts). */
  formats: string[];
  type: RecordType;
  controlNumber?: string;
}

const ALTERNATIVE_TITLE_TAGS = new Set(['130', '240', '246', '730', '740']);

/** MARC -> the model's values (MARC to MODS, and VuFind's marc.properties for what it indexes). */
export function crosswalkMarc(marc: MarcRecord): MarcCrosswalk {
  const scripts = new AlternateScripts(marc);
  const titleParts = marcTitle(marc, scripts);
  const agents = marcAgents(marc, scripts);
  const headings = marcSubjects(marc, scripts);
  const seriesEntries = marcSeries(marc);
  const publication = marcPublication(marc);
  const physical = marcPhysical(marc);
  const host = marcHost(marc);
  const details: MarcDetails = {
    agents, subjectHeadings: headings, seriesEntries, publication, notes: marcNotes(marc), links: marcLinks(marc), leader: marc.leader,
  };
  if (titleParts) details.titleParts = titleParts;
  if (physical.extent) details.extent = physical.extent;
  if (physical.otherPhysicalDetails) details.otherPhysicalDetails = physical.otherPhysicalDetails;
  if (physical.dimensions) details.dimensions = physical.dimensions;
  if (host) details.host = host;

  const publishing = publishingStatements(publication);
  const formats = vufindFormats(marc);
  const found: MarcCrosswalk = {
    details,
    alternativeTitles: alternativeTitles(marc, titleParts?.alternateScript),
    people: peopleOf(agents),
    languages: marcLanguageCodes(marc).map((code): Language => lookupLanguage(code) ?? { name: code }),
    published: marcPublicationDate(publishing.flatMap((s) => s.dates), controlValue(marc, '008')),
    series: seriesTitles(seriesEntries),
    subjects: headings.map((h) => h.heading),
    identifiers: marcIdentifiers(marc),
    container: {},
    hostIssns: dataFields(marc, '773').flatMap((f) => f.subfields.filter((s) => s.code === 'x').map((s) => cleanValue(s.value))),
    formats,
    type: typeOf(marc, formats),
  };
  if (titleParts) {
    found.title = titleText(titleParts);
    if (titleParts.subtitle) found.subtitle = titleParts.subtitle;
  }
  // One statement's names (or places) are one publisher as VuFind indexes it: "Publisher 1 ; Publisher 2".
  const publisher = publishing.find((s) => s.names.length > 0)?.names.join(' ; ');
  if (publisher) found.publisher = publisher;
  const place = publishing.find((s) => s.places.length > 0)?.places.join(' ; ');
  if (place) found.placeOfPublication = place;
  const edition = marcEdition(marc);
  if (edition) found.edition = edition;
  if (physical.text) found.physicalDescription = physical.text;
  const abstract = marcAbstract(marc);
  if (abstract) found.abstract = abstract;
  if (host) found.container = containerOf(host);
  const controlNumber = controlValue(marc, '001')?.trim();
  if (controlNumber) found.controlNumber = controlNumber;
  return found;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function alternativeTitles(marc: MarcRecord, titleInScript: string | undefined): string[] {
  const titles = dataFields(marc, ALTERNATIVE_TITLE_TAGS)
    .filter((field) => !field.tag.startsWith('7') || field.ind2 !== '2' || field.tag === '740' || field.tag === '730')
    .map((field) => joined(field, field.tag === '246' ? 'abnp' : 'adfgklnpst'))
    .filter(Boolean);
  if (titleInScript) titles.unshift(titleInScript);
  return unique(titles);
}

/** Series titles: the authorized added entries (8XX, 440) first, then the 490 statements, as VuFind's series and series2. */
function seriesTitles(entries: MarcDetails['seriesEntries']): string[] {
  const authorized = entries.filter((e) => e.tag !== '490').map((e) => e.title);
  const statements = entries.filter((e) => e.tag === '490').map((e) => e.title);
  return unique([...authorized, ...statements]);
}

function containerOf(host: NonNullable<MarcDetails['host']>): BibRecord['container'] {
  const container: BibRecord['container'] = {};
  if (host.title) container.title = host.title;
  const parts = host.related ? parseRelatedParts(host.related) : {};
  if (parts.volume) container.volume = parts.volume;
  if (parts.issue) container.issue = parts.issue;
  if (parts.pages) {
    const range = /^(\S+?)-(\S+)$/u.exec(parts.pages);
    container.pageStart = range ? (range[1] as string) : parts.pages;
    if (range) container.pages = parts.pages;
  }
  return container;
}

/**
 * The record type the writers use: from the derived formats as for any Solr record
 * (`Book Chapter`, `Article`, `Thesis`, `Book`, `eBook`, `Journal`, `Serial`, `Newspaper`);
 * where they name none of those (a serial conference, a collection), from the leader.
 */
function typeOf(marc: MarcRecord, formats: readonly string[]): RecordType {
  const byFormat = recordTypeOf(formats, 'marc');
  return byFormat !== 'other' ? byFormat : typeFromLeader(marc) ?? 'other';
}

/**
 * The record type from the leader: bibliographic level 07 `b` (serial component part) is an
 * article, `a` (monographic component part) a chapter, `s` a journal; language material (06
 * `a`/`t`) at level `m` a book, a thesis when a 502 dissertation note says so.
 */
function typeFromLeader(marc: MarcRecord): RecordType | undefined {
  const typeOfRecord = marc.leader.charAt(6);
  const level = marc.leader.charAt(7);
  if (level === 'b') return 'article';
  if (level === 'a') return 'chapter';
  if (level === 's' || level === 'i') return 'journal';
  if ((typeOfRecord === 'a' || typeOfRecord === 't') && (level === 'm' || level === 'c' || level === 'd')) {
    return dataFields(marc, '502').length > 0 ? 'thesis' : 'book';
  }
  return undefined;
}
