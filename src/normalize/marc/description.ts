import type { MarcDataField, MarcRecord } from '../../model/marc.js';
import type { Link, MarcDetails, PublicationStatement, SeriesEntry } from '../../model/record.js';
import { chop, chopped, cleanValue, controlValue, dataFields, firstSubfield, joined, subfieldValues } from './fields.js';
import type { AlternateScripts } from './linkage.js';

type TitleParts = NonNullable<MarcDetails['titleParts']>;

/** 245: $a title, $b remainder, $n/$p part number and name, $c responsibility, ind2 non-filing characters. */
export function marcTitle(marc: MarcRecord, scripts: AlternateScripts): TitleParts | undefined {
  const field = dataFields(marc, '245')[0];
  if (!field) return undefined;
  const main = joined(field, 'a') || joined(field, 'k');
  if (main === '') return undefined;
  const parts: TitleParts = { main };
  const subtitle = joined(field, 'b');
  if (subtitle) parts.subtitle = subtitle;
  const numbers = chopped(field, 'n');
  if (numbers.length > 0) parts.partNumbers = numbers;
  const names = chopped(field, 'p');
  if (names.length > 0) parts.partNames = names;
  const responsibility = joined(field, 'c');
  if (responsibility) parts.responsibility = responsibility;
  const skip = Number(field.ind2);
  if (Number.isInteger(skip) && skip > 0) parts.nonSortingCharacters = skip;
  const alternate = scripts.of(field);
  if (alternate) {
    const text = [joined(alternate, 'a'), joined(alternate, 'b')].filter(Boolean).join(' : ');
    if (text) parts.alternateScript = text;
  }
  return parts;
}

/** The title as one string: "$a. $n, $p" (MARC to MODS reads part number and name into the title). */
export function titleText(parts: TitleParts): string {
  const tail = [...(parts.partNumbers ?? []), ...(parts.partNames ?? [])];
  return tail.length > 0 ? `${parts.main}. ${tail.join(', ')}` : parts.main;
}

/** 250 $a (and $b, the rest of the edition statement). */
export function marcEdition(marc: MarcRecord): string | undefined {
  const field = dataFields(marc, '250')[0];
  return field ? joined(field, 'ab') || undefined : undefined;
}

const FUNCTION_BY_IND2: Readonly<Record<string, PublicationStatement['function']>> = {
  0: 'production', 1: 'publication', 2: 'distribution', 3: 'manufacture', 4: 'copyright',
};

/** 260 and 264 statements in record order; places, names and dates without ISBD punctuation. */
export function marcPublication(marc: MarcRecord): PublicationStatement[] {
  const statements: PublicationStatement[] = [];
  for (const field of dataFields(marc, new Set(['260', '264']))) {
    const fn = field.tag === '260' ? 'publication' : FUNCTION_BY_IND2[field.ind2];
    if (!fn) continue;
    const statement: PublicationStatement = {
      function: fn, places: chopped(field, 'ae'), names: chopped(field, 'bf'), dates: chopped(field, 'cg'), tag: field.tag,
    };
    if (statement.places.length + statement.names.length + statement.dates.length > 0) statements.push(statement);
  }
  return statements;
}

/**
 * The statements that say who published: 260s, then 264s of function publication (a 264
 * copyright statement only when no 264 names a publication), as VuFind's getPublishers and
 * getDates read them.
 */
export function publishingStatements(statements: readonly PublicationStatement[]): PublicationStatement[] {
  const old = statements.filter((s) => s.tag === '260');
  const published = statements.filter((s) => s.tag === '264' && s.function === 'publication');
  const copyright = statements.filter((s) => s.tag === '264' && s.function === 'copyright');
  return [...old, ...(published.length > 0 ? published : copyright)];
}

/** 300: extent $a, other physical details $b, dimensions $c; the whole as catalogued. */
export function marcPhysical(marc: MarcRecord): Pick<MarcDetails, 'extent' | 'otherPhysicalDetails' | 'dimensions'> & { text?: string } {
  const field = dataFields(marc, '300')[0];
  if (!field) return {};
  const found: Pick<MarcDetails, 'extent' | 'otherPhysicalDetails' | 'dimensions'> & { text?: string } = {};
  const extent = joined(field, 'af');
  if (extent) found.extent = extent;
  const other = joined(field, 'b');
  if (other) found.otherPhysicalDetails = other;
  const dimensions = joined(field, 'c');
  if (dimensions) found.dimensions = dimensions;
  const text = joined(field, 'abcefg');
  if (text) found.text = text;
  return found;
}

const SERIES_STATEMENT_TAGS = new Set(['440', '490']);
const SERIES_ENTRY_TAGS = new Set(['800', '810', '811', '830']);

/**
 * Series: the added entries (800/810/811/830: the authorized form; name and title for
 * 800-811) and the statements (440, 490), each with its numbering ($v) and ISSN ($x).
 */
export function marcSeries(marc: MarcRecord): SeriesEntry[] {
  const entries: SeriesEntry[] = [];
  for (const field of dataFields(marc, new Set([...SERIES_ENTRY_TAGS, ...SERIES_STATEMENT_TAGS]))) {
    const title = seriesTitle(field);
    if (title === '') continue;
    const entry: SeriesEntry = { title, tag: field.tag };
    const number = chopped(field, 'v').join(', ');
    if (number) entry.number = number;
    const issn = firstSubfield(field, 'x');
    if (issn) entry.issn = chop(issn);
    entries.push(entry);
  }
  return entries;
}

