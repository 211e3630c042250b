import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS_PAGE, CSV_COLUMNS_SECTION, csvColumnsMarkdown } from '../scripts/generate-csv-columns-table.js';
import { extractSection } from '../src/report/markdown-sections.js';
import { CSV_COLUMNS, OPT_IN_CSV_COLUMNS } from '../src/write/csv.js';
import { PROJECT_ROOT } from './helpers/shared.js';

describe('docs/csv-columns.md documents every CSV column', () => {
  const published = extractSection(readFileSync(join(PROJECT_ROOT, CSV_COLUMNS_PAGE), 'utf8'), CSV_COLUMNS_SECTION);

  it('matches CSV_COLUMNS exactly (regenerate with scripts/generate-csv-columns-table.ts)', () => {
    expect(published).toBe(csvColumnsMarkdown());
  });

  it('lists the default columns in their order, then the opt-in ones', () => {
    const ids = (published ?? '').split('\n').slice(2).map((row) => /`([^`]+)`/.exec(row)?.[1]);
    expect(ids).toEqual([...CSV_COLUMNS, ...OPT_IN_CSV_COLUMNS].map((column) => column.id));
  });
});
