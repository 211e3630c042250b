import { describe, expect, it } from 'vitest';
import { BibRecordSchema, type BibRecord } from '../src/model/record.js';
import { ndjsonWriter, orderRecordKeys } from '../src/write/ndjson.js';
import { loadAllRecords, loadRecord, render } from './helpers/record-fixtures.js';

/** The same record with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversedKeys(child)]));
}

describe('NDJSON writer', () => {
  it('writes one parseable line per record that is the record itself', () => {
    const records = loadAllRecords();
    const lines = render(ndjsonWriter, records).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(records.length);
    lines.forEach((line, index) => expect(BibRecordSchema.parse(JSON.parse(line))).toEqual(records[index]));
  });

  it('orders keys as BibRecordSchema declares them, nested objects included, whatever the input order', () => {
    const record = loadRecord('awkward');
    const scrambled = reversedKeys(record) as BibRecord;
    expect(Object.keys(scrambled)[0]).toBe('source');
    const line = render(ndjsonWriter, [scrambled]);
    expect(line).toBe(render(ndjsonWriter, [record]));
    const parsed = JSON.parse(line) as Record<string, Record<string, unknown>>;
    expect(Object.keys(parsed)).toEqual(Object.keys(BibRecordSchema.shape).filter((key) => key in record));
    expect(Object.keys(parsed.identifiers ?? {})).toEqual(['pmid', 'doi', 'isbn', 'issn', 'oclc']);
    expect(Object.keys((parsed.authors as unknown as Record<string, unknown>[])[0] ?? {})).toEqual(['family', 'given', 'suffix']);
    expect(Object.keys(parsed.source ?? {})).toEqual(['file', 'line', 'ordinal', 'format']);
  });

  it('keeps keys the schema does not know, after the known ones, sorted', () => {
    const record = { zeta: 1, ...loadRecord('minimal'), alpha: 2 } as unknown as BibRecord;
    expect(Object.keys(orderRecordKeys(record)).slice(-2)).toEqual(['alpha', 'zeta']);
  });
});
