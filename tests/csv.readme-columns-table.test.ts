import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS_SECTION, csvColumnsMarkdown } from '../scripts/generate-csv-columns-table.js';
import { extractSection } from '../src/report/markdown-sections.js';
import { CSV_COLUMNS } from '../src/write/csv.js';
import { PROJECT_ROOT } from './helpers/shared.js';

describe('the README documents every CSV column', () => {
  const published = extractSection(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'), CSV_COLUMNS_SECTION);

  it('matches CSV_COLUMNS exactly (regenerate with scripts/generate-csv-columns-table.ts)', () => {
    expect(published).toBe(csvColumnsMarkdown());
  });

  it('lists the columns in the default order', () => {
    const ids = (published ?? '').split('\n').slice(2).map((row) => /`([^`]+)`/.exec(row)?.[1]);
    expect(ids).toEqual(CSV_COLUMNS.map((column) => column.id));
  });
});
