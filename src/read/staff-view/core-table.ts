import { CORE_LABELS } from './core-labels.js';
import type { TableRow } from './page-assembler.js';
import { lookUpCoreLabel } from './table-lines.js';

/**
 * Facts from the record page's core table (the localized `Label: | value |` rows above
 * the staff table): the page's UI language and the author counts that the scrape kept
 * even though the author links lost their text.
 */

export interface CoreFacts {
  locale: string | undefined;
  mainAuthorCount: number | undefined;
  otherAuthorCount: number | undefined;
  corporateAuthorCount: number | undefined;
  /** Core cells worth keeping as hints, by label key (`format`, `language`, `published`...). */
  cells: Map<string, string>;
}

/** Locales in VuFind's own order (English first), used to break ties between candidates. */
const LOCALE_ORDER: readonly string[] = Object.keys(CORE_LABELS.loading);

const HINT_KEYS = new Set(['format', 'language', 'published', 'publishedIn', 'edition', 'series', 'physicalDescription', 'isbn', 'issn', 'doi']);

/**
 * The number of links in a cell whose link texts were lost: `, , ,` is four, an empty cell
 * one. A cell with other text is not a bare list of links, so no count is claimed.
 */
export function countLostLinks(cell: string): number | undefined {
  let commas = 0;
  for (const char of cell) {
    if (char === ',') commas += 1;
    else if (char.trim().length > 0) return undefined;
  }
  return commas + 1;
}

export function readCoreTable(rows: readonly TableRow[], markerLocales: readonly string[] | undefined): CoreFacts {
  const facts: CoreFacts = { locale: undefined, mainAuthorCount: undefined, otherAuthorCount: undefined, corporateAuthorCount: undefined, cells: new Map() };
  const labelled = rows.flatMap((row) => {
    const entry = lookUpCoreLabel(row.label);
    return entry === undefined ? [] : [{ row, entry }];
  });
  let locales: readonly string[] | undefined = markerLocales;
  for (const { entry } of labelled) {
    const narrowed: readonly string[] = locales === undefined ? entry.locales : locales.filter((locale) => entry.locales.includes(locale));
    if (narrowed.length > 0) locales = narrowed;
  }
  if (locales !== undefined && locales.length > 0) {
    const candidates = locales;
    facts.locale = LOCALE_ORDER.find((locale) => candidates.includes(locale)) ?? candidates[0];
  }
  for (const { row, entry } of labelled) {
    // In the page's own language a label means one thing, even when another language uses it otherwise.
    const inLocale = entry.keys.filter((key) => facts.locale !== undefined && entry.localesByKey.get(key)?.includes(facts.locale));
    const keys = inLocale.length > 0 ? inLocale : entry.keys;
    const text = row.lines.join('\n');
    if (keys.includes('mainAuthor') || keys.includes('mainAuthors')) facts.mainAuthorCount ??= countLostLinks(text);
    else if (keys.includes('otherAuthors')) facts.otherAuthorCount ??= countLostLinks(text);
    else if (keys.includes('corporateAuthor') || keys.includes('corporateAuthors')) facts.corporateAuthorCount ??= countLostLinks(text);
    for (const key of keys) if (HINT_KEYS.has(key) && !facts.cells.has(key)) facts.cells.set(key, text);
  }
  return facts;
}
