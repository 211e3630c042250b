/**
 * RFC 4180 rows, written by hand: a cell is quoted when it holds the comma, the quote or a
 * line break (CR or LF, alone or as CRLF), its quotes doubled; rows end in CRLF. This is what
 * the CSV writer asked csv-stringify for (`record_delimiter: 'windows'`, `quoted_match:
 * /[\r\n]/`), byte for byte: csv-stringify stays the property-test oracle
 * (tests/write.csv-quote-matches-stringify.property.test.ts). By hand because a convert to
 * CSV spent more time in csv-stringify's per-cell option handling than in the quoting.
 */
const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One row: its cells quoted where needed, joined with commas, then CRLF. */
export function csvRow(cells: readonly string[]): string {
  let line = '';
  for (let at = 0; at < cells.length; at++) line += (at === 0 ? '' : ',') + csvCell(cells[at]!);
  return `${line}\r\n`;
}

/** Several rows, the same as csvRow on each in turn. */
export function csvRows(rows: ReadonlyArray<readonly string[]>): string {
  let text = '';
  for (const row of rows) text += csvRow(row);
  return text;
}
