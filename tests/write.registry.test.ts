import { describe, expect, it } from 'vitest';
import { findWriter, writers } from '../src/write/index.js';
import { loadRecord } from './helpers/record-fixtures.js';

describe('writer registry', () => {
  it('finds the four required formats and the nbib bonus by name', () => {
    expect(writers.map((writer) => [writer.name, writer.fileName])).toEqual([
      ['medline', 'medline.xml'],
      ['jsonld', 'records.jsonld'],
      ['csv', 'records.csv'],
      ['ndjson', 'records.ndjson'],
      ['nbib', 'records.nbib'],
    ]);
    expect(findWriter('csv')?.mediaType).toBe('text/csv');
    expect(findWriter('marc')).toBeUndefined();
  });

  it('every writer opens with default options and writes the seed', () => {
    for (const writer of writers) {
      const session = writer.open({});
      const text = session.start() + session.write(loadRecord('seed')) + session.end();
      expect(text, writer.name).toContain('37424412');
    }
  });
});
