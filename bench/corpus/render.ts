import { CORE_LABELS, type CoreLabelKey } from '../../src/read/staff-view/core-labels.js';
import type { CorpusRecord } from './records.js';

/**
 * Renders a corpus record the two ways a catalogue dump arrives: the text of its VuFind
 * record page (FORMATS.md 1.1: loading marker, title, cut abstract, localized core table,
 * staff table whose multi-valued cells are flattened with one space), and one line of
 * Solr JSON (NDJSON) with `_version_` as a bare 64-bit integer.
 */

export interface StaffViewOptions {
  /** VuFind 9+ sorts the staff table by field name; older releases print Solr's stored order. */
  sorted?: boolean;
  /** The localized core table above the staff table (its author count is evidence). */
  withCoreTable?: boolean;
}

/** The abstract line under the title is cut to this many characters and "...". */
const ABSTRACT_HEAD = 300;

/** A stable hash of the record id, so a record's page layout never depends on generation order. */
function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

/** The layout a record's site would print: sorted only on VuFind 9+ (which has work keys), a core table on most pages. */
export function defaultLayout(record: CorpusRecord): Required<StaffViewOptions> {
  const hash = idHash(String(record.doc.id ?? ''));
  return { sorted: record.hasWorkKeys && hash % 10 < 6, withCoreTable: (hash >>> 8) % 100 < 85 };
}

function label(key: CoreLabelKey, locale: string): string {
  // VuFind falls back to the English string where a language file lacks a key.
  return CORE_LABELS[key][locale]?.[0] ?? CORE_LABELS[key].en?.[0] ?? key;
}

function values(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `| , , , |`: the links of n names whose text the scrape lost. */
function lostLinks(count: number): string {
  return count <= 1 ? '|' : `${Array<string>(count - 1).fill(',').join(' ')} |`;
}

function coreTable(record: CorpusRecord): string[] {
  const { doc, locale } = record;
  const rows: string[] = [];
  const row = (key: CoreLabelKey, cell: string): void => {
    rows.push(`${label(key, locale)}: | ${cell}`.trimEnd());
  };
  const main = values(doc.author);
  const corporate = values(doc.author_corporate);
  const others = values(doc.author2);
  if (main.length > 0) row(main.length === 1 ? 'mainAuthor' : 'mainAuthors', lostLinks(main.length));
  if (corporate.length > 0) row(corporate.length === 1 ? 'corporateAuthor' : 'corporateAuthors', lostLinks(corporate.length));
  if (others.length > 0) row('otherAuthors', lostLinks(others.length));
  row('format', `${values(doc.format).join(' ')} |`);
  row('language', `${values(doc.language).join(' ')} |`);
  const published = [...values(doc.publisher), ...values(doc.publishDate)];
  if (published.length > 0) rows.push(`${label('published', locale)}: |`, ...published, '|');
  if (values(doc.topic).length > 0) row('subjects', '|');
  if (values(doc.url).length > 0) row('onlineAccess', `${values(doc.url).join(' ')} |`);
  // The first row is the Markdown table's header: the separator follows it.
  return rows.length > 0 ? [rows[0] as string, '---|---|', ...rows.slice(1)] : [];
}

function staffOrder(doc: CorpusRecord['doc'], sorted: boolean): string[] {
  const names = Object.keys(doc).filter((name) => name !== '_version_');
  if (sorted) return ['_version_', ...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...names, '_version_'];
}

export function renderStaffView(record: CorpusRecord, options: StaffViewOptions = {}): string {
  const layout = { ...defaultLayout(record), ...stripUndefined(options) };
  const { doc } = record;
  const lines: string[] = [label('loading', record.locale), String(doc.title ?? '')];
  const description = typeof doc.description === 'string' ? doc.description : undefined;
  if (description !== undefined) {
    lines.push(description.length > ABSTRACT_HEAD ? `${description.slice(0, ABSTRACT_HEAD).trimEnd()}...` : description);
  }
  if (layout.withCoreTable) lines.push(...coreTable(record));
  const order = staffOrder(doc, layout.sorted);
  order.forEach((name, index) => {
    lines.push(`${name} | ${values(doc[name]).join(' ')} |`);
    if (index === 0) lines.push('---|---|');
  });
  return `${lines.join('\n')}\n`;
}

function stripUndefined(options: StaffViewOptions): StaffViewOptions {
  const out: StaffViewOptions = {};
  if (options.sorted !== undefined) out.sorted = options.sorted;
  if (options.withCoreTable !== undefined) out.withCoreTable = options.withCoreTable;
  return out;
}

/** One NDJSON line (no newline); `_version_` is written as a bare integer, as Solr does. */
export function renderSolrJsonLine(record: CorpusRecord): string {
  const parts = Object.entries(record.doc).map(([name, value]) =>
    name === '_version_' && typeof value === 'string' && /^\d+$/u.test(value) ? `"_version_":${value}` : `${JSON.stringify(name)}:${JSON.stringify(value)}`);
  return `{${parts.join(',')}}`;
}
