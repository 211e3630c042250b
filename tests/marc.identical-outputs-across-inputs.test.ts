import { expect, it } from 'vitest';
import { measureMarcAccuracy } from '../bench/accuracy/marc.js';
import { differingOutputs, outputTexts } from '../bench/accuracy/marc-outputs.js';
import type { BibRecord } from '../src/model/record.js';
import { HAS_MARC_CORPUS } from './helpers/marc-corpus.js';
import { HAS_XSLTPROC } from './helpers/marc-staff-view.js';
import { describeWhen, HAS_SHARED } from './helpers/shared.js';
import { loadRecord } from './helpers/record-fixtures.js';

/**
 * Issue 21's target: the same MARC record read from its fullrecord (Solr NDJSON, Solr XML,
 * a Solr JSON response, in all three encodings), its MARC Staff View scrape, its .mrc and
 * its MARCXML gives identical outputs in every format, leaving out only what says which
 * input it came from (bench/accuracy/marc-outputs.ts; README "What a scrape can and cannot
 * give back"). Measured on the dev corpus, or VuFind's own MARC records where it is absent.
 */

describeWhen('identical outputs from every MARC input', HAS_SHARED && HAS_XSLTPROC, 'needs ../shared (VuFind\'s MARC records and record-marc.xsl) and xsltproc', () => {
  it(`every record of ${HAS_MARC_CORPUS ? 'the dev corpus' : 'VuFind\'s MARC test records'} gives the same text in every output format from every input`, async () => {
    const report = await measureMarcAccuracy({ set: 'dev', command: 'test' });
    expect(report.records).toBeGreaterThan(100);
    expect(Object.values(report.inputs).filter((input) => input.unavailable !== undefined)).toEqual([]);
    expect(Object.keys(report.inputs)).toHaveLength(8);
    expect(report.identicalOutputs.differingOutputs).toEqual({});
    expect(report.identicalOutputs).toMatchObject({ records: report.records, same: report.records });
    expect(report.identical.differingPaths).toEqual({});
  });
}, { requiredInCi: true });

it('the comparison leaves out only where a record was read from, its Solr version and the leader\'s storage positions', () => {
  const record: BibRecord = { ...loadRecord('book'), solrVersion: '1790000000000000001', marc: { agents: [], subjectHeadings: [], seriesEntries: [], publication: [], notes: [], links: [], leader: '00714cam a2200205 a 4500' } };
  const elsewhere: BibRecord = { ...record, source: { file: 'other.mrc', line: 9, format: 'marc-iso2709' }, marc: { ...record.marc!, leader: '00999cam  2200301 a 4500' } };
  delete elsewhere.solrVersion;
  expect(differingOutputs([outputTexts(record), outputTexts(elsewhere)])).toEqual([]);
  expect(differingOutputs([outputTexts(record), outputTexts({ ...record, formats: ['Thesis'] })])).toEqual(['csv', 'ndjson']);
  expect(differingOutputs([outputTexts(record), outputTexts({ ...record, marc: { ...record.marc!, leader: '00714nam a2200205 a 4500' } })])).toEqual(['ndjson']);
});
