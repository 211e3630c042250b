import { expect, it } from 'vitest';
import { processRecord } from '../src/pipeline/process.js';
import { rawRecords } from './helpers/raw-records.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/** A Solr dump with `fullrecord`, read by the engine: the reader attaches the MARC and the crosswalk fills the record from it. */

describeWithShared('MARC crosswalk through the engine', () => {
  it('testbug2.json: series with numbering, extent and headings come from the fullrecord, not the flattened index', async () => {
    const processed = [];
    for await (const raw of rawRecords([sharedPath('data', 'vufind', 'fixtures', 'testbug2.json')])) processed.push(processRecord(raw));
    expect(processed).toHaveLength(1);
    const record = processed[0]?.record;
    expect(record?.marc?.seriesEntries.map((entry) => [entry.title, entry.number])).toEqual([
      ['Opere di Giambattista Vico', '2/1'], ['Vico, Giambattista, 1668-1744. Works. 1982', '2, pt. 1'],
    ]);
    expect(record?.subjects).toEqual(['Naples (Kingdom) -- History -- Spanish rule, 1442-1707 -- Sources']);
    expect([record?.title, record?.subtitle, record?.marc?.extent]).toEqual(['La congiura dei Principi Napoletani 1701', '(prima e seconda stesura)', '296 p.']);
    expect(processed[0]?.issues.map((issue) => issue.code)).toContain('marc.indexed-field-differs');
  });
});
