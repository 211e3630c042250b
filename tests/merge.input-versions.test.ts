import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { convert } from '../src/pipeline/convert.js';
import { RUN_STATE_JSON } from '../src/model/run-state.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * Shards cut from two versions of one file (same name, same size) are refused: each shard
 * records the byte range it read of every input, the file's modification time and hashes
 * of the bytes around its cuts, and merge checks that the ranges join up and the neighbours
 * saw the same bytes at every joint. Before, such a set merged, and the records around the
 * cuts were in neither the outputs nor the rejects (or in both).
 */

let root: string;
let input: string;

const line = (id: string, title: string): string => JSON.stringify({ id, title, format: ['Article'], author: ['Doe, Jane'], publishDate: ['2001'] });
const ids = Array.from({ length: 300 }, (_, index) => `rec-${String(index).padStart(3, '0')}`);

/** Version A: 300 records with titles of one length. */
function versionA(): string {
  return `${ids.map((id) => line(id, `Title ${id} ${'a'.repeat(20)}`)).join('\n')}\n`;
}

/** Version B, as many bytes as A: the first records' titles 20 bytes longer, the last records' 20 shorter, so the cuts move. */
function versionB(): string {
  return `${ids.map((id, index) => line(id, `Title ${id} ${'a'.repeat(index < 5 ? 40 : index >= 295 ? 0 : 20)}`)).join('\n')}\n`;
}

/** Sets the file's modification time to a whole second (as `cp -p` or `rsync -t` keep it). */
function sameTime(path: string): void {
  utimesSync(path, 1_700_000_000, 1_700_000_000);
}

async function shard(index: number, count: number): Promise<string> {
  const outDir = join(root, `shard-${index}-of-${count}-${Math.random().toString(36).slice(2)}`);
  await convert({ inputs: [input], to: ['ndjson'], outDir, runState: { shard: { kind: 'file-range', index, count } } });
  return outDir;
}

beforeEach(() => {
  root = temporaryDirectory('bibpipe-merge-versions-');
  input = join(root, 'catalogue.ndjson');
  writeFileSync(input, versionA());
  sameTime(input);
});

describe('merge refuses shards cut from two versions of one file', () => {
  it('the versions differ in modification time: refused, naming the input and both shard folders', async () => {
    expect(versionB().length).toBe(versionA().length);
    const first = [await shard(1, 3), await shard(2, 3)];
    writeFileSync(input, versionB());
    utimesSync(input, 1_700_000_100, 1_700_000_100);
    const third = await shard(3, 3);
    const merging = mergeShards({ shards: [...first, third], outDir: join(root, 'merged') });
    await expect(merging).rejects.toThrow(/catalogue\.ndjson was modified between the shard runs/);
    await expect(mergeShards({ shards: [...first, third], outDir: join(root, 'merged') })).rejects.toThrow(third);
  });

  it('the same size and modification time, the cuts moved: the byte ranges do not join (named with the byte offset)', async () => {
    const first = [await shard(1, 3), await shard(2, 3)];
    writeFileSync(input, versionB());
    sameTime(input);
    const third = await shard(3, 3);
    const end = JSON.parse(readFileSync(join(first[1]!, RUN_STATE_JSON), 'utf8')).inputs[0].read.range[1] as number;
    await expect(mergeShards({ shards: [...first, third], outDir: join(root, 'merged') })).rejects.toThrow(new RegExp(`catalogue\\.ndjson in .*shard-2-of-3.* and .*shard-3-of-3.* do not join: the first ends at byte ${end}`));
  });

  it('the same size, time and cuts, other bytes at a joint: refused (the neighbours hashed different bytes there)', async () => {
    const first = [await shard(1, 3), await shard(2, 3)];
    const end = JSON.parse(readFileSync(join(first[1]!, RUN_STATE_JSON), 'utf8')).inputs[0].read.range[1] as number;
    // One letter of the title of the record that starts the third share: same length, same lines.
    const edited = Buffer.from(versionA());
    const title = edited.indexOf('aaaa', end);
    edited[title] = 0x62;
    writeFileSync(input, edited);
    sameTime(input);
    const third = await shard(3, 3);
    expect(JSON.parse(readFileSync(join(third, RUN_STATE_JSON), 'utf8')).inputs[0].read.range[0]).toBe(end);
    await expect(mergeShards({ shards: [...first, third], outDir: join(root, 'merged') })).rejects.toThrow(new RegExp(`saw different bytes of .*catalogue\\.ndjson around byte ${end}`));
  });

  it('a shard whose recorded range was edited: refused (a gap, an overlap, a start after 0, an end before the size)', async () => {
    const shards = [await shard(1, 3), await shard(2, 3), await shard(3, 3)];
    const path = join(shards[1]!, RUN_STATE_JSON);
    const original = readFileSync(path, 'utf8');
    const edit = (change: (range: [number, number]) => void, shardAt = 1): void => {
      const target = join(shards[shardAt]!, RUN_STATE_JSON);
      const state = JSON.parse(readFileSync(target, 'utf8'));
      change(state.inputs[0].read.range);
      writeFileSync(target, JSON.stringify(state));
    };
    edit((range) => (range[1] -= 10));
    await expect(mergeShards({ shards, outDir: join(root, 'merged') })).rejects.toThrow(/bytes \d+-\d+ are in neither/);
    writeFileSync(path, original);
    edit((range) => (range[0] -= 10));
    await expect(mergeShards({ shards, outDir: join(root, 'merged') })).rejects.toThrow(/bytes \d+-\d+ are in both/);
    writeFileSync(path, original);
    const firstState = readFileSync(join(shards[0]!, RUN_STATE_JSON), 'utf8');
    edit((range) => (range[0] = 5), 0);
    await expect(mergeShards({ shards, outDir: join(root, 'merged') })).rejects.toThrow(/from byte 5, not from its start/);
    writeFileSync(join(shards[0]!, RUN_STATE_JSON), firstState);
    edit((range) => (range[1] -= 1), 2);
    await expect(mergeShards({ shards, outDir: join(root, 'merged') })).rejects.toThrow(/the bytes after it are in no shard/);
  });

  it('shards of one version still merge', async () => {
    const shards = [await shard(1, 3), await shard(2, 3), await shard(3, 3)];
    const result = await mergeShards({ shards, outDir: join(root, 'merged') });
    expect(result.summary.read).toBe(300);
    expect(result.summary.converted).toBe(300);
  });
});
