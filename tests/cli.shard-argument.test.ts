import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobShareProblem, parseCloudPartition, parseShard } from '../src/index.js';
import { runInProcess } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * `--shard I/N` and `--solr-shard I/N` take two plain whole numbers: anything else is a usage
 * error (exit 2) that says what is wrong, before any input is read or any folder made. Before,
 * `1/9007199254740993` was rounded to a neighbour, ran the whole job and ended in a raw zod
 * dump; ` 1/2`, `0x1/2` and `1e0/2` ran as `1/2`.
 */
const BAD: Array<[string, RegExp]> = [
  ['1/9007199254740993', /N is 9007199254740993: at most 2147483647 shares/],
  ['1/4294967296', /N is 4294967296: at most 2147483647 shares/],
  ['0/2', /I is 0: shares are numbered 1 to N/],
  ['2/0', /N is 0: a job is split into at least 1 share/],
  ['3/2', /I is 3: shares are numbered 1 to N \(1 <= I <= 2\)/],
  ['1/2/3', /"1\/2\/3" is not I\/N/],
  ['1.5/2', /"1.5\/2" is not I\/N/],
  ['-1/2', /"-1\/2" is not I\/N/],
  [' 1/2', /" 1\/2" is not I\/N/],
  ['0x1/2', /"0x1\/2" is not I\/N/],
  ['1e0/2', /"1e0\/2" is not I\/N/],
  ['1/', /"1\/" is not I\/N/],
];

describe('--shard I/N', () => {
  it.each(BAD)('%j is a usage error that names what is wrong, and nothing is written', async (share, why) => {
    const dir = temporaryDirectory('bibpipe-shard-arg-');
    writeFileSync(join(dir, 'a.ndjson'), '{"id":"r1","title":"T"}\n');
    const out = join(dir, 'out');
    const run = await runInProcess(['convert', join(dir, 'a.ndjson'), '--to', 'csv', '--out-dir', out, '--shard', share]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard');
    expect(run.stderr).toMatch(why);
    expect(run.stderr).not.toContain('"code"');
    expect(existsSync(out)).toBe(false);
    expect(parseShard(share)).toBeUndefined();
    expect(parseCloudPartition(share)).toBeUndefined();
  });

  it('--solr-shard I/N says the same', async () => {
    const run = await runInProcess(['convert', 'solr+http://127.0.0.1:9/solr/biblio', '--to', 'csv', '--out-dir', join(temporaryDirectory(), 'out'), '--solr-shard', '1/9007199254740993']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/N is 9007199254740993: at most 2147483647 shares/);
  });

  it('the largest N and plain shares still parse', () => {
    expect(parseShard('2147483647/2147483647')).toEqual({ index: 2147483647, count: 2147483647 });
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('01/4')).toEqual({ index: 1, count: 4 });
    expect(jobShareProblem('1/1')).toBeUndefined();
  });
});
