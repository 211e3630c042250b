import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord, RawValue } from '../src/model/raw-record.js';
import { validateRecord } from '../src/validate/index.js';
import { expectLinearGrowth } from './helpers/growth.js';

function record(fields: Record<string, RawValue>): RawRecord {
  return { format: 'staff-view', source: { file: 'hostile.txt' }, fields, issues: [] };
}

const MEGABYTE = 1024 * 1024;
/** Hostile text of a given size: separators, spaces, digit and letter runs. */
const HOSTILE_TEXTS: Array<(size: number) => string> = [(n) => ', '.repeat(n / 2), (n) => ' '.repeat(n), (n) => '1'.repeat(n), (n) => 'a'.repeat(n), (n) => '-'.repeat(n)];
const CHECKED_FIELDS = ['id', 'title', 'title_full', 'title_fullStr', 'author', 'author_facet', 'author_sort', 'isbn', 'issn', 'url', 'publishDate', 'language', '_version_', 'first_indexed', 'x_boolean', 'unknownField'];

describe('validateRecord on hostile input', () => {
  it('grows linearly on values up to 1 MB in every checked field, with short issues', async () => {
    const withText = (text: string): RawRecord => {
      const fields: Record<string, RawValue> = {};
      for (const name of CHECKED_FIELDS) fields[name] = text;
      return record(fields);
    };
    for (const hostile of HOSTILE_TEXTS) {
      const text = hostile(MEGABYTE);
      await expectLinearGrowth(JSON.stringify(text.slice(0, 10)), (size) => validateRecord(withText(hostile(size))));
      const issues = validateRecord(withText(text));
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
