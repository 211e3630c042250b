import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { isControlField, type MarcDataField, type MarcRecord } from '../../src/model/marc.js';
import { CORE_LABELS, type CoreLabelKey } from '../../src/read/staff-view/core-labels.js';
import { marcXmlRecord, xmlCharsOnly } from './marc-serialize.js';
import { sharedPath } from './shared-paths.js';

/**
 * MARC Staff View pages for tests: the record written as MARCXML, rendered by VuFind's own
 * `record-marc.xsl` (../shared/data/marc/xsl) with Debian's `xsltproc` (libxslt, what PHP's
 * XSLTProcessor uses), then turned into text the way the scrapes bibpipe reads look
 * (FORMATS.md 1.1): one line per table row, cells as `cell |`, a `---|` separator under the
 * first row, runs of white space collapsed except in the LEADER/006/007/008 rows (VuFind's
 * CSS gives those `white-space: pre-wrap`), inside the usual page chrome (loading marker,
 * title, localized core table).
 */

export const MARC_XSL = sharedPath('data', 'marc', 'xsl', 'record-marc.xsl');
const PRE_WRAP_TAGS = new Set(['LEADER', '006', '007', '008']);

export const HAS_XSLTPROC = spawnSync('xsltproc', ['--version'], { encoding: 'utf8' }).status === 0;

/** The HTML VuFind's XSL makes of each record (one xsltproc run for all of them; `directory` holds the MARCXML it reads). */
export function renderMarcHtml(records: readonly MarcRecord[], parent: string): string[] {
  if (records.length === 0) return [];
  const directory = join(parent, 'marcxml-for-xsl');
  mkdirSync(directory, { recursive: true });
  const files = records.map((record, index) => {
    const file = join(directory, `${String(index).padStart(6, '0')}.xml`);
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${marcXmlRecord(record, { skipEmptySubfields: true })}\n`);
    return file;
  });
  const result = spawnSync('xsltproc', [MARC_XSL, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  rmSync(directory, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`xsltproc failed: ${result.stderr}`);
  const pages = result.stdout.split('<table class="staff-view--marc').slice(1).map((part) => `<table class="staff-view--marc${part}`);
  if (pages.length !== records.length) throw new Error(`xsltproc rendered ${pages.length} tables for ${records.length} records`);
  return pages;
}

/** CSS white-space collapsing: runs of space, tab and line breaks become one space, none at the cell's edges (U+00A0 stays). */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/gu, ' ').replace(/^ /u, '').replace(/ $/u, '');
}

