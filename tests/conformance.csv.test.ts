import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BibRecord } from '../src/model/record.js';
import { CSV_COLUMNS, csvWriter } from '../src/write/csv.js';
import { withoutControlCharacters } from '../src/text.js';
import { loadRecord, render } from './helpers/record-fixtures.js';
import { parseCsvStrict } from './helpers/validators.js';

/** Splits a multi-valued cell written with backslash escapes back into its values. */
function splitListCell(cell: string, separator: string): string[] {
  const values: string[] = [];
  let current = '';
  for (let index = 0; index < cell.length; index += 1) {
    if (cell[index] === '\\') {
      index += 1;
      current += cell.startsWith(separator, index) ? separator : (cell[index] ?? '');
      index += cell.startsWith(separator, index) ? separator.length - 1 : 0;
    } else if (cell.startsWith(separator, index)) {
      values.push(current);
      current = '';
      index += separator.length - 1;
    } else current += cell[index];
  }
  values.push(current);
  return values;
}

const text = fc.string({ unit: 'binary', maxLength: 40 });

describe('CSV conformance: RFC 4180 read back by csv-parse (strict defaults)', () => {
  it('any text in single- and multi-valued cells reads back exactly, one row of fixed width per record', () => {
    const base = loadRecord('minimal');
    fc.assert(
      fc.property(text, fc.array(text.filter((s) => s !== ''), { minLength: 1, maxLength: 5 }), fc.constantFrom('|', '; '), (title, subjects, separator) => {
        const record: BibRecord = { ...base, title, subjects };
        const rows = parseCsvStrict(render(csvWriter, [record, record], { csvNoFormulaEscape: true, csvSeparator: separator }));
        expect(rows).toHaveLength(3);
        for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
        const titleIndex = CSV_COLUMNS.findIndex((column) => column.id === 'title');
        const subjectsIndex = CSV_COLUMNS.findIndex((column) => column.id === 'subjects');
        // Control and bidi characters are left out (value.control-character says so); everything else reads back.
        expect(rows[1]?.[titleIndex]).toBe(withoutControlCharacters(title));
        expect(splitListCell(rows[1]?.[subjectsIndex] ?? '', separator)).toEqual(subjects.map(withoutControlCharacters));
      }),
      { numRuns: 300 },
    );
  });

  it('no cell of the default output can start a formula', () => {
    const base = loadRecord('minimal');
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), text, (trigger, rest) => {
        const rows = parseCsvStrict(render(csvWriter, [{ ...base, title: trigger + rest, publisher: trigger }]));
        for (const cell of rows[1] ?? []) expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(cell.charAt(0));
      }),
      { numRuns: 100 },
    );
  });
});
