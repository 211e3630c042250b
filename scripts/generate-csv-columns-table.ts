/**
 * Writes the README's CSV column table (between `<!-- csv-columns:start -->` and
 * `<!-- csv-columns:end -->`) from CSV_COLUMNS, the table the CSV writer uses.
 * Run: node --import tsx scripts/generate-csv-columns-table.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceSection } from '../src/report/markdown-sections.js';
import { CSV_COLUMNS } from '../src/write/csv.js';

export const CSV_COLUMNS_SECTION = 'csv-columns';

export function csvColumnsMarkdown(): string {
  const rows = CSV_COLUMNS.map((column) => `| \`${column.id}\` | ${column.description.replaceAll('|', '\\|')} |`);
  return ['| column | content |', '| --- | --- |', ...rows].join('\n');
}

const readme = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'README.md');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = readFileSync(readme, 'utf8');
  const updated = replaceSection(current, CSV_COLUMNS_SECTION, csvColumnsMarkdown());
  if (updated === undefined) throw new Error(`README.md has no ${CSV_COLUMNS_SECTION} markers`);
  if (updated !== current) writeFileSync(readme, updated);
  process.stdout.write(`README.md: CSV columns ${updated === current ? 'up to date' : 'written'} (${CSV_COLUMNS.length} columns)\n`);
}
