import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Issue } from '../src/model/issue.js';
import type { RawRecord, RawValue } from '../src/model/raw-record.js';
import { validateRecord } from '../src/validate/index.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/** Solr JSON docs as a reader would hand them over: scalars as text, lists as text lists. */
function docsOf(file: string): RawRecord[] {
  const text = readFileSync(sharedPath('data/vufind/fixtures', file), 'utf8');
  const json = JSON.parse(text.slice(text.indexOf('{'))) as { response: { docs: Record<string, unknown>[] } };
  return json.response.docs.map((doc, index) => {
    const fields: Record<string, RawValue> = {};
    for (const [name, value] of Object.entries(doc)) fields[name] = Array.isArray(value) ? value.map(String) : String(value);
    return { format: 'solr-json', source: { file, ordinal: index + 1 }, fields, issues: [] };
  });
}

function summary(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${issue.severity} ${issue.code} ${issue.field ?? ''} (${issue.recordId ?? '?'})`);
}

describeWithShared('validateRecord on VuFind\'s own Solr fixtures', () => {
  it('finds nothing to report in the 40 MARC-derived docs of search.json', () => {
    const records = docsOf('search.json');
    expect(records).toHaveLength(40);
    expect(summary(records.flatMap((raw) => validateRecord(raw)))).toEqual([]);
  });

  it('finds nothing in search-title.json and search-author.json', () => {
    const records = [...docsOf('search-title.json'), ...docsOf('search-author.json')];
    expect(summary(records.flatMap((raw) => validateRecord(raw)))).toEqual([]);
  });

  it('warns about the old field names of testbug1.json and ignores its score pseudo-field', () => {
    const issues = docsOf('testbug1.json').flatMap((raw) => validateRecord(raw));
    expect(summary(issues)).toEqual(['warning field.unknown author2Str (000105196)', 'warning field.unknown dewey-sort-browse (000105196)']);
  });

  it('finds the invalid ISBN and the old call-number fields of testbug2.json, and no error', () => {
    const issues = docsOf('testbug2.json').flatMap((raw) => validateRecord(raw));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const isbn = issues.find((issue) => issue.code === 'isbn.invalid');
    expect(isbn).toMatchObject({ field: 'isbn', actual: 'invalid-isbn', recordId: 'testbug2', source: { file: 'testbug2.json', ordinal: 1 } });
    expect(issues.filter((issue) => issue.code === 'field.unknown').map((issue) => issue.field).sort()).toEqual([
      'author2Str',
      'callnumber',
      'callnumber-a',
      'callnumber-first-code',
      'callnumber-subject-code',
    ]);
  });

  it('raises no error on the 2012 responses (old schema: single author string, spelling as text)', () => {
    for (const file of ['single-record', 'multi-record', 'morelikethis']) {
      const issues = docsOf(file).flatMap((raw) => validateRecord(raw));
      expect(issues.filter((issue) => issue.severity === 'error'), file).toEqual([]);
      expect(new Set(issues.map((issue) => issue.code)), file).toEqual(new Set(['field.unknown']));
    }
  });
});
