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

describe('formatRecords: a writer that starts and ends itself', () => {
  it('gives the whole document, passing over records the format does not take', async () => {
    const { formatRecords } = await import('../src/write/format.js');
    const { processRecord } = await import('../src/pipeline/process.js');
    const record = processRecord({ format: 'solr-json', source: { file: 'x', ordinal: 1 }, fields: { id: 'r1', title: 'A title', format: ['Book'] }, issues: [] }).record!;
    let csv = '';
    for await (const text of formatRecords([record, undefined, record], 'csv', { csvColumns: ['id', 'title'] })) csv += text;
    expect(csv).toBe('id,title\r\nr1,A title\r\nr1,A title\r\n');
    let medline = '';
    for await (const text of formatRecords([record], 'medline')) medline += text;
    expect(medline).toBe('');
    // No record, no document: the same rule as the CLI's output files (requiresRecords).
    let jsonld = '';
    for await (const text of formatRecords([undefined], 'jsonld')) jsonld += text;
    expect(jsonld).toBe('');
  });
});