/** The text of the XSL's table as a scrape gives it: one line per row. */
export function scrapeMarcTable(html: string): string[] {
  const lines: string[] = [];
  for (const row of html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gu)) {
    const cells = [...(row[1] ?? '').matchAll(/<(th|td)\b[^>]*>([\s\S]*?)<\/\1>/gu)].map((cell) => decodeHTML((cell[2] ?? '').replace(/<[^>]*>/gu, '')));
    const tag = collapseWhiteSpace(cells[0] ?? '');
    const texts = cells.map((cell, index) => (index > 0 && PRE_WRAP_TAGS.has(tag) ? cell : collapseWhiteSpace(cell)));
    const line = `${texts[0] ?? ''} |${texts.slice(1).map((text) => (text === '' ? ' |' : ` ${text} |`)).join('')}`;
    if (lines.length === 0) {
      lines.push(line.trimStart(), '---|'.repeat(cells.length));
      continue;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The same lines made in-process, from what the XSL does (a row per field, `|a` + U+00A0 +
 * value + U+00A0 per non-empty subfield, one space between subfields): for property tests
 * with many records. A test checks it against xsltproc's output on the real corpus.
 */
export function marcTableLines(record: MarcRecord): string[] {
  const row = (tag: string, cells: readonly string[]): string => `${tag} |${cells.map((text) => (text === '' ? ' |' : ` ${text} |`)).join('')}`;
  const lines = ['| | | |', '---|---|---|---|', row('LEADER', [xmlCharsOnly(record.leader)])];
  for (const field of record.fields) {
    if (isControlField(field)) {
      const value = xmlCharsOnly(field.value);
      lines.push(row(field.tag, [PRE_WRAP_TAGS.has(field.tag) ? value : collapseWhiteSpace(value)]));
      continue;
    }
    const subfields = field.subfields.map((subfield) => ({ code: subfield.code, value: xmlCharsOnly(subfield.value) }))
      .filter((subfield) => subfield.value !== '').map((subfield) => `|${subfield.code}\u00a0${subfield.value}\u00a0`).join(' ');
    lines.push(row(field.tag, [collapseWhiteSpace(field.ind1), collapseWhiteSpace(field.ind2), collapseWhiteSpace(subfields)]));
  }
  return lines;
}

function label(key: CoreLabelKey, locale: string): string {
  return CORE_LABELS[key][locale]?.[0] ?? CORE_LABELS[key].en?.[0] ?? key;
}

function dataFields(record: MarcRecord, tag: string): MarcDataField[] {
  return record.fields.filter((field): field is MarcDataField => field.tag === tag && !isControlField(field));
}

function subfieldText(field: MarcDataField | undefined, codes: string): string {
  return (field?.subfields ?? []).filter((subfield) => codes.includes(subfield.code)).map((subfield) => subfield.value).join(' ')
    .replace(/[\s/:;,.=]+$/u, '');
}

const lostLinks = (count: number): string => (count <= 1 ? '|' : `${Array<string>(count - 1).fill(',').join(' ')} |`);

/** A localized core table as VuFind's MARC record driver fills it (author links lost their text). */
function coreTable(record: MarcRecord, locale: string): string[] {
  // Each row is its lines: the Published cell spans several.
  const rows: string[][] = [];
  const main = dataFields(record, '100').length + dataFields(record, '110').length;
  const others = dataFields(record, '700').length;
  if (main > 0) rows.push([`${label('mainAuthor', locale)}: | ${lostLinks(main)}`]);
  if (others > 0) rows.push([`${label('otherAuthors', locale)}: | ${lostLinks(others)}`]);
  const imprint = [...dataFields(record, '260'), ...dataFields(record, '264')][0];
  const published = [subfieldText(imprint, 'b'), subfieldText(imprint, 'c')].map(collapseWhiteSpace).filter((text) => text !== '');
  if (published.length > 0) rows.push([`${label('published', locale)}: |`, ...published, '|']);
  const edition = collapseWhiteSpace(subfieldText(dataFields(record, '250')[0], 'a'));
  if (edition !== '') rows.push([`${label('edition', locale)}: | ${edition} |`]);
  // The first row is the Markdown table's header: the separator follows it.
  return rows.flatMap((lines, index) => (index === 0 ? [...lines, '---|---|'] : lines));
}

export interface MarcPageOptions {
  locale: string;
  /** The loading marker that opens each page (most scrapes have it). */
  withMarker?: boolean;
}

/** The text of one scraped record page whose Staff View tab is the MARC table (`html`: the XSL's output, or none for the in-process layout). */
export function marcStaffViewPage(record: MarcRecord, html: string | undefined, options: MarcPageOptions): string {
  const title = collapseWhiteSpace(subfieldText(dataFields(record, '245')[0], 'abnp')) || '[no title]';
  const head = options.withMarker === false ? [title] : [label('loading', options.locale), title];
  const table = html === undefined ? marcTableLines(record) : scrapeMarcTable(html);
  return `${[...head, ...coreTable(record, options.locale), ...table].join('\n')}\n`;
}

/** Locales the rendered pages rotate through. */
export const PAGE_LOCALES = ['en', 'de', 'es', 'fr', 'ja', 'ru', 'it', 'nl'] as const;

/** One scraped text file holding every record's page, the locale changing from page to page. */
export function marcStaffViewFile(records: readonly MarcRecord[], directory: string): string {
  const html = renderMarcHtml(records, directory);
  return records.map((record, index) => marcStaffViewPage(record, html[index] ?? '', { locale: PAGE_LOCALES[index % PAGE_LOCALES.length] ?? 'en' })).join('\n');
}
