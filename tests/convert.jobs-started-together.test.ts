import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from '../src/atomic-file.js';
import { checkWritable } from '../src/cli/output-paths.js';
import { convert } from '../src/index.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * Shard jobs started together (the GNU parallel recipe of docs/scale-out.md: `--out-dir
 * shards/{}`) all find `shards` missing and all make it: the losers used to fail with EEXIST.
 * Here the jobs run concurrently in one process, which interleaves their look-then-make the
 * same way.
 */
const JOBS = 6;

describe('jobs started together', () => {
  it('all make their out-dirs under one missing parent', async () => {
    const dir = temporaryDirectory('bibpipe-together-');
    const input = join(dir, 'records.ndjson');
    writeFileSync(input, Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `r${i}`, title: `Title ${i}` })).join('\n') + '\n');
    const jobs = Array.from({ length: JOBS }, (_, i) =>
      convert({ inputs: [input], to: ['ndjson'], outDir: join(dir, 'shards', 'deeper', String(i + 1)), workers: 1, runState: { shard: { kind: 'file-range', index: i + 1, count: JOBS } } }),
    );
    const summaries = await Promise.all(jobs);
    expect(summaries.reduce((sum, summary) => sum + summary.read, 0)).toBe(30);
    expect(readdirSync(join(dir, 'shards', 'deeper')).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('makeDirectory called many times at once on one deep path succeeds every time; a file in the way still fails', async () => {
    const dir = temporaryDirectory('bibpipe-together-');
    const path = join(dir, 'a', 'b', 'c', 'd');
    await expect(Promise.all(Array.from({ length: 8 }, () => makeDirectory(path)))).resolves.toHaveLength(8);
    writeFileSync(join(dir, 'file'), '');
    await expect(makeDirectory(join(dir, 'file', 'x'))).rejects.toThrow(/not a directory/i);
  });

  it('report paths checked by jobs at the same moment pass, and leave no file behind', async () => {
    const dir = temporaryDirectory('bibpipe-together-');
    const report = join(dir, 'report.json');
    await Promise.all(Array.from({ length: 8 }, () => checkWritable(report, 'report')));
    expect(readdirSync(dir)).toEqual([]);
  });
});
