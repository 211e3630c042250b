import { describe, expect, it } from 'vitest';
import type { BibRecord } from '../src/model/record.js';
import { writers } from '../src/write/index.js';
import { expectLinearGrowth } from './helpers/growth.js';
import { loadRecord } from './helpers/record-fixtures.js';

const MEGABYTE = 1 << 20;

describe('writers on hostile values', () => {
  it.each([
    ['commas', (size: number) => ', , , ,'.repeat(size / 8)],
    ['spaces', (size: number) => ' '.repeat(size)],
    ['hyphens and dots', (size: number) => '-.'.repeat(size / 2)],
    ['pipes and backslashes', (size: number) => '|\\'.repeat(size / 2)],
  ])('a 1 MB field of %s is written by every writer in linear time', async (_name, valueOf) => {
    const seed = loadRecord('seed');
    const recordWith = (value: string): BibRecord => ({
      ...seed,
      title: value,
      abstract: value,
      authors: [{ family: value, given: value }],
      subjects: [value],
      identifiers: { ...seed.identifiers, doi: `10.1000/${value.slice(0, 1000)}` },
    });
    const write = (writer: (typeof writers)[number], record: BibRecord): string => {
      const session = writer.open({});
      return session.start() + session.write(record) + session.end();
    };
    for (const writer of writers) {
      expect(write(writer, recordWith(valueOf(MEGABYTE))), writer.name).toContain('37424412');
      // From 256 KB: below it, string building runs in a cheaper garbage-collection regime.
      await expectLinearGrowth(writer.name, (size) => write(writer, recordWith(valueOf(size))), { small: 256 * 1024, large: 2 * 1024 * 1024, runs: 1 });
    }
  });
});
