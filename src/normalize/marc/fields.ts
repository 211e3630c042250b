import type { MarcDataField, MarcRecord } from '../../model/marc.js';
import { isControlField } from '../../model/marc-field-kind.js';
import { collapseWhitespace } from '../../text.js';

/** Reading helpers over a MarcRecord: fields by tag, subfield values, ISBD punctuation removed. */

export function dataFields(marc: MarcRecord, tags: ReadonlySet<string> | string): MarcDataField[] {
  const wanted = typeof tags === 'string' ? new Set([tags]) : tags;
  const found: MarcDataField[] = [];
  for (const field of marc.fields) if (!isControlField(field) && wanted.has(field.tag)) found.push(field);
  return found;
}

export function controlValue(marc: MarcRecord, tag: string): string | undefined {
  for (const field of marc.fields) if (isControlField(field) && field.tag === tag) return field.value;
  return undefined;
}

/**
 * Control characters other than white space (an unconverted MARC-8 escape): XML outputs and a
 * Staff View page cannot hold them, so no output does (validation reports them).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

/**
 * A subfield value as every input gives it back: control characters removed, runs of white
 * space one space (a Staff View scrape shows no more), trimmed.
 */
export function cleanValue(text: string): string {
  return collapseWhitespace(text.replace(CONTROL_CHARACTERS, ''));
}

/** Values of the subfields whose code is in `codes`, in field order, cleaned (cleanValue), blanks left out. */
export function subfieldValues(field: MarcDataField, codes: string): string[] {
  const values: string[] = [];
  for (const subfield of field.subfields) {
    if (!codes.includes(subfield.code)) continue;
    const value = cleanValue(subfield.value);
    if (value !== '') values.push(value);
  }
  return values;
}

export function firstSubfield(field: MarcDataField, codes: string): string | undefined {
  return subfieldValues(field, codes)[0];
}

/**
 * Abbreviations whose period belongs to the word (MARC to MODS keeps them; VuFind's
 * PunctuationUntrimmedAbbreviations): a closing period after them is not ISBD punctuation.
 */
const ABBREVIATIONS = new Set([
  'p', 'pp', 'v', 'vol', 'vols', 'no', 'nos', 'pt', 'pts', 'ed', 'eds', 'ill', 'illus', 'col', 'ca', 'etc', 'al',
  'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st', 'co', 'inc', 'ltd', 'bd', 'hrsg', 'aufl', 'verb', 'rev', 'enl', 'corr',
  'b', 'd', 'fl', 'approx', 'min', 'sec', 'diss', 'univ', 'dept', 'h', 'jh', 'jahrh', 'ser', 'suppl', 'facsims', 'ports', 'maps',
  'publ', 'pub', 'verl', 'assoc', 'bros', 'corp', 'soc', 'natl', 'acad', 'print', 'dist', 'intl', 'inst', 'govt', 'off', 'comp',
]);

const TRAILING_ISBD = ' \t\r\n/:;,=';

function lastWord(text: string): string {
  const start = Math.max(text.lastIndexOf(' '), text.lastIndexOf('('), text.lastIndexOf('[')) + 1;
  return text.slice(start);
}

/** True when the final period of `text` ends an initial ("H.") or a known abbreviation ("p.", "ed."). */
function periodBelongsToWord(text: string): boolean {
  const word = lastWord(text).slice(0, -1);
  const letters = word.replace(/[^\p{L}.]/gu, '');
  if (letters.length === 0) return false;
  // "J.", "H.-P.", "U.S.": single letters between periods.
  if (letters.split('.').every((part) => part.length <= 1)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * A subfield value without the ISBD punctuation that joins it to the next one: trailing
 * " /", " :", " ;", " =", "," and a closing period that is not part of an abbreviation or
 * an initial (MARC to MODS `chopPunctuation`; VuFind's PunctuationRegExToStrip).
 */
export function chop(text: string): string {
  let result = collapseWhitespace(text);
  for (;;) {
    const before = result;
    result = trimTrailing(result, TRAILING_ISBD);
    if (result.endsWith('.') && !result.endsWith('...') && !periodBelongsToWord(result)) result = result.slice(0, -1);
    if (result === before) return result;
  }
}

function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Chopped values of some subfields, blanks left out. */
export function chopped(field: MarcDataField, codes: string): string[] {
  return subfieldValues(field, codes).map(chop).filter((value) => value !== '');
}

/** Subfields joined with a space (the catalogue's own punctuation kept inside), then chopped. */
export function joined(field: MarcDataField, codes: string): string {
  return chop(subfieldValues(field, codes).join(' '));
}

/** Letters and digits only, lower case: for comparing a MARC value with an indexed one. */
export function comparable(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
