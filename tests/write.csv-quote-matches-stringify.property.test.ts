import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow, csvRows } from '../src/write/csv-quote.js';

/**
 * CSV rows are quoted by a small hand-written function (src/write/csv-quote.ts); they must be
 * the bytes csv-stringify gives with the options the CSV writer used before it
 * (`record_delimiter: 'windows'`, `quoted_match: /[\r\n]/`), on hostile cells.
 */
const STRINGIFY_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

const hostile = fc.constantFrom(
  '', ' ', '"', '""', ',', '\r', '\n', '\r\n', '\n\r', '\uFEFF', '\uFEFFid', ' leading', 'trailing ', '  both  ',
  'a "quoted" word', 'x,y', 'line\nbreak', 'cr\ronly', 'crlf\r\nend', '"\r\n,', '=1+2', '\t', 'ü漢字😀', '\u2028', '\u0000', 'a|b\\|c',
);
const cell = fc.oneof(hostile, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', ' ', 'a', '\uFEFF') }));
const row = fc.array(cell, { minLength: 1, maxLength: 8 });

describe('the hand-written RFC 4180 quoter', () => {
  it('gives csv-stringify\'s bytes for one row', () => {
    fc.assert(fc.property(row, (cells) => {
      expect(csvRow(cells)).toBe(stringify([cells], STRINGIFY_OPTIONS));
    }), { numRuns: 5000, seed: 20261206 });
  });

  it('gives csv-stringify\'s bytes for a batch of rows, empty batch included', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
      expect(csvRows(rows)).toBe(stringify(rows, STRINGIFY_OPTIONS));
    }), { numRuns: 2000, seed: 20261207 });
  });

  it('quotes what RFC 4180 needs quoted and nothing else', () => {
    expect(csvRow(['plain', ' spaced ', '', 'a,b', 'say "hi"', 'two\nlines', 'cr\r'])).toBe('plain, spaced ,,"a,b","say ""hi""","two\nlines","cr\r"\r\n');
  });
});
