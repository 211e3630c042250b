import { describe, expect, it } from 'vitest';
import type { Issue } from '../src/model/issue.js';
import type { RawRecord, RawValue } from '../src/model/raw-record.js';
import { parseProfile } from '../src/biblio-schema/profile.js';
import { validateRecord } from '../src/validate/index.js';
import { RULES } from '../src/model/rules.js';

const SOURCE = { file: 'records.json', ordinal: 3 };

/** A clean minimal record plus the fields a test adds or replaces (`undefined` removes one). */
function record(fields: Record<string, RawValue | undefined> = {}): RawRecord {
  const merged: Record<string, RawValue> = {};
  for (const [name, value] of Object.entries({ id: 'rec-1', title: 'A title', ...fields })) {
    if (value !== undefined) merged[name] = value;
  }
  return { format: 'solr-json', source: SOURCE, fields: merged, issues: [] };
}

function codes(issues: readonly Issue[]): string[] {
  return issues.map((issue) => issue.code);
}

function only(issues: readonly Issue[], code: string): Issue {
  const found = issues.filter((issue) => issue.code === code);
  expect(found, JSON.stringify(issues)).toHaveLength(1);
  return found[0] as Issue;
}

describe('validateRecord: a clean record', () => {
  it('has no issues', () => {
    const clean = record({
      _version_: '1785071094303031296',
      author: ['Kim, Jeongseop', 'Koo, Ja Wook'],
      author_facet: ['Kim, Jeongseop', 'Koo, Ja Wook'],
      author_sort: 'Kim, Jeongseop',
      title_full: 'A title',
      title_fullStr: 'A title',
      isbn: ['9780306406157 (pbk.)'],
      issn: ['0378-5955'],
      url: ['https://doi.org/10.9758/cpn.22.1034'],
      publishDate: ['2023'],
      language: ['English'],
      first_indexed: '2023-07-12T09:15:00Z',
      work_keys_str_mv: ['AT kimjeongseop atitle'],
      score: '3.8',
    });
    expect(validateRecord(clean)).toEqual([]);
  });
});

