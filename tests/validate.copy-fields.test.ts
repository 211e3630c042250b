import { describe, expect, it } from 'vitest';
import type { Issue } from '../src/model/issue.js';
import type { RawRecord, RawValue } from '../src/model/raw-record.js';
import { validateRecord } from '../src/validate/index.js';

function record(fields: Record<string, RawValue>): RawRecord {
  return { format: 'staff-view', source: { file: 'seed.txt', line: 1 }, fields: { id: 'r', title: 'T', ...fields }, issues: [] };
}

function copyIssues(fields: Record<string, RawValue>): Issue[] {
  return validateRecord(record(fields)).filter((issue) => issue.code === 'copy-field.inconsistent');
}

describe('title copies', () => {
  it('agree when title_fullStr and title_full_unstemmed equal title_full', () => {
    expect(copyIssues({ title_full: 'The Role of X', title_fullStr: 'The Role of X', title_full_unstemmed: 'The  Role of X ' })).toEqual([]);
  });

  it('are reported when they differ', () => {
    const issues = copyIssues({ title_full: 'The Role of X', title_fullStr: 'The Role of Y', title_full_unstemmed: 'The Role of X' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', field: 'title_fullStr', actual: ['The Role of Y'], recordId: 'r' });
    expect(issues[0]?.expected).toContain('title_full');
  });

  it('are reported when title_full is absent', () => {
    expect(copyIssues({ title_fullStr: 'Orphan' })).toHaveLength(1);
  });
});

describe('author_facet', () => {
  const authors = { author: ['Kim, Jeongseop', 'Kim, Tae-Eun'], author2: ['Koo, Ja Wook'], author_corporate: ['NIMH'] };

  it('agrees with author + author2 + author_corporate, in any order', () => {
    expect(copyIssues({ ...authors, author_facet: ['Kim, Jeongseop', 'Kim, Tae-Eun', 'Koo, Ja Wook', 'NIMH'] })).toEqual([]);
    expect(copyIssues({ ...authors, author_facet: ['NIMH', 'Koo, Ja Wook', 'Kim, Jeongseop', 'Kim, Tae-Eun'] })).toEqual([]);
  });

  it('agrees when a scrape left it flattened into one value', () => {
    expect(copyIssues({ ...authors, author_facet: 'Kim, Jeongseop Kim, Tae-Eun Koo, Ja Wook NIMH' })).toEqual([]);
  });

  it('is reported when a value is missing or extra', () => {
    const missing = copyIssues({ ...authors, author_facet: ['Kim, Jeongseop', 'Kim, Tae-Eun', 'Koo, Ja Wook'] });
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain('lacks "NIMH"');
    const extra = copyIssues({ author: ['A, B'], author_facet: ['A, B', 'C, D'] });
    expect(extra[0]?.message).toContain('"C, D"');
  });

  it('counts repeated values', () => {
    expect(copyIssues({ author: ['A, B', 'A, B'], author_facet: ['A, B'] })).toHaveLength(1);
  });

  it('is reported when it has values but no source does', () => {
    expect(copyIssues({ author_facet: ['A, B'] })[0]?.message).toContain('absent');
  });
});

describe('author_sort', () => {
  it('agrees with the first author, dates and punctuation aside', () => {
    expect(copyIssues({ author: ['Bryant, Dorothy, 1930-'], author_sort: 'Bryant, Dorothy, 1930-' })).toEqual([]);
    expect(copyIssues({ author: ['Bryant, Dorothy, 1930-'], author_sort: 'Bryant, Dorothy' })).toEqual([]);
    expect(copyIssues({ author: ['Kim, Jeongseop', 'Koo, Ja Wook'], author_sort: 'kim jeongseop' })).toEqual([]);
    expect(copyIssues({ author: ['Müller, Jörg'], author_sort: 'Muller, Jorg' })).toEqual([]);
  });

  it('may come from the corporate or added author when there is no main author', () => {
    expect(copyIssues({ author2: ['Unione matematica italiana'], author_sort: 'Unione matematica italiana' })).toEqual([]);
  });

  it('is reported when it names someone else', () => {
    const issues = copyIssues({ author: ['Kim, Jeongseop', 'Koo, Ja Wook'], author_sort: 'Koo, Ja Wook' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'author_sort', actual: ['Koo, Ja Wook'] });
  });
});
