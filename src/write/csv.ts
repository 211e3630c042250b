import type { Issue } from '../model/issue.js';
import type { BibRecord, Contributor } from '../model/record.js';
import { fullTitle, invertedName, isoDate } from '../model/display.js';
import * as z from '../zod-mini.js';
import type { RecordWriter, WriterOptionMeta, WriterSession } from './types.js';
import { csvRow, csvRows } from './csv-quote.js';
import { alternateScripts } from './alternate-scripts.js';

/**
 * CSV (RFC 4180): comma-separated, CRLF line ends, a header row, UTF-8 (a BOM with
 * `csvBom`). Columns are fixed up front, never taken from the records: `csvColumns` picks
 * and orders them, the default is every column of `CSV_COLUMNS` in table order; the columns
 * of `OPT_IN_CSV_COLUMNS` are written only when named.
 *
 * Multi-valued cells join their values with `csvSeparator` (default `|`), order kept. So
 * that a cell can be split back unambiguously, a backslash inside a value is written `\\`
 * and the separator inside a value `\|` (backslash + separator); single-valued cells are
 * written as they are.
 *
 * A cell starting with `=`, `+`, `-`, `@`, TAB or CR would run as a spreadsheet formula
 * (OWASP "CSV injection"): it is prefixed with `'` unless `csvNoFormulaEscape` is set.
 */

type CellValue = string | number | undefined | readonly string[];

export interface CsvColumn {
  readonly id: string;
  readonly description: string;
  readonly value: (record: BibRecord) => CellValue;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { id: 'id', description: 'VuFind/Solr unique key', value: (r) => r.id },
  { id: 'type', description: 'Record type: article, book, chapter, journal, thesis, other', value: (r) => r.type },
  { id: 'title', description: 'Title with its subtitle ("Title: Subtitle")', value: (r) => fullTitle(r.title, r.subtitle) },
  { id: 'authors', description: 'Personal authors in order, each "Family, Given" (", Suffix")', value: (r) => r.authors.map(invertedName) },
  { id: 'corporate_authors', description: 'Corporate authors in order', value: (r) => r.corporateAuthors },
  { id: 'doi', description: 'DOI without URL prefix', value: (r) => r.identifiers.doi },
  { id: 'pmid', description: 'PubMed ID', value: (r) => r.identifiers.pmid },
  { id: 'contributors', description: 'Secondary authors with a role other than author, each "Family, Given (role)" or "Body (role)"', value: (r) => (r.contributors ?? []).map(contributorText) },
  { id: 'pmcid', description: 'PubMed Central ID with its PMC prefix', value: (r) => r.identifiers.pmcid },
  { id: 'isbn', description: 'ISBN-13s', value: (r) => r.identifiers.isbn },
  { id: 'issn', description: 'ISSNs (NNNN-NNNC)', value: (r) => r.identifiers.issn },
  { id: 'oclc', description: 'OCLC numbers', value: (r) => r.identifiers.oclc },
  { id: 'lccn', description: 'Library of Congress Control Number', value: (r) => r.identifiers.lccn },
  { id: 'year', description: 'Publication year', value: (r) => r.published.year },
  { id: 'date', description: 'Publication date, ISO 8601 at the known precision (YYYY, YYYY-MM, YYYY-MM-DD), else the source text', value: (r) => isoDate(r.published) ?? r.published.text },
  { id: 'languages', description: 'Languages as ISO 639-2/B codes (the name when no code is known)', value: (r) => r.languages.map((l) => l.iso639_2b ?? l.name) },
  { id: 'publisher', description: 'Publisher', value: (r) => r.publisher },
  { id: 'place_of_publication', description: 'Place of publication', value: (r) => r.placeOfPublication },
  { id: 'edition', description: 'Edition statement', value: (r) => r.edition },
  { id: 'journal', description: 'Journal (container) title', value: (r) => r.container.title },
  { id: 'journal_abbreviation', description: 'NLM journal title abbreviation', value: (r) => r.container.abbreviation },
  { id: 'volume', description: 'Volume', value: (r) => r.container.volume },
  { id: 'issue', description: 'Issue', value: (r) => r.container.issue },
  { id: 'page_start', description: 'First page', value: (r) => r.container.pageStart },
  { id: 'pages', description: 'Page range as given (empty when only the first page is known)', value: (r) => r.container.pages },
  { id: 'series', description: 'Series titles', value: (r) => r.series },
  { id: 'urls', description: 'URLs', value: (r) => r.urls },
  { id: 'subjects', description: 'Subjects (topics)', value: (r) => r.subjects },
  { id: 'publication_types', description: 'Publication types (MeSH names where known)', value: (r) => r.publicationTypes },
  { id: 'formats', description: 'VuFind format values', value: (r) => r.formats },
  { id: 'license', description: 'Licence URL', value: (r) => r.license },
  { id: 'abstract', description: 'Abstract', value: (r) => r.abstract },
  { id: 'inferred', description: 'Model fields whose value was recovered from another source field ("field from source-field")', value: (r) => r.inferred.map((i) => `${i.field} from ${i.from}`) },
  { id: 'source_file', description: 'Input the record was read from', value: (r) => r.source.file },
  { id: 'source_line', description: '1-based line where the record starts in its input', value: (r) => r.source.line },
];

