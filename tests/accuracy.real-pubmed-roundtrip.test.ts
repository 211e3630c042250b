import { describe, expect, it } from 'vitest';
import { formatRoundTrip, indexAsVufind, loadRealRecords, measureRealRoundTrip, roundTripShare, type RoundTripReport } from '../bench/accuracy/real-pubmed.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * The real round trip: every NLM record in ../shared/data/medline/real, indexed as
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

  it('indexes the way the PubMed harvest does: no journal field, the abbreviation only in spelling', () => {
    const { records } = loadRealRecords(sharedPath('data', 'medline', 'real'));
    const doc = indexAsVufind(records.find((record) => record.pmid === '29768149') as (typeof records)[number]);
    expect(doc.container_title).toBeUndefined();
    expect(String(doc.spelling)).toContain('N Engl J Med');
    expect(String(doc.spelling).startsWith(`${String(doc.id)}2024-01-15 `)).toBe(true);
  });

  it('writes every identifier, title, year, language, type, journal abbreviation, copyright and abstract NLM has', () => {
    for (const row of report.rows.filter((each) => each.field !== 'authors')) {
      expect([row.field, row.solrJson], JSON.stringify(report.differences.filter((d) => d.field === row.field))).toEqual([row.field, row.held]);
    }
  });

  it('gives back >= 98% of the fields from Solr JSON and >= 97% from the scrape (target 99%: see docs/accuracy.md for the gap)', () => {
    // Measured: 98.61% / 97.69%. The gap: three 2003-2006 MEDLINE-text records whose AU tags cut
    // initials to two letters (NLM's XML today writes "Ruth J F" as RJF), and two scrapes
    // without work keys (a consortium name holding a comma; "FitzGerald, J Mark").
    expect(roundTripShare(report, 'solrJson')).toBeGreaterThanOrEqual(98);
    expect(roundTripShare(report, 'scrape')).toBeGreaterThanOrEqual(97);
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