function seriesTitle(field: MarcDataField): string {
  switch (field.tag) {
    case '490': return chopped(field, 'a').join(' ; ');
    case '440': case '830': return joined(field, 'anp');
    case '800': return joined(field, 'abcdqtfnpl');
    default: return joined(field, 'abcdnqtfpl');
  }
}

/** 008/35-37 then 041 $a and $d (text and sung/spoken text); blanks, fill and `zxx`-like codes as they are. */
export function marcLanguageCodes(marc: MarcRecord): string[] {
  const codes: string[] = [];
  const add = (code: string): void => {
    const clean = code.trim().toLowerCase();
    if (/^[a-z]{3}$/u.test(clean) && !codes.includes(clean)) codes.push(clean);
  };
  const fixed = controlValue(marc, '008');
  if (fixed && fixed.length >= 38) add(fixed.slice(35, 38));
  for (const field of dataFields(marc, '041')) {
    // Second indicator 7: the codes are another scheme's ($2), not MARC language codes.
    if (field.ind2 === '7') continue;
    for (const value of subfieldValues(field, 'ad')) {
      // Before 2001, 041 packed several codes in one subfield: "engfre". Anything else is not a code.
      if (!/^(?:[a-z]{3})+$/u.test(value)) continue;
      for (let at = 0; at + 3 <= value.length; at += 3) add(value.slice(at, at + 3));
    }
  }
  return codes;
}

const NOTE_SKIP = '0123568';

/** 5XX notes as text (control subfields aside), in record order. 520 is the abstract elsewhere. */
export function marcNotes(marc: MarcRecord): MarcDetails['notes'] {
  const notes: MarcDetails['notes'] = [];
  for (const field of marc.fields) {
    if (!('subfields' in field) || !field.tag.startsWith('5')) continue;
    const text = field.subfields.filter((s) => !NOTE_SKIP.includes(s.code)).map((s) => cleanValue(s.value)).filter(Boolean).join(' ');
    if (text) notes.push({ tag: field.tag, text });
  }
  return notes;
}

/** 520 $a $b: summary. */
export function marcAbstract(marc: MarcRecord): string | undefined {
  const texts = dataFields(marc, '520').filter((f) => f.ind1 !== '8').map((f) => subfieldValues(f, 'ab').join(' ')).filter(Boolean);
  return texts.length > 0 ? texts.join(' ') : undefined;
}

const RELATIONSHIP: Readonly<Record<string, Link['relationship']>> = { 0: 'resource', 1: 'version', 2: 'related', 8: 'other' };

/** 856 links: every $u, labelled by $y (link text), $3 (materials) and $z (public note). */
export function marcLinks(marc: MarcRecord): Link[] {
  const links: Link[] = [];
  for (const field of dataFields(marc, '856')) {
    const label = joined(field, 'y');
    const materials = joined(field, '3');
    const note = joined(field, 'z');
    const relationship = RELATIONSHIP[field.ind2];
    for (const url of subfieldValues(field, 'u')) {
      const link: Link = { url: url.trim() };
      if (label) link.label = label;
      if (materials) link.materials = materials;
      if (note) link.note = note;
      if (relationship) link.relationship = relationship;
      links.push(link);
    }
  }
  return links;
}

/** 773 host item entry: $t title (else $a main entry), $g related parts, $w the host's record id. */
export function marcHost(marc: MarcRecord): MarcDetails['host'] {
  const field = dataFields(marc, '773')[0];
  if (!field) return undefined;
  const host: NonNullable<MarcDetails['host']> = {};
  const title = joined(field, 't') || joined(field, 'a') || joined(field, 'p');
  if (title) host.title = title;
  const related = subfieldValues(field, 'g').join(' ');
  if (related) host.related = related;
  const control = firstSubfield(field, 'w');
  if (control) host.recordControlNumber = control.trim();
  return Object.keys(host).length > 0 ? host : undefined;
}

/** "Vol. 1, no. 1 (Apr. 2023), p. 12-34" -> volume, issue, pages (MARC 773 $g, free text). */
export function parseRelatedParts(text: string): { volume?: string; issue?: string; pages?: string; year?: number } {
  const found: { volume?: string; issue?: string; pages?: string; year?: number } = {};
  const volume = /\b(?:vol|v|bd|jahrg|jg|t)\.?\s*([\w-]+)/iu.exec(text);
  if (volume?.[1]) found.volume = volume[1];
  const issue = /\b(?:no|nr|n|iss|issue|h|heft)\.?\s*([\w/-]+)/iu.exec(text);
  if (issue?.[1]) found.issue = issue[1];
  const pages = /\b(?:pp?|s)\.?\s*(\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?)/iu.exec(text);
  if (pages?.[1]) found.pages = pages[1].replace(/\s+/gu, '');
  const year = /\((?:[^)]*?\b)?(\d{4})\)/u.exec(text);
  if (year?.[1]) found.year = Number(year[1]);
  return found;
}
