import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import type { BibRecord } from '../src/model/record.js';
import { CrossRecordChecks } from '../src/pipeline/cross-record.js';
import { fingerprint, FingerprintTable } from '../src/pipeline/fingerprint-table.js';

function raw(id: string, ordinal: number): RawRecord {
  return { format: 'solr-json', source: { file: 'export.json', ordinal }, fields: { id }, issues: [] };
}

function record(id: string, extra: Partial<BibRecord> = {}, identifiers: Partial<BibRecord['identifiers']> = {}): BibRecord {
  return {
    id, type: 'article', authors: [], corporateAuthors: [], languages: [], published: {}, container: {},
    identifiers: { isbn: [], issn: [], oclc: [], ...identifiers }, urls: [], subjects: [], publicationTypes: [],
    formats: [], series: [], inferred: [], source: { file: 'export.json', ordinal: 1, format: 'solr-json' }, ...extra,
  };
}

describe('duplicate ids', () => {
  it('flags later records with an id already seen, not the first', () => {
    const checks = new CrossRecordChecks();
    expect(checks.check(raw('a', 1))).toEqual([]);
    expect(checks.check(raw('b', 2))).toEqual([]);
    const issues = checks.check(raw('a', 3));
    expect(issues.map((issue) => [issue.code, issue.recordId, issue.source?.ordinal])).toEqual([['id.duplicate', 'a', 3]]);
    expect(checks.check(raw('a', 4))).toHaveLength(1);
  });

  it('finds no false duplicate among 200 000 distinct ids and every true one', () => {
    const checks = new CrossRecordChecks();
    let duplicates = 0;
    for (let i = 0; i < 200_000; i++) duplicates += checks.check(raw(`id-${i}`, i + 1)).length;
    expect(duplicates).toBe(0);
    for (let i = 0; i < 200_000; i += 1000) duplicates += checks.check(raw(`id-${i}`, 1)).length;
    expect(duplicates).toBe(200);
  });
});

describe('the fingerprint table', () => {
  it('keeps keys across growth, with the first value stored', () => {
    const table = new FingerprintTable(3, 16);
    for (let i = 0; i < 5000; i++) expect(table.insert(fingerprint(`k${i}`), fingerprint(`v${i}`))).toBe(-1);
    expect(table.size).toBe(5000);
    const slot = table.insert(fingerprint('k4321'), fingerprint('other'));
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(table.valueAt(slot)).toEqual(fingerprint('v4321'));
    expect(table.byteLength).toBeLessThanOrEqual(8192 * 24);
  });
});

describe('duplicate DOIs and PMIDs', () => {
  it('warns when a DOI (in any case) or PMID is on a record with another id', () => {
    const checks = new CrossRecordChecks();
    expect(checks.checkNormalized(record('a', {}, { doi: '10.1000/ABC', pmid: '123' }))).toEqual([]);
    const issues = checks.checkNormalized(record('b', {}, { doi: '10.1000/abc', pmid: '123' }));
    expect(issues.map((issue) => [issue.code, issue.recordId, issue.severity, issue.field])).toEqual([
      ['doi.duplicate', 'b', 'warning', 'doi'],
      ['pmid.duplicate', 'b', 'warning', 'pmid'],
    ]);
    expect(issues[0]?.source).toEqual({ file: 'export.json', ordinal: 1 });
  });

  it('does not warn for the same id seen again (that is id.duplicate) or for different identifiers', () => {
    const checks = new CrossRecordChecks();
    checks.checkNormalized(record('a', {}, { doi: '10.1000/x' }));
    expect(checks.checkNormalized(record('a', {}, { doi: '10.1000/x' }))).toEqual([]);
    expect(checks.checkNormalized(record('c', {}, { doi: '10.1000/y', pmid: '9' }))).toEqual([]);
  });
});

describe('fill rates', () => {
  it('reports a field below its minimum once, at the end, counting only records of the rule type', () => {
    const checks = new CrossRecordChecks({ fillRates: [{ field: 'doi', type: 'article', minimum: 0.95 }, { field: 'published.year', minimum: 0.5 }] });
    checks.checkNormalized(record('a', { published: { year: 2020 } }, { doi: '10.1/a' }));
    checks.checkNormalized(record('b', { published: { year: 2021 } }));
    checks.checkNormalized(record('c', { type: 'book' }));
    const issues = checks.finish();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'fill-rate.below-minimum', severity: 'error', field: 'doi', actual: { filled: 1, records: 2, share: 0.5 }, expected: '>= 95%' });
    expect(issues[0]?.recordId).toBeUndefined();
    expect(issues[0]?.message).toContain('1 of 2 converted article records (50%)');
  });

  it('treats empty strings and lists as missing and says nothing without matching records', () => {
    const checks = new CrossRecordChecks({ fillRates: [{ field: 'languages', minimum: 1 }, { field: 'isbn', type: 'book', minimum: 1 }] });
    checks.checkNormalized(record('a', { languages: [{ name: 'English' }] }));
    checks.checkNormalized(record('b', { languages: [] }));
    expect(checks.finish().map((issue) => issue.field)).toEqual(['languages']);
  });

  it('rejects a field the model does not have', () => {
    expect(() => new CrossRecordChecks({ fillRates: [{ field: 'dio', minimum: 1 }] })).toThrow(/Unknown record field "dio"/);
  });
});
