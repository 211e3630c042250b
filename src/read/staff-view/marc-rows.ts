import type { MarcField, MarcSubfield } from '../../model/marc.js';
import { isKnownSchemaField } from './field-schema.js';

/**
 * One row of the MARC table of a scraped VuFind Staff View (VuFind's `record-marc.xsl`,
 * FORMATS.md 1.5) as the scrape writes it: `LEADER | 00714cam a2200205 a 4500 |`,
 * `001 | 12883376 |`, `245 | 1 | 0 | |a<NBSP>Title<NBSP> |c<NBSP>By X.<NBSP> |`. Blank
 * indicators are empty cells; every subfield value sits between two U+00A0 and subfields
 * are separated by one space. All checks are single passes over the line.
 */

const NBSP = '\u00a0';

/** Rows whose text the page keeps as it is (VuFind's CSS: `white-space: pre-wrap`). */
const PRE_WRAP_TAGS = new Set(['LEADER', '006', '007', '008']);

export type MarcRow =
  | { kind: 'leader'; value: string }
  | { kind: 'field'; field: MarcField };

export interface MarcRowError {
  tag: string;
  reason: string;
}

function isAlphanumeric(char: number): boolean {
  return (char >= 0x30 && char <= 0x39) || (char >= 0x41 && char <= 0x5a) || (char >= 0x61 && char <= 0x7a);
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char < 0x30 || char > 0x39) return false;
  }
  return true;
}

/**
 * A MARC tag as a row label: three digits, or three letters/digits that are no Solr field
 * name (so an index table's `url | ... |` after the MARC table is not read as tag `url`).
 */
export function isMarcTag(label: string): boolean {
  if (label.length !== 3) return false;
  for (let i = 0; i < 3; i += 1) if (!isAlphanumeric(label.charCodeAt(i))) return false;
  return isDigits(label) || !isKnownSchemaField(label);
}

/** The label of a MARC table row (`LEADER` or a tag), or undefined when the line is none. */
export function marcRowLabel(text: string): string | undefined {
  const pipe = text.indexOf(' |');
  if (pipe <= 0) return undefined;
  const label = text.slice(0, pipe).trim();
  if (label === 'LEADER' || isMarcTag(label)) return label;
  return undefined;
}

export function isLeaderRow(text: string): boolean {
  return marcRowLabel(text) === 'LEADER';
}

/** The text after `TAG |` up to the row's closing `|`, or undefined when the row is not closed. */
function rowBody(text: string, label: string): string | undefined {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  const start = line.indexOf(' |') + 2;
  if (!line.endsWith('|') || line.length < start) return undefined;
  const body = line.slice(start, -1);
  if (body.length === 0) return '';
  // `LEADER | value |`: one space after the label's pipe and one before the closing pipe.
  const inner = body.startsWith(' ') ? body.slice(1) : body;
  const trimmedEnd = inner.endsWith(' ') ? inner.slice(0, -1) : inner;
  // U+00A0 is no white space the page collapses: only spaces and tabs are trimmed.
  return PRE_WRAP_TAGS.has(label) ? trimmedEnd : trimmedEnd.replace(/^[ \t]+|[ \t]+$/gu, '');
}

/** `|a<NBSP>value<NBSP> |b<NBSP>value<NBSP>` to subfields; undefined when the cell has another shape. */
export function parseSubfieldCell(cell: string): MarcSubfield[] | undefined {
  if (cell.length === 0) return [];
  if (cell.charCodeAt(0) !== 0x7c || cell.length < 4 || cell[2] !== NBSP || !cell.endsWith(NBSP)) return undefined;
  const subfields: MarcSubfield[] = [];
  let code = cell[1] as string;
  let valueStart = 3;
  // A separator is NBSP, one space, `|`, the next code and NBSP.
  let at = cell.indexOf(`${NBSP} |`, valueStart);
  while (at !== -1) {
    if (at + 4 < cell.length && cell[at + 4] === NBSP) {
      subfields.push({ code, value: cell.slice(valueStart, at) });
      code = cell[at + 3] as string;
      valueStart = at + 5;
      at = cell.indexOf(`${NBSP} |`, valueStart);
      continue;
    }
    at = cell.indexOf(`${NBSP} |`, at + 1);
  }
  if (cell.length - 1 < valueStart) return undefined;
  subfields.push({ code, value: cell.slice(valueStart, cell.length - 1) });
  return subfields;
}

interface IndicatorSplit {
  ind1: string;
  ind2: string;
  subfields: MarcSubfield[];
}

/** One indicator cell at `at` of ` X |` or ` |`: the indicator and where the next cell starts. */
function indicatorChoices(rest: string, at: number): Array<{ value: string; next: number }> {
  const choices: Array<{ value: string; next: number }> = [];
  if (rest.startsWith(' |', at)) choices.push({ value: ' ', next: at + 2 });
  if (rest[at] === ' ' && at + 3 <= rest.length && rest.startsWith(' |', at + 2) && rest[at + 1] !== ' ') {
    choices.push({ value: rest[at + 1] as string, next: at + 4 });
  }
  return choices;
}

/**
 * The data row after its tag: ` 1 | 0 | |a<NBSP>x<NBSP> |`. An indicator may itself be `|`
 * (the MARC fill character), so each reading of the cells is tried until one leaves a
 * well-formed subfield cell.
 */
function splitDataRow(rest: string): IndicatorSplit | undefined {
  for (const first of indicatorChoices(rest, 0)) {
    for (const second of indicatorChoices(rest, first.next)) {
      const tail = rest.slice(second.next);
      if (tail.length === 0) return { ind1: first.value, ind2: second.value, subfields: [] };
      if (!tail.startsWith(' ') || !tail.endsWith(' |')) continue;
      const subfields = parseSubfieldCell(tail.slice(1, -2));
      if (subfields) return { ind1: first.value, ind2: second.value, subfields };
    }
  }
  return undefined;
}

/** Reads one MARC table row; an error names the tag and what is wrong with the row. */
export function parseMarcRow(text: string): MarcRow | MarcRowError {
  const label = marcRowLabel(text) ?? '';
  const body = rowBody(text, label);
  if (body === undefined) return { tag: label, reason: 'the row has no closing "|"' };
  if (label === 'LEADER') return { kind: 'leader', value: body };
  if (label.startsWith('00')) return { kind: 'field', field: { tag: label, value: body } };
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  const split = splitDataRow(line.slice(line.indexOf(' |') + 2));
  if (!split) {
    return { tag: label, reason: 'its cells are not two indicators and "|a value" subfields (`245 | 1 | 0 | |a Title |`)' };
  }
  return { kind: 'field', field: { tag: label, ind1: split.ind1, ind2: split.ind2, subfields: split.subfields } };
}
