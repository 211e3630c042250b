import { describe, expect, it } from 'vitest';
import type { BibRecord } from '../src/model/record.js';
import { writers } from '../src/write/index.js';
import { loadRecord } from './helpers/record-fixtures.js';

const MEGABYTE = 1 << 20;

describe('writers on hostile values', () => {
  it.each([
    ['commas', ', , , ,'.repeat(MEGABYTE / 8)],
    ['spaces', ' '.repeat(MEGABYTE)],
    ['hyphens and dots', '-.'.repeat(MEGABYTE / 2)],
    ['pipes and backslashes', '|\\'.repeat(MEGABYTE / 2)],
  ])('a 1 MB field of %s is written by every writer in linear time', (_name, value) => {
    const seed = loadRecord('seed');
    const record: BibRecord = {
      ...seed,
      title: value,
      abstract: value,
      authors: [{ family: value, given: value }],
      subjects: [value],
      identifiers: { ...seed.identifiers, doi: `10.1000/${value.slice(0, 1000)}` },
    };
    for (const writer of writers) {
      const started = performance.now();
      const session = writer.open({});
      const text = session.start() + session.write(record) + session.end();
      const elapsed = performance.now() - started;
      expect(text, writer.name).toContain('37424412');
      // Generous for a shared 2-core machine (linear work is ~1 s); quadratic work on 1 MB would take hours.
      expect(elapsed, writer.name).toBeLessThan(10_000);
    }
  });
});
