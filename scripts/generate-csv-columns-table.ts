/**
 * Writes the CSV column table of docs/csv-columns.md (between `<!-- csv-columns:start -->`
 * and `<!-- csv-columns:end -->`) from CSV_COLUMNS and OPT_IN_CSV_COLUMNS, the tables the CSV
 * writer uses. The README (kept short) links that page.
 * Run: node --import tsx scripts/generate-csv-columns-table.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceSection } from '../src/report/markdown-sections.js';
import { CSV_COLUMNS, OPT_IN_CSV_COLUMNS } from '../src/write/csv.js';

export const CSV_COLUMNS_SECTION = 'csv-columns';

export function csvColumnsMarkdown(): string {
  const row = (column: (typeof CSV_COLUMNS)[number], optIn: boolean): string =>
    `| \`${column.id}\` | ${optIn ? '(opt-in: name it in `--columns`) ' : ''}${column.description.replaceAll('|', '\\|')} |`;
  const rows = [...CSV_COLUMNS.map((column) => row(column, false)), ...OPT_IN_CSV_COLUMNS.map((column) => row(column, true))];
  return ['| column | content |', '| --- | --- |', ...rows].join('\n');
}

/** Where the table is published, relative to the project root. */
export const CSV_COLUMNS_PAGE = join('docs', 'csv-columns.md');
const page = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), CSV_COLUMNS_PAGE);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = readFileSync(page, 'utf8');
  const updated = replaceSection(current, CSV_COLUMNS_SECTION, csvColumnsMarkdown());
  if (updated === undefined) throw new Error(`${CSV_COLUMNS_PAGE} has no ${CSV_COLUMNS_SECTION} markers`);
  if (updated !== current) writeFileSync(page, updated);
  process.stdout.write(`${CSV_COLUMNS_PAGE}: CSV columns ${updated === current ? 'up to date' : 'written'} (${CSV_COLUMNS.length} default, ${OPT_IN_CSV_COLUMNS.length} opt-in)\n`);
}