/**
 * Columns written only when `csvColumns` names them: catalogue detail most users of a CSV
 * do not need, which would widen every row of the default set.
 */
export const OPT_IN_CSV_COLUMNS: readonly CsvColumn[] = [
  { id: 'author_dates', description: 'Life dates of each personal author as catalogued, in author order (empty where none)', value: (r) => r.authors.map((a) => a.dates ?? '') },
  { id: 'author_roles', description: 'Roles (relator codes or terms) of each personal author, in author order (empty where none)', value: (r) => r.authors.map((a) => (a.roles ?? []).join(' ')) },
  { id: 'author_alternate_scripts', description: 'Each personal author\'s name in its original script (MARC 880), in author order (empty where none)', value: (r) => { const scripts = alternateScripts(r); return r.authors.map((a) => scripts.person(a) ?? ''); } },
  { id: 'corporate_author_alternate_scripts', description: 'Each corporate author\'s name in its original script (MARC 880), in corporate_authors order (empty where none)', value: (r) => { const scripts = alternateScripts(r); return r.corporateAuthors.map((name) => scripts.organization(name) ?? ''); } },
  { id: 'alternative_titles', description: 'Other titles (varying forms, translated titles; first the title in its original script, MARC 880)', value: (r) => r.alternativeTitles },
  { id: 'isbn_as_catalogued', description: 'The valid ISBNs as the record writes them', value: (r) => r.identifiers.isbnAsCatalogued },
  { id: 'control_numbers', description: 'System control numbers as catalogued (ctrlnum: "(OCoLC)ocm30585539")', value: (r) => r.identifiers.controlNumbers },
  { id: 'call_numbers_lcc', description: 'Library of Congress call numbers as catalogued', value: (r) => r.callNumbers?.lcc },
  { id: 'call_numbers_dewey', description: 'Dewey numbers as catalogued', value: (r) => r.callNumbers?.dewey },
  { id: 'physical_description', description: 'Physical description ("296 p. : ill. ; 24 cm")', value: (r) => r.physicalDescription },
  { id: 'series_statements', description: 'Series with their numbering as a MARC record gives them (490/8XX), each "Title ; number"', value: (r) => r.marc?.seriesEntries.map((e) => (e.number ? `${e.title} ; ${e.number}` : e.title)) },
  { id: 'extent', description: 'Extent from a MARC record (300 $a: "296 p.")', value: (r) => r.marc?.extent },
  { id: 'dimensions', description: 'Dimensions from a MARC record (300 $c: "24 cm")', value: (r) => r.marc?.dimensions },
  { id: 'subject_thesauri', description: 'Thesaurus of each subject heading of a MARC record, in subjects order (lcsh, mesh, gnd...; empty where none)', value: (r) => r.marc?.subjectHeadings.map((h) => h.thesaurus ?? '') },
  { id: 'date_span', description: 'Publication span of a serial ("1922-1975")', value: (r) => r.dateSpan },
  { id: 'building', description: 'Building (library, location) holding the item', value: (r) => r.holdings?.building },
  { id: 'institution', description: 'Institution holding the item', value: (r) => r.holdings?.institution },
  { id: 'collection', description: 'Collection the record belongs to', value: (r) => r.holdings?.collection },
];