describe('validateRecord: schema rules', () => {
  it('id.missing, with no recordId', () => {
    const issue = only(validateRecord(record({ id: undefined })), 'id.missing');
    expect(issue).toMatchObject({ severity: RULES['id.missing'].severity, field: 'id', source: SOURCE });
    expect(issue.recordId).toBeUndefined();
    expect(codes(validateRecord(record({ id: '  ' })))).toContain('id.missing');
  });

  it('field.unknown for a field neither declared nor matching a pattern', () => {
    const issue = only(validateRecord(record({ author2Str: ['Unione matematica italiana'] })), 'field.unknown');
    expect(issue).toMatchObject({ severity: 'warning', field: 'author2Str', recordId: 'rec-1', source: SOURCE, actual: ['Unione matematica italiana'] });
  });

  it('field.unknown is lifted by a profile that declares the field', () => {
    const profile = parseProfile({ fields: [{ name: 'author2Str', type: 'string', multiValued: true }] }, 'inline');
    expect(validateRecord(record({ author2Str: ['X'] }), { profile })).toEqual([]);
  });

  it('field.multi-valued-single for several values in a single-valued field', () => {
    const issue = only(validateRecord(record({ title: ['A', 'B'] })), 'field.multi-valued-single');
    expect(issue).toMatchObject({ severity: 'error', field: 'title', actual: ['A', 'B'], expected: 'one value' });
    expect(validateRecord(record({ title: ['Only one'] }))).toEqual([]);
  });

  it.each([
    ['_version_', '12abc'],
    ['_version_', '99999999999999999999'],
    ['first_indexed', 'yesterday'],
    ['first_indexed', '2023-02-30T00:00:00Z'],
    ['last_indexed', '2023-07-12'],
    ['open_access_boolean', 'yes'],
  ])('field.type for %s = %j', (field, value) => {
    const issue = only(validateRecord(record({ [field]: value })), 'field.type');
    expect(issue).toMatchObject({ severity: 'error', field, actual: value });
    expect(issue.expected).toBeTruthy();
  });

  it.each([
    ['_version_', '-42'],
    ['first_indexed', '2012-09-27T14:51:17.123Z'],
    ['open_access_boolean', 'false'],
    ['created_date_mv', ['2012-09-27T14:51:17Z', '2013-01-01T00:00:00Z']],
  ])('accepts %s = %j', (field, value) => {
    expect(validateRecord(record({ [field]: value }))).toEqual([]);
  });

  it('checks profile field types too', () => {
    const profile = parseProfile({ fields: [{ name: 'citation_count', type: 'pint', multiValued: false }] }, 'inline');
    expect(codes(validateRecord(record({ citation_count: '3000000000' }), { profile }))).toEqual(['field.type']);
    expect(validateRecord(record({ citation_count: '30' }), { profile })).toEqual([]);
  });

  it('field.empty for empty values, once per field', () => {
    expect(only(validateRecord(record({ publisher: '' })), 'field.empty')).toMatchObject({ severity: 'info', field: 'publisher' });
    expect(only(validateRecord(record({ topic: [] })), 'field.empty').field).toBe('topic');
    expect(only(validateRecord(record({ topic: ['a', ' ', ''] })), 'field.empty').message).toContain('2 empty values of 3');
  });

  it('empty relator placeholders in role lists are not reported', () => {
    expect(validateRecord(record({ author: ['A, B'], author_role: [''] }))).toEqual([]);
  });

  it('field.not-stored for a field no Solr response can hold', () => {
    expect(only(validateRecord(record({ allfields: ['text'] })), 'field.not-stored')).toMatchObject({ severity: 'info', field: 'allfields' });
  });

  it('title.missing when no title field has text', () => {
    expect(only(validateRecord(record({ title: undefined })), 'title.missing')).toMatchObject({ severity: 'warning', recordId: 'rec-1' });
    expect(codes(validateRecord(record({ title: '' })))).toEqual(['field.empty', 'title.missing']);
    expect(validateRecord(record({ title: undefined, title_short: 'Short' }))).toEqual([]);
  });

  it('ignores Solr pseudo-fields', () => {
    expect(validateRecord(record({ score: '3.8', '[explain]': 'x' }))).toEqual([]);
  });
});

describe('validateRecord: value rules', () => {
  it.each([
    ['isbn', ['9780306406150'], 'isbn.checksum'],
    ['isbn', ['invalid-isbn'], 'isbn.invalid'],
    ['issn', ['0378-5956'], 'issn.checksum'],
    ['issn', ['12345'], 'issn.invalid'],
    ['url', ['www.example.org/x'], 'url.invalid'],
    ['publishDate', ['n.d.'], 'date.unparseable'],
    ['publishDate', ['19--'], 'date.unparseable'],
    ['language', ['Elvish'], 'language.unknown'],
  ])('%s %j -> %s', (field, value, code) => {
    const issue = only(validateRecord(record({ [field]: value })), code);
    expect(issue).toMatchObject({ field, recordId: 'rec-1', source: SOURCE, actual: value[0] });
    expect(issue.severity).toBe(RULES[code as keyof typeof RULES].severity);
    expect(issue.expected).toBeTruthy();
  });

  it.each([
    ['publishDate', ['c1993.', '[1957]', '1922-1975', '2023 Sep-Oct']],
    ['language', ['Greek', 'Multiple languages', 'eng']],
    ['isbn', ['0931688175 (cloth) :', '0-306-40615-2 :']],
    ['url', ['http://fictional.com/sample/url']],
  ])('accepts good %s values %j', (field, value) => {
    expect(validateRecord(record({ [field]: value }))).toEqual([]);
  });

  it('reports each bad value of a multi-valued field', () => {
    const issues = validateRecord(record({ isbn: ['9780306406157', '12345', '9780306406150'] }));
    expect(codes(issues)).toEqual(['isbn.invalid', 'isbn.checksum']);
  });
});
