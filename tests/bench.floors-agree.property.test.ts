import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The bench's two Node floors must write the same CSV: the lazy field scanner (no JSON.parse)
 * is only a fair floor if it finds the same values as JSON.parse does, on hostile lines too.
 */
const SEED = 1313;
const FIELDS = ['id', 'title', 'author', 'url', 'description'];
const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'bibpipe-floors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const text = fc.string({ unit: 'binary', maxLength: 30 });
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
// Other fields may hold anything, nested objects too: the scanner must step over them.
const other = fc.jsonValue({ maxDepth: 3 });
const doc = fc.record({
  wanted: fc.dictionary(fc.constantFrom(...FIELDS), value),
  others: fc.dictionary(text.filter((key) => !FIELDS.includes(key)), other, { maxKeys: 4 }),
  spaced: fc.boolean(),
});

function floorCsv(script: string, input: string): string {
  const output = join(scratch, `${script}.csv`);
  execFileSync(process.execPath, [join(root, 'bench/perf', script), input, output, FIELDS.join(',')]);
  return readFileSync(output, 'utf8');
}

describe('bench floors', () => {
  it(`JSON.parse floor and lazy-scanner floor write the same CSV (fast-check seed ${SEED})`, () => {
    const lines = fc.sample(doc, { seed: SEED, numRuns: 400 }).map(({ wanted, others, spaced }) => {
      const object = { ...others, ...wanted };
      // Indented JSON with its line breaks turned into spaces: white space between every token.
      return spaced ? JSON.stringify(object, null, 1).replace(/\n/gu, ' ') : JSON.stringify(object);
    });
    const input = join(scratch, 'input.ndjson');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const parsed = floorCsv('floor.mjs', input);
    expect(parsed.split('\n').length).toBeGreaterThan(lines.length);
    expect(floorCsv('lazy-floor.mjs', input)).toBe(parsed);
  });
});
