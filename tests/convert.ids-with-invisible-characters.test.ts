import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, validate } from '../src/index.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * `"a1"` and `" a1"` were both written as `a1` with no finding. The id as written is the raw
 * id without surrounding white space and invisible format characters; a record whose id
 * changed so says `id.normalized`, and two records whose written ids meet are an
 * `id.duplicate` (the second is rejected), never two records with one id in the outputs.
 */
const line = (id: string, title: string): string => JSON.stringify({ id, title });

async function run(lines: string[]): Promise<{ ids: string[]; rejects: Array<{ issues: Array<{ code: string; recordId?: string }> }>; codes: Record<string, number> }> {
  const out = join(temporaryDirectory('bibpipe-ids-'), 'out');
  const summary = await convert({ inputs: [{ name: 'ids.ndjson', text: `${lines.join('\n')}\n` }], to: ['ndjson'], outDir: out, workers: 1 });
  const ids = readFileSync(join(out, 'records.ndjson'), 'utf8').split('\n').filter(Boolean).map((text) => (JSON.parse(text) as { id: string }).id);
  const rejects = readFileSync(join(out, 'rejects.ndjson'), 'utf8').split('\n').filter(Boolean).map((text) => JSON.parse(text) as { issues: Array<{ code: string; recordId?: string }> });
  expect(summary.read).toBe(summary.converted + summary.rejected);
  return { ids, rejects, codes: summary.issues };
}

describe('ids that differ only by invisible characters', () => {
  it('" a1" after "a1" is a duplicate id, and the trimmed id is said', async () => {
    const { ids, rejects, codes } = await run([line('a1', 'First'), line(' a1', 'Second')]);
    expect(ids).toEqual(['a1']);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.issues.map((issue) => issue.code)).toEqual(expect.arrayContaining(['id.duplicate', 'id.normalized']));
    expect(codes['id.normalized']).toBe(1);
  });

  it.each([
    [' a1 ', 'white space around it'],
    ['\ta1\n', 'tab and line feed'],
    ['a1\u200b', 'a zero-width space'],
    ['\ufeffa1', 'a byte order mark'],
    ['a\u200d1', 'a zero-width joiner inside'],
    ['\u202ea1', 'a bidi override'],
  ])('%j (%s) is written as a1 with id.normalized', async (raw) => {
    const { ids, codes } = await run([line(raw, 'T')]);
    expect(ids).toEqual(['a1']);
    expect(codes['id.normalized']).toBe(1);
    const result = await validate({ inputs: [{ name: 'one.ndjson', text: `${line(raw, 'T')}\n` }], workers: 1 });
    const finding = result.issues.find((issue) => issue.code === 'id.normalized');
    expect(finding?.recordId).toBe('a1');
    expect(finding?.message).toBe(`The id ${JSON.stringify(raw)} is written as "a1": white space around it and invisible format characters are removed`);
  });

  it('an id of nothing but invisible characters is a missing id; a plain id has no finding', async () => {
    const { ids, rejects, codes } = await run([line('\u200b\u00a0', 'T'), line('b2', 'T')]);
    expect(ids).toEqual(['b2']);
    expect(rejects[0]!.issues.map((issue) => issue.code)).toContain('id.missing');
    expect(codes['id.normalized']).toBeUndefined();
  });

  it('inner white space is part of the id', async () => {
    const { ids, codes } = await run([line('a 1', 'T'), line('a1', 'T')]);
    expect(ids).toEqual(['a 1', 'a1']);
    expect(codes['id.duplicate']).toBeUndefined();
  });
});
