import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvWriter } from '../src/write/csv.js';
import { loadAllRecords, loadRecord, render } from './helpers/record-fixtures.js';
import { parseCsvStrict } from './helpers/validators.js';

const ALL_IDS = CSV_COLUMNS.map((column) => column.id);

function rowsOf(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvStrict(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, index) => [name, row[index] ?? ''])));
}

describe('CSV writer: shape', () => {
  it('has a header of the documented default columns, CRLF line ends and one row per record', () => {
    const text = render(csvWriter, loadAllRecords());
    const rows = parseCsvStrict(text);
    expect(rows[0]).toEqual(ALL_IDS);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(ALL_IDS.length);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\n')).toBe(true); // only inside quoted cells
  });

  it('writes the header alone when there are no records; columns never depend on the records', () => {
    expect(parseCsvStrict(render(csvWriter, []))).toEqual([ALL_IDS]);
    const sparse = parseCsvStrict(render(csvWriter, [loadRecord('minimal')]));
    expect(sparse[1]).toHaveLength(ALL_IDS.length);
  });

  it('takes the columns the user chose, in that order', () => {
    const text = render(csvWriter, [loadRecord('seed')], { csvColumns: ['pmid', 'title', 'year'] });
    expect(parseCsvStrict(text)).toEqual([
      ['pmid', 'title', 'year'],
      ['37424412', 'The Role of Glutamate Underlying Treatment-resistant Depression', '2023'],
    ]);
  });

  it('throws a usage error at open() for an unknown column, naming the known ones', () => {
    expect(() => csvWriter.open({ csvColumns: ['title', 'auther'] })).toThrow(/unknown column "auther".*known columns: id, type, title/);
    expect(() => csvWriter.open({ csvColumns: [] })).toThrow(/no columns/);
  });

  it('starts with a UTF-8 BOM only on request', () => {
    expect(render(csvWriter, [], { csvBom: true }).startsWith('\uFEFFid,')).toBe(true);
    expect(render(csvWriter, []).startsWith('id,')).toBe(true);
  });
});

describe('CSV writer: the seed article', () => {
  it('writes the expected cells', () => {
    const [row] = rowsOf(render(csvWriter, [loadRecord('seed')]));
    expect(row).toMatchObject({
      id: 'pubmed-10335903',
      type: 'article',
      authors: 'Kim, Jeongseop|Kim, Tae-Eun|Lee, Seung-Hwan|Koo, Ja Wook',
      doi: '10.9758/cpn.22.1034',
      pmid: '37424412',
      pmcid: 'PMC10335903',
      year: '2023',
      date: '2023',
      languages: 'eng',
      publisher: 'Korean College of Neuropsychopharmacology',
      journal: '',
      journal_abbreviation: 'Clin Psychopharmacol Neurosci',
      publication_types: 'Review',
      formats: 'Online|Article|Text',
      license: 'https://creativecommons.org/licenses/by-nc/4.0/',
      inferred: 'container.abbreviation from spelling|publicationTypes from spelling|license from spelling',
      source_file: 'samples/000_d603f818e8ddaeae.txt',
      source_line: '1',
    });
  });
});

describe('CSV writer: awkward values', () => {
  const record = loadRecord('awkward');

  it('round-trips quotes, commas, newlines and markup through a strict reader (formula escape off)', () => {
    const [row] = rowsOf(render(csvWriter, [record], { csvNoFormulaEscape: true }));
    expect(row?.id).toBe(record.id);
    expect(row?.title).toBe(record.title);
    expect(row?.abstract).toBe(record.abstract);
    expect(row?.source_file).toBe(record.source.file);
    expect(row?.corporate_authors).toBe(record.corporateAuthors[0]);
    expect(row?.authors?.split('|')).toHaveLength(40);
    expect(row?.authors?.split('|').slice(0, 2)).toEqual(['Müller-Lüdenscheidt, Jörg, Jr.', '王, 小明']);
  });

  it('neutralizes formula cells by default and leaves them on request', () => {
    const [safe] = rowsOf(render(csvWriter, [record]));
    expect(safe?.title?.startsWith("'=HYPERLINK(")).toBe(true);
    expect(safe?.publisher).toBe("'+Plus Publisher, Inc.");
    expect(safe?.volume).toBe("'-12");
    expect(safe?.issue).toBe("'@3");
    expect(safe?.pmid).toBe('12345678');
    const [raw] = rowsOf(render(csvWriter, [record], { csvNoFormulaEscape: true }));
    expect(raw?.title).toBe(record.title);
    expect(raw?.volume).toBe('-12');
  });

  it('escapes backslash and separator inside multi-valued cells so they split back exactly', () => {
    const [row] = rowsOf(render(csvWriter, [record], { csvNoFormulaEscape: true }));
    expect(row?.subjects).toBe('Mental health|Depression \\| anxiety|Backslash \\\\ subject|\tTabbed subject');
    expect(row?.urls).toBe('https://example.org/a?b=1&c=2|https://example.org/with\\|pipe');
    const [withSemicolon] = rowsOf(render(csvWriter, [record], { csvSeparator: '; ', csvColumns: ['subjects'] }));
    expect(withSemicolon?.subjects).toBe('Mental health; Depression | anxiety; Backslash \\\\ subject; \tTabbed subject');
  });

  it('refuses a separator that cannot be escaped', () => {
    expect(() => csvWriter.open({ csvSeparator: '' })).toThrow(/separator/);
    expect(() => csvWriter.open({ csvSeparator: '\\' })).toThrow(/separator/);
  });
});
