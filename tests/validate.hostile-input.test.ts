import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord, RawValue } from '../src/model/raw-record.js';
import { validateRecord } from '../src/validate/index.js';

function record(fields: Record<string, RawValue>): RawRecord {
  return { format: 'staff-view', source: { file: 'hostile.txt' }, fields, issues: [] };
}

const MEGABYTE = 1024 * 1024;
const HOSTILE_TEXTS = [', '.repeat(MEGABYTE / 2), ' '.repeat(MEGABYTE), '1'.repeat(MEGABYTE), 'a'.repeat(MEGABYTE), '-'.repeat(MEGABYTE)];
const CHECKED_FIELDS = ['id', 'title', 'title_full', 'title_fullStr', 'author', 'author_facet', 'author_sort', 'isbn', 'issn', 'url', 'publishDate', 'language', '_version_', 'first_indexed', 'x_boolean', 'unknownField'];

describe('validateRecord on hostile input', () => {
  it('takes milliseconds on 1 MB values in every checked field', () => {
    for (const text of HOSTILE_TEXTS) {
      const fields: Record<string, RawValue> = {};
      for (const name of CHECKED_FIELDS) fields[name] = text;
      const started = performance.now();
      const issues = validateRecord(record(fields));
      const elapsed = performance.now() - started;
      expect(elapsed, JSON.stringify(text.slice(0, 10))).toBeLessThan(1000);
      for (const issue of issues) {
        if (typeof issue.actual === 'string') expect(issue.actual.length).toBeLessThanOrEqual(201);
        expect(issue.message.length).toBeLessThan(1000);
      }
    }
  });

  it('shortens long lists in issue.actual', () => {
    const issues = validateRecord(record({ id: 'x', title: 'T', url: Array.from({ length: 10_000 }, () => 'nope') }));
    expect(issues).toHaveLength(10_000);
    expect(issues.every((issue) => issue.code === 'url.invalid')).toBe(true);
    const unknown = validateRecord(record({ id: 'x', title: 'T', bogus: Array.from({ length: 50 }, (_, index) => String(index)) }));
    expect(unknown[0]?.actual).toHaveLength(11);
  });

  it('never throws on arbitrary fields and values', () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 5 }));
    const name = fc.oneof(fc.constantFrom(...CHECKED_FIELDS, 'author2', 'author_corporate', 'spellingShingle', 'x_str_mv', 'score'), fc.string());
    fc.assert(
      fc.property(fc.dictionary(name, value), (fields) => {
        const issues = validateRecord(record(fields));
        expect(Array.isArray(issues)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
