import { beforeAll, describe, expect, it } from 'vitest';
import type { BibRecord } from '../src/model/record.js';
import { CrossRecordChecks, fillRateIssues, type RecordKeys } from '../src/pipeline/cross-record.js';
import { fingerprint, FingerprintTable, loadFingerprints } from '../src/pipeline/fingerprint-table.js';
import { isFilled, resolveModelField } from '../src/model/fields.js';

beforeAll(loadFingerprints);

/** The keys a worker computes for a raw record (and, when converted, its identifiers). */
function keys(id: string, ordinal: number, identifiers: { doi?: string; pmid?: string } = {}, converted = true): RecordKeys {
  const key: RecordKeys = { id, idKey: fingerprint(id), converted, source: { file: 'export.json', line: ordinal + 1, ordinal } };
  if (converted && (identifiers.doi !== undefined || identifiers.pmid !== undefined)) {
    key.recordIdKey = key.idKey;
    if (identifiers.doi !== undefined) Object.assign(key, { doi: identifiers.doi, doiKey: fingerprint(`doi:${identifiers.doi.toLowerCase()}`) });
    if (identifiers.pmid !== undefined) Object.assign(key, { pmid: identifiers.pmid, pmidKey: fingerprint(`pmid:${identifiers.pmid}`) });
  }
  return key;
}

describe('duplicate ids', () => {
  it('flags later records with an id already seen, not the first, and names the first', () => {
    const checks = new CrossRecordChecks();
    expect(checks.check(keys('a', 1))).toBeUndefined();
    expect(checks.check(keys('b', 2))).toBeUndefined();
    const found = checks.check(keys('a', 3));
    expect(found?.raw.map((issue) => [issue.code, issue.recordId, issue.source?.ordinal])).toEqual([['id.duplicate', 'a', 3]]);
    expect(found?.raw[0]?.related).toEqual({ file: 'export.json', line: 2, ordinal: 1, recordId: 'a' });
    expect(found?.raw[0]?.message).toContain('export.json:2 (record 1)');
    expect(checks.check(keys('a', 4))?.raw).toHaveLength(1);
  });

  it('finds no false duplicate among 200 000 distinct ids and every true one', () => {
    const checks = new CrossRecordChecks();
    let duplicates = 0;
    for (let i = 0; i < 200_000; i++) duplicates += checks.check(keys(`id-${i}`, i + 1))?.raw.length ?? 0;
    expect(duplicates).toBe(0);
    for (let i = 0; i < 200_000; i += 1000) duplicates += checks.check(keys(`id-${i}`, 1))?.raw.length ?? 0;
    expect(duplicates).toBe(200);
  });

  it('skips the identifier checks of a record its duplicate id rejects, unless the severity is lowered', () => {
    const strict = new CrossRecordChecks();
    strict.check(keys('a', 1, { doi: '10.1/x' }));
    expect(strict.check(keys('a', 2, { doi: '10.1/x' }))?.normalized).toEqual([]);
    const lenient = new CrossRecordChecks({ 'id.duplicate': 'warning' });
    lenient.check(keys('a', 1, { doi: '10.1/x' }));
    lenient.check(keys('a', 2, { doi: '10.1/x' }));
    // Same id, same DOI: the id's finding, not a DOI duplicate.
    expect(lenient.check(keys('a', 3, { doi: '10.1/x' }))?.normalized).toEqual([]);
  });
});

describe('the fingerprint table', () => {
  it('keeps keys across growth, with the first value stored', () => {
    const table = new FingerprintTable(1, 16);
    for (let i = 0; i < 5000; i++) expect(table.insert(fingerprint(`k${i}`), [i])).toBe(-1);
    expect(table.size).toBe(5000);
    const slot = table.insert(fingerprint('k4321'), [7]);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(table.find(fingerprint('k4321'))).toBe(slot);
    expect(table.valueAt(slot)).toBe(4321);
    expect(table.find(fingerprint('absent'))).toBe(-1);
    expect(table.byteLength).toBeLessThanOrEqual(8192 * 12);
  });
});

describe('duplicate DOIs and PMIDs', () => {
  it('warns when a DOI (in any case) or PMID is on a record with another id, naming the first record', () => {
    const checks = new CrossRecordChecks();
    expect(checks.check(keys('a', 1, { doi: '10.1000/ABC', pmid: '123' }))).toBeUndefined();
    const found = checks.check(keys('b', 2, { doi: '10.1000/abc', pmid: '123' }));
    expect(found?.normalized.map((issue) => [issue.code, issue.recordId, issue.severity, issue.field])).toEqual([
      ['doi.duplicate', 'b', 'warning', 'doi'],
      ['pmid.duplicate', 'b', 'warning', 'pmid'],
    ]);
    expect(found?.normalized[0]?.source).toEqual({ file: 'export.json', line: 3, ordinal: 2 });
    expect(found?.normalized[0]?.related?.recordId).toBe('a');
    expect(found?.normalized[0]?.message).toContain('"a" at export.json:2 (record 1)');
  });

  it('does not warn for different identifiers or unconverted records', () => {
    const checks = new CrossRecordChecks();
    checks.check(keys('a', 1, { doi: '10.1000/x' }));
    expect(checks.check(keys('c', 2, { doi: '10.1000/y', pmid: '9' }))).toBeUndefined();
    expect(checks.check(keys('d', 3, { doi: '10.1000/x' }, false))).toBeUndefined();
  });
});

function record(id: string, extra: Partial<BibRecord> = {}, identifiers: Partial<BibRecord['identifiers']> = {}): BibRecord {
  return {
    id, type: 'article', authors: [], corporateAuthors: [], languages: [], published: {}, container: {},
    identifiers: { isbn: [], issn: [], oclc: [], ...identifiers }, urls: [], subjects: [], publicationTypes: [],
    formats: [], series: [], inferred: [], source: { file: 'export.json', ordinal: 1, format: 'solr-json' }, ...extra,
  } as BibRecord;
}

describe('fill rates', () => {
  it('reports a field below its minimum once, counting only records of the rule type', () => {
    const rules = [{ field: 'doi', type: 'article' as const, minimum: 0.95 }, { field: 'published.year', minimum: 0.5 }];
    const records = [record('a', { published: { year: 2020 } }, { doi: '10.1/a' }), record('b', { published: { year: 2021 } }), record('c', { type: 'book' })];
    const counts = rules.map((rule) => {
      const inScope = records.filter((r) => rule.type === undefined || r.type === rule.type);
      return { records: inScope.length, filled: inScope.filter((r) => isFilled(r, resolveModelField(rule.field)!)).length };
    });
    const issues = fillRateIssues(rules, counts);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'fill-rate.below-minimum', severity: 'error', field: 'doi', actual: { filled: 1, records: 2, share: 0.5 }, expected: '>= 95%' });
    expect(issues[0]?.message).toContain('1 of 2 converted article records (50%)');
  });

  it('says nothing without matching records', () => {
    expect(fillRateIssues([{ field: 'isbn', type: 'book', minimum: 1 }], [{ records: 0, filled: 0 }])).toEqual([]);
  });
});
