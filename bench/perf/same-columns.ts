import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Rows compared: enough to catch a column that differs, without parsing whole files. */
const ROWS = 2000;
const HEAD_BYTES = 16 << 20;

function headRows(path: string): string[][] {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    // `to` stops before the cut at the end of the buffer is reached.
    return parse(buffer.subarray(0, read), { to: ROWS, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that the baselines wrote the same cells (CSV quoting aside): the first rows of each
 * file against the first file's. Returns one line per file that differs.
 */
export function compareCsvHeads(files: ReadonlyArray<{ name: string; path: string }>): string[] {
  const [first, ...rest] = files;
  if (!first) return [];
  const expected = headRows(first.path);
  const problems: string[] = [];
  for (const file of rest) {
    const rows = headRows(file.path);
    const limit = Math.max(rows.length, expected.length);
    for (let row = 0; row < limit; row += 1) {
      const a = expected[row] ?? [];
      const b = rows[row] ?? [];
      const column = Array.from({ length: Math.max(a.length, b.length) }, (_, index) => index).find((index) => a[index] !== b[index]);
      if (column !== undefined) {
        problems.push(`${file.name} differs from ${first.name} at row ${row + 1}, column ${column + 1} (${a[0] ?? '?'}): ${JSON.stringify(a[column])?.slice(0, 80)} vs ${JSON.stringify(b[column])?.slice(0, 80)}`);
        break;
      }
    }
  }
  return problems;
}
