import { describe, expect, it } from 'vitest';
import { measureAccuracy, share, type Tally } from '../bench/accuracy/measure.js';

/**
 * A small run of `npm run accuracy` (docs/accuracy.md). Thresholds sit a little under the
 * targets met on 10,000 records, so that a regression fails and chance does not.
 */
describe('reconstruction accuracy on a 300-record corpus', () => {
  it('reconstructs scrapes close to the truth, and as the Solr JSON does', async () => {
    const report = await measureAccuracy({ seed: 20240601, count: 300 });
    const rate = (tally: Tally, field: keyof Tally['right']): number => share(tally.right[field], tally.records);
    const withKeys = report.scrapeWithWorkKeys;
    const withoutKeys = report.scrapeWithoutWorkKeys;
    expect(withKeys.records).toBeGreaterThan(150);
    expect(withoutKeys.records).toBeGreaterThan(40);
    expect(rate(withKeys, 'authors')).toBeGreaterThanOrEqual(99);
    expect(rate(withoutKeys, 'authors')).toBeGreaterThanOrEqual(94);
    for (const tally of [withKeys, withoutKeys, report.solrJson]) {
      for (const field of ['pmid', 'pmcid', 'doi', 'isbn', 'year'] as const) expect(rate(tally, field)).toBe(100);
      expect(rate(tally, 'languages')).toBeGreaterThanOrEqual(99);
      expect(rate(tally, 'journalAbbreviation')).toBeGreaterThanOrEqual(97);
      expect(tally.rejected).toBe(0);
    }
    expect(rate(report.solrJson, 'authors')).toBe(100);
    expect(share(report.identical.sameExceptSubjects, report.identical.records)).toBeGreaterThanOrEqual(98);
    // A wrong author list should come with a warning.
    expect(report.wrongAuthors.warned).toBeGreaterThanOrEqual(report.wrongAuthors.total - 1);
  });
});
