import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { convert } from '../src/pipeline/convert.js';
import { MANIFEST_NAME } from '../src/pipeline/output-set.js';
import type { OutputFormat } from '../src/write/index.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * merge writes its out-dir the way convert does (one OutputSet): temporary names nobody can
 * guess, created exclusively and never through a link; files an older run left there and
 * this merge does not write are removed, so the folder never mixes two runs.
 */

let root: string;
let input: string;

const line = (id: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id, title: `Title ${id}`, format: ['Article'], author: ['Doe, Jane'], publishDate: ['2001'], ...extra });

async function shards(count: number, formats: readonly OutputFormat[]): Promise<string[]> {
  const directories: string[] = [];
  for (let index = 1; index <= count; index++) {
    const outDir = join(root, `shard-${formats.join('-')}-${count}-${index}`);
    await convert({ inputs: [input], to: formats, outDir, runState: { shard: { kind: 'file-range', index, count } } });
    directories.push(outDir);
  }
  return directories;
}

beforeAll(() => {
  root = temporaryDirectory('bibpipe-merge-safety-');
  input = join(root, 'catalogue.ndjson');
  writeFileSync(input, `${Array.from({ length: 40 }, (_, index) => line(`rec-${String(index).padStart(3, '0')}`)).join('\n')}\n`);
});

describe('merge: the out-dir', () => {
  it('never writes through a link planted under a temporary name it would use', async () => {
    const directories = await shards(2, ['csv']);
    const outDir = join(root, 'merged-links');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(outDir);
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // The names merge once used: `.<name>.<pid>.partial`; links under every plausible name.
    for (const name of ['records.csv', 'rejects.ndjson', 'skipped.ndjson', 'summary.json']) {
      symlinkSync(victim, join(outDir, `.${name}.${process.pid}.partial`));
    }
    await mergeShards({ shards: directories, outDir });
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(outDir, 'records.csv'), 'utf8').split('\n').filter(Boolean)).toHaveLength(41);
    // Nothing merge wrote is left under a temporary name.
    expect(readdirSync(outDir).filter((name) => name.endsWith('.partial') && !name.includes(String(process.pid)))).toEqual([]);
  });

  it('removes the outputs of an older run that this merge does not write', async () => {
    const outDir = join(root, 'merged-stale');
    // An older run there wrote JSON-LD and NDJSON too.
    await convert({ inputs: [input], to: ['csv', 'jsonld', 'ndjson'], outDir });
    expect(existsSync(join(outDir, 'records.jsonld'))).toBe(true);
    const directories = await shards(3, ['csv']);
    await mergeShards({ shards: directories, outDir });
    const names = readdirSync(outDir).sort();
    expect(names).toEqual([MANIFEST_NAME, 'records.csv', 'rejects.ndjson', 'skipped.ndjson', 'summary.json'].sort());
    expect(JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), 'utf8'))).toEqual(expect.arrayContaining(['records.csv', 'summary.json']));
  });

  it('refuses to write into one of its own shard folders', async () => {
    const directories = await shards(2, ['ndjson']);
    const before = readFileSync(join(directories[0]!, 'records.ndjson'));
    await expect(mergeShards({ shards: directories, outDir: directories[0]! })).rejects.toThrow(/shard/);
    await expect(mergeShards({ shards: directories, outDir: `${directories[1]!}/.` })).rejects.toThrow(/shard/);
    expect(readFileSync(join(directories[0]!, 'records.ndjson')).equals(before)).toBe(true);
  });
});
