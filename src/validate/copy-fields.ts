import type { RawValue } from '../model/raw-record.js';
import { collapseWhitespace } from '../text.js';
import { COPY_FIELDS, resolveField } from '../biblio-schema/index.js';

/**
 * Copy-field consistency. A copyField destination holds the values its sources had when
 * the document was posted, so a stored destination must agree with its stored sources.
 */

export interface CopyMismatch {
  readonly field: string;
  readonly sources: readonly string[];
  readonly message: string;
  readonly actual: readonly string[];
}

interface CopyRule {
  readonly dest: string;
  readonly sources: readonly string[];
  readonly multiValued: boolean;
}

/** Destinations that are stored and all of whose sources are stored: only those can be compared. */
const COPY_RULES: readonly CopyRule[] = (() => {
  const byDest = new Map<string, string[]>();
  for (const { source, dest } of COPY_FIELDS) byDest.set(dest, [...(byDest.get(dest) ?? []), source]);
  const rules: CopyRule[] = [];
  for (const [dest, sources] of byDest) {
    const destination = resolveField(dest);
    if (destination === undefined || !destination.stored) continue;
    if (!sources.every((source) => resolveField(source)?.stored === true)) continue;
    rules.push({ dest, sources, multiValued: destination.multiValued });
  }
  return rules;
})();


function valuesOf(fields: Readonly<Record<string, RawValue>>, name: string): string[] {
  const value = fields[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(collapseWhitespace).filter((text) => text.length > 0);
}

function countAll(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** The first item whose count differs, described for a message; `undefined` when the multisets are equal. */
function multisetDifference(actual: readonly string[], expected: readonly string[]): string | undefined {
  const actualCounts = countAll(actual);
  const expectedCounts = countAll(expected);
  for (const [item, count] of expectedCounts) {
    if ((actualCounts.get(item) ?? 0) < count) return `lacks ${JSON.stringify(item.slice(0, 80))}`;
  }
  for (const [item, count] of actualCounts) {
    if ((expectedCounts.get(item) ?? 0) < count) return `has ${JSON.stringify(item.slice(0, 80))} that its sources do not`;
  }
  return undefined;
}

function tokens(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(' '));
}

/** Checks every comparable copyField destination present in the record. */
export function checkCopyFields(fields: Readonly<Record<string, RawValue>>): CopyMismatch[] {
  const mismatches: CopyMismatch[] = [];
  for (const rule of COPY_RULES) {
    if (!(rule.dest in fields)) continue;
    const actual = valuesOf(fields, rule.dest);
    const expected = rule.sources.flatMap((source) => valuesOf(fields, source));
    const sourceList = rule.sources.join(' + ');
    let difference: string | undefined;
    if (expected.length === 0 && actual.length > 0) {
      difference = `has values but its source${rule.sources.length > 1 ? 's' : ''} ${sourceList} ${rule.sources.length > 1 ? 'are' : 'is'} absent`;
    } else if (rule.multiValued && actual.length === 1 && expected.length > 1) {
      // A flattened scrape joined the values with spaces: compare the words instead.
      difference = multisetDifference(tokens(actual), tokens(expected));
    } else {
      difference = multisetDifference(actual, expected);
    }
    if (difference !== undefined) {
      const message = expected.length === 0 ? `${rule.dest} ${difference}` : `${rule.dest} ${difference} (it is a copy of ${sourceList})`;
      mismatches.push({ field: rule.dest, sources: rule.sources, message, actual });
    }
  }
  return mismatches;
}

const NOT_LETTER = /[^\p{L}]+/gu;
const COMBINING_MARK = /\p{M}+/gu;

/** Letters only, lower case, no accents: `Bryant, Dorothy, 1930-` -> `bryantdorothy`. */
function looseNameKey(name: string): string {
  return name.normalize('NFKD').replace(COMBINING_MARK, '').replace(NOT_LETTER, '').toLowerCase();
}

/** Fields whose first value VuFind may index as `author_sort` (main, corporate, then added authors). */
const SORT_AUTHOR_SOURCES = ['author', 'author_corporate', 'author2'];

/**
 * `author_sort` is the first author with dates and punctuation possibly removed: compare
 * letters only, allowing one to extend the other (`Smith, John` / `Smith, John, Jr.`).
 */
export function checkAuthorSort(fields: Readonly<Record<string, RawValue>>): CopyMismatch | undefined {
  const [sortName] = valuesOf(fields, 'author_sort');
  if (sortName === undefined) return undefined;
  const firsts = SORT_AUTHOR_SOURCES.map((name) => valuesOf(fields, name)[0]).filter((value): value is string => value !== undefined);
  if (firsts.length === 0) return undefined;
  const sortKey = looseNameKey(sortName);
  const agrees = firsts.some((first) => {
    const key = looseNameKey(first);
    return key === sortKey || (sortKey.length > 0 && key.length > 0 && (key.startsWith(sortKey) || sortKey.startsWith(key)));
  });
  if (agrees) return undefined;
  return {
    field: 'author_sort',
    sources: SORT_AUTHOR_SOURCES,
    message: `author_sort ${JSON.stringify(sortName.slice(0, 80))} is not the first author (${firsts.map((first) => JSON.stringify(first.slice(0, 80))).join(' / ')})`,
    actual: [sortName],
  };
}
