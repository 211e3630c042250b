import type { ValueKind } from '../biblio-schema/index.js';

/**
 * Field-level rules as plain predicates, one per Solr field class: they run once per value
 * of every record, so they are functions, not schemas (the zod schemas built on them, for
 * library users, are in field-schemas.ts). A raw value is text (readers keep numbers as
 * exact digits), so each Solr type is a string shape.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

const INTEGER_TEXT = /^-?\d{1,19}$/;
const FLOAT_TEXT = /^(?:-?(?:\d{1,400}(?:\.\d{0,400})?|\.\d{1,400})(?:[eE][-+]?\d{1,4})?|-?Infinity|NaN)$/;
/** What Solr returns for a date field: `2012-09-27T14:51:17Z`, milliseconds optional. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

function inRange(text: string, min: bigint, max: bigint): boolean {
  if (!INTEGER_TEXT.test(text)) return false;
  const value = BigInt(text);
  return value >= min && value <= max;
}

/** Rejects `2023-02-30T00:00:00Z` and `...T25:00:00Z`, which the pattern alone lets through. */
function isRealInstant(text: string): boolean {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return false;
  return new Date(time).toISOString().slice(0, 19) === text.slice(0, 19);
}

export const VALUE_CHECKS: Readonly<Record<ValueKind, (text: string) => boolean>> = {
  text: () => true,
  int32: (text) => inRange(text, INT32_MIN, INT32_MAX),
  int64: (text) => inRange(text, INT64_MIN, INT64_MAX),
  float: (text) => FLOAT_TEXT.test(text),
  date: (text) => ISO_INSTANT.test(text) && isRealInstant(text),
  boolean: (text) => text === 'true' || text === 'false',
};

/** Words for `expected` in issues. */
export const EXPECTED_BY_KIND: Readonly<Record<ValueKind, string>> = {
  text: 'text',
  int32: 'an integer (32-bit)',
  int64: 'an integer (64-bit)',
  float: 'a decimal number',
  date: 'an ISO-8601 UTC instant such as 2012-09-27T14:51:17Z',
  boolean: '"true" or "false"',
};

/** True when a value fits the field's type; text values always fit. */
export function fitsKind(kind: ValueKind, value: string): boolean {
  return VALUE_CHECKS[kind](value);
}