function contributorText(contributor: Contributor): string {
  const name = contributor.person ? invertedName(contributor.person) : contributor.organization ?? '';
  return contributor.role ? `${name} (${contributor.role})` : name;
}

const COLUMNS_BY_ID = new Map([...CSV_COLUMNS, ...OPT_IN_CSV_COLUMNS].map((column) => [column.id, column]));
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
export const DEFAULT_CSV_SEPARATOR = '|';

/**
 * The CSV writer's options (see WriterOptionMeta for the metadata). Declared with zod/mini,
 * as every built-in writer's are: a convert run loads these declarations, and zod/mini costs
 * a few kilobytes where zod's classic API costs the start-up of a 1-record run.
 */
const CSV_OPTIONS = z.object({
  csvColumns: z.optional(z.array(z.string())).check(z.meta({
    flag: '--columns <columns>',
    description: 'CSV columns, comma-separated; opt-in columns only when named here (default: the default set, see docs/csv-columns.md)',
  } satisfies WriterOptionMeta)),
  // An empty separator would join a multi-valued cell's values into one indivisible string.
  csvSeparator: z._default(z.string().check(z.minLength(1, 'the separator cannot be empty (multi-valued cells could not be split again)')), DEFAULT_CSV_SEPARATOR).check(z.meta({
    flag: '--separator <text>', description: 'CSV separator for multi-valued cells',
  } satisfies WriterOptionMeta)),
  csvBom: z.optional(z.boolean()).check(z.meta({ flag: '--bom', description: 'CSV: start with a UTF-8 byte order mark (for Excel)' } satisfies WriterOptionMeta)),
  csvNoFormulaEscape: z.optional(z.boolean()).check(z.meta({
    flag: '--no-formula-escape', description: 'CSV: keep cells starting with = + - @ as they are (machine consumers only)',
  } satisfies WriterOptionMeta)),
});
type CsvOptions = z.input<typeof CSV_OPTIONS>;

/** Columns by id, in the order asked; an unknown id is a usage error, thrown with the list of known ones. */
export function resolveCsvColumns(ids: readonly string[] | undefined): readonly CsvColumn[] {
  if (ids === undefined) return CSV_COLUMNS;
  if (ids.length === 0) throw new Error(`CSV: no columns chosen; known columns: ${[...COLUMNS_BY_ID.keys()].join(', ')}`);
  return ids.map((id) => {
    const column = COLUMNS_BY_ID.get(id);
    if (!column) throw new Error(`CSV: unknown column "${id}"; known columns: ${[...COLUMNS_BY_ID.keys()].join(', ')}`);
    return column;
  });
}

function escapeListValue(value: string, separator: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll(separator, `\\${separator}`);
}

function cellText(value: CellValue, separator: string): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value.map((item) => escapeListValue(item, separator)).join(separator);
}

function neutralizeFormula(cell: string): string {
  return FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell;
}

export const csvWriter: RecordWriter<CsvOptions> = {
  name: 'csv',
  requiresRecords: true,
  description: 'CSV (RFC 4180, CRLF, header row, fixed documented columns, multi-valued cells joined with |)',
  fileName: 'records.csv',
  mediaType: 'text/csv',
  options: CSV_OPTIONS,
  accepts(_record: BibRecord): Issue | undefined {
    return undefined;
  },
  open(options: CsvOptions): WriterSession {
    const columns = resolveCsvColumns(options.csvColumns);
    const separator = options.csvSeparator ?? DEFAULT_CSV_SEPARATOR;
    if (separator === '' || separator.includes('\\')) {
      throw new Error(`CSV: the multi-value separator must be non-empty and free of backslashes, got ${JSON.stringify(separator)}`);
    }
    const escapeFormulas = !options.csvNoFormulaEscape;
    const cells = (record: BibRecord): string[] =>
      columns.map((column) => {
        const cell = cellText(column.value(record), separator);
        return escapeFormulas ? neutralizeFormula(cell) : cell;
      });
    return {
      start: () => `${options.csvBom ? '\uFEFF' : ''}${csvRow(columns.map((column) => column.id))}`,
      write: (record) => csvRow(cells(record)),
      writeMany: (records) => csvRows(records.map(cells)),
      end: () => '',
    };
  },
};
