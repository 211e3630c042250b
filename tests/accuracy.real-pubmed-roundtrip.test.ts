import { describe, expect, it } from 'vitest';
import { formatRoundTrip, indexAsVufind, INPUTS, loadRealRecords, measureRealRoundTrip, OUTPUTS, roundTripShare, type RoundTripReport } from '../bench/accuracy/real-pubmed.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * Issue 10's real round trip: every NLM record in ../shared/data/medline/real, indexed as
 * VuFind's PubMed/PMC harvest would, converted to MEDLINE XML, compared field by field with
 * NLM's own record. Skips visibly without ../shared; fails under CI=true (describeWithShared).
 */
describeWithShared('real PubMed round trip (../shared/data/medline/real)', () => {
  let report: RoundTripReport;

  it('reads every real record: 17 efetch XML + 6 MEDLINE text records', async () => {
    report = await measureRealRoundTrip(sharedPath('data', 'medline', 'real'));
    console.log(formatRoundTrip(report));
    expect(report.records).toBe(23);
  });

  it('indexes the way the PubMed harvest does: the abbreviation only in spelling (odd PMIDs without the journal title)', () => {
    const { records } = loadRealRecords(sharedPath('data', 'medline', 'real'));
    const doc = indexAsVufind(records.find((record) => record.pmid === '29768149') as (typeof records)[number]);
    expect(doc.container_title).toBeUndefined();
    expect(String(doc.spelling)).toContain('N Engl J Med');
    expect(String(doc.spelling).startsWith(`${String(doc.id)}2024-01-15 `)).toBe(true);
  });

  it('writes every identifier, title, year, language, type, journal abbreviation, copyright and abstract NLM has, in every output', () => {
    for (const row of report.rows.filter((each) => each.field !== 'authors')) {
      for (const output of OUTPUTS) {
        const cell = row.right[`solr-json ${output}`];
        expect([row.field, output, cell], JSON.stringify(report.differences.filter((d) => d.field === row.field && d.output === output))).toEqual([row.field, output, row.held]);
      }
    }
  });

  it('gives back >= 99% of the fields in MEDLINE XML and .nbib and >= 99.5% in JSON-LD, from Solr JSON and from the scrape', () => {
    // Measured (issue 19): 100% from Solr JSON, 99.54% from the scrape, in every output. The
    // one miss is a scrape without work keys whose consortium name holds a comma.
    for (const output of OUTPUTS) {
      expect(roundTripShare(report, 'solr-json', output)).toBeGreaterThanOrEqual(output === 'jsonld' ? 99.5 : 99);
      expect(roundTripShare(report, 'scrape', output)).toBeGreaterThanOrEqual(99);
    }
    for (const input of INPUTS) expect(report.accounting[input]).toMatchObject({ read: 23, converted: 23, rejected: 0 });
  });
});

describe('real PubMed round trip: the comparison can fail', () => {
  it('counts a wrong field as wrong', async () => {
    // Guard against a comparison that compares nothing: an empty folder reads no record.
    const dir = temporaryDirectory('bibpipe-rt-');
    const empty = await measureRealRoundTrip(dir);
    expect(empty.records).toBe(0);
    expect(empty.rows.every((row) => row.held === 0)).toBe(true);
  });
});

