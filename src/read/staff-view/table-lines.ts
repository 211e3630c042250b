import { CORE_LABELS, type CoreLabelKey } from './core-labels.js';

/**
 * Line-level shapes of a Staff View scrape: the loading marker that opens a record, the
 * `---|---|` separators, and `label | value |` table rows. All checks are single passes
 * over the line (no backtracking regular expressions: lines can be megabytes long).
 */

/** Unifies the spellings of an ellipsis and spacing so `Loading...` matches `Loading…`. */
function normalizeLabel(text: string): string {
  return text.replaceAll('...', '…').replace(/\s+/gu, ' ').trim().toLowerCase();
}

export interface LabelEntry {
  keys: CoreLabelKey[];
  locales: string[];
  /** The locales in which the label stands for each key (`Formato` is also a Physical Description). */
  localesByKey: Map<CoreLabelKey, string[]>;
}

function buildLabelIndex(): Map<string, LabelEntry> {
  const index = new Map<string, LabelEntry>();
  for (const [key, byLocale] of Object.entries(CORE_LABELS) as [CoreLabelKey, Record<string, readonly string[]>][]) {
    for (const [locale, labels] of Object.entries(byLocale)) {
      for (const label of labels) {
        const normalized = normalizeLabel(label);
        let entry = index.get(normalized);
        if (!entry) {
          entry = { keys: [], locales: [], localesByKey: new Map() };
          index.set(normalized, entry);
        }
        if (!entry.keys.includes(key)) entry.keys.push(key);
        if (!entry.locales.includes(locale)) entry.locales.push(locale);
        const keyLocales = entry.localesByKey.get(key) ?? [];
        if (!keyLocales.includes(locale)) keyLocales.push(locale);
        entry.localesByKey.set(key, keyLocales);
      }
    }
  }
  return index;
}

const LABEL_INDEX = buildLabelIndex();
const LONGEST_MARKER = Math.max(...[...LABEL_INDEX.entries()].filter(([, entry]) => entry.keys.includes('loading')).map(([label]) => label.length)) + 8;

/** The label keys and locales a core-table label (without its colon) can stand for. */
export function lookUpCoreLabel(label: string): Readonly<LabelEntry> | undefined {
  return LABEL_INDEX.get(normalizeLabel(label));
}

/** Locales whose loading marker this line is, or undefined when it is no marker. */
export function markerLocales(text: string): readonly string[] | undefined {
  if (text.length > LONGEST_MARKER || text.includes('|')) return undefined;
  const entry = LABEL_INDEX.get(normalizeLabel(text));
  return entry && entry.keys.includes('loading') ? entry.locales : undefined;
}

/** A Markdown table separator such as `---|---|` or `| --- | :--- |`. */
export function isSeparatorLine(text: string): boolean {
  let dashes = 0;
  let pipes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 0x2d) dashes += 1;
    else if (char === 0x7c) pipes += 1;
    else if (char !== 0x20 && char !== 0x3a && char !== 0x09) return false;
  }
  return dashes >= 3 && pipes >= 1;
}

function isFieldNameChar(char: number): boolean {
  return (char >= 0x61 && char <= 0x7a) || (char >= 0x41 && char <= 0x5a) || (char >= 0x30 && char <= 0x39)
    || char === 0x5f || char === 0x2d || char === 0x2e;
}

/** Solr field names: letters, digits, `_`, `-` and `.` (`_version_`, `callnumber-first`). */
export function isFieldName(text: string): boolean {
  if (text.length === 0 || text.length > 200) return false;
  for (let i = 0; i < text.length; i += 1) if (!isFieldNameChar(text.charCodeAt(i))) return false;
  return true;
}

export type RowKind = 'core' | 'staff';

/** The start of a table row: its label and what follows the first `|` on the line. */
export interface RowStart {
  kind: RowKind;
  /** Core rows: the label without its colon; staff rows: the Solr field name. */
  label: string;
  /** The cell's text on this line when the row closes on it; undefined when the cell continues. */
  value: string | undefined;
  /** Text of an open cell's first line (empty when the line ends right after the label). */
  firstLine: string;
}

/** A line ending a cell: ` |` at its end. Returns the content before that pipe, or undefined. */
export function cellClosingContent(text: string): string | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('|')) return undefined;
  return trimmed.slice(0, -1).trim();
}

/**
 * Reads `Label: | value |` (core) or `field | value |` (staff). A value may contain `|`
 * itself: the cell runs from the first pipe to the last one (`title | A | B |` is "A | B").
 */
export function parseRowStart(text: string): RowStart | undefined {
  const pipe = text.indexOf('|');
  if (pipe <= 0) return undefined;
  let label = text.slice(0, pipe).trim();
  let kind: RowKind;
  if (label.endsWith(':') || label.endsWith('：')) {
    kind = 'core';
    label = label.slice(0, -1).trim();
    if (label.length === 0) return undefined;
  } else if (isFieldName(label)) {
    kind = 'staff';
  } else {
    return undefined;
  }
  const rest = text.slice(pipe + 1);
  const restTrimmed = rest.trim();
  if (restTrimmed.length === 0) return { kind, label, value: undefined, firstLine: '' };
  const closed = cellClosingContent(rest);
  if (closed !== undefined) return { kind, label, value: closed, firstLine: '' };
  return { kind, label, value: undefined, firstLine: restTrimmed };
}
