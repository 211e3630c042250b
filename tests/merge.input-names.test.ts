import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { convert } from '../src/pipeline/convert.js';
import { temporaryDirectory } from './helpers/temp.js';
import { expectSameOutputs, outputs } from './helpers/merge-outputs.js';

/**
 * How merge finds the inputs the shard runs named: a relative name is relative to the
 * shard run's working folder (recorded in its run state), whatever folder merge runs in;
 * and a file named twice is read once, by the single run and by every shard alike.
 */

let root: string;
const startedIn = process.cwd();

const line = (id: string): string => JSON.stringify({ id, title: `Title ${id}`, format: ['Article'], author: ['Doe, Jane'], publishDate: ['2001'] });

beforeEach(() => {
  root = temporaryDirectory('bibpipe-merge-names-');
  // rec-3 again at the end: in the last share, its first record in the first; the single run
  // rejects it, so merge reads it again from the input file.
  writeFileSync(join(root, 'catalogue.ndjson'), `${[...Array.from({ length: 40 }, (_, index) => line(`rec-${index}`)), line('rec-3')].join('\n')}\n`);
});

afterEach(() => {
  process.chdir(startedIn);
});

async function shardRuns(inputs: string[], count: number, prefix: string): Promise<string[]> {
  const directories: string[] = [];
  for (let index = 1; index <= count; index++) {
    const outDir = join(root, `${prefix}-${index}`);
    await convert({ inputs, to: ['ndjson', 'csv'], outDir, runState: { shard: { kind: 'file-range', index, count } } });
    directories.push(outDir);
  }
  return directories;
}

describe('merge and the names of inputs', () => {
  it('a relative input name is found from the shard runs\' folder when merge runs in another one', async () => {
    process.chdir(root);
    await convert({ inputs: ['catalogue.ndjson'], to: ['ndjson', 'csv'], outDir: join(root, 'single') });
    const shards = await shardRuns(['catalogue.ndjson'], 2, 'relative');
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    // A file of the same name in merge's folder is not the input.
    writeFileSync(join(elsewhere, 'catalogue.ndjson'), `${line('other')}\n`);
    process.chdir(elsewhere);
    const merged = join(root, 'merged');
    const result = await mergeShards({ shards, outDir: merged });
    expect(result.summary.rejected).toBe(1);
    expectSameOutputs(merged, outputs(join(root, 'single')), 'merged from another folder');
    // The outputs name the input as the runs did.
    expect(readFileSync(join(merged, 'rejects.ndjson'), 'utf8')).toContain('"file":"catalogue.ndjson"');
  });

  it('an input merge must read again is refused when it changed since the shard runs', async () => {
    const input = join(root, 'catalogue.ndjson');
    const shards = await shardRuns([input], 2, 'changed');
    utimesSync(input, 1_700_000_000, 1_700_000_000);
    await expect(mergeShards({ shards, outDir: join(root, 'merged-changed') })).rejects.toThrow(/catalogue\.ndjson .*was modified since the shard runs/);
    writeFileSync(input, readFileSync(input, 'utf8').replace('rec-3"', 'rec-X"'));
    await expect(mergeShards({ shards, outDir: join(root, 'merged-changed') })).rejects.toThrow(/changed size|was modified/);
  });

  it('a file named twice is read once by a convert (and it says so), and N shards + merge agree with it', async () => {
    const input = join(root, 'catalogue.ndjson');
    const warnings: string[] = [];
    const logger = { isLevelEnabled: () => true, warn: (_fields: unknown, message: string) => warnings.push(message), info: () => undefined, debug: () => undefined };
    const summary = await convert({ inputs: [input, input], to: ['ndjson', 'csv'], outDir: join(root, 'single'), logger: logger as never });
    expect(summary.read).toBe(41);
    expect(summary.rejected).toBe(1);
    expect(warnings).toContain(`${input}: given more than once; read once`);
    // Another name of the same file is the same file.
    expect((await convert({ inputs: [input, join(root, '.', 'catalogue.ndjson')], to: ['ndjson'], outDir: join(root, 'single-2') })).read).toBe(41);
    for (const count of [1, 2, 3]) {
      const shards = await shardRuns([input, input], count, `twice-${count}`);
      const merged = join(root, `merged-twice-${count}`);
      await mergeShards({ shards, outDir: merged });
      expectSameOutputs(merged, outputs(join(root, 'single')), `N=${count}`);
    }
  });
});
