import type { BibRecord } from './record.js';

/** True when the record has a non-empty value at the path. */
export function isFilled(record: BibRecord, segments: readonly string[]): boolean {
  let value: unknown = record;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<string, unknown>)[segment];
  }
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
