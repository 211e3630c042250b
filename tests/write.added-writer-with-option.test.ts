import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert, mergeShards, registerWriter, RunStateSchema } from '../src/index.js';
import { RUN_STATE_JSON } from '../src/model/run-state.js';
import { runInProcess, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';
import { titlesWriter } from './helpers/titles-writer.js';

// A library user names the format it adds, so that `to: ['titles']` type-checks (and a typo still does not).
declare module '../src/write/index.js' {
  interface AddedOutputFormats {
    titles: true;
  }
}

/**
 * A new output format with an option is one file (tests/helpers/titles-writer.ts) and one
 * registry line: its option's flag, check, run-state entry and merge all come from the
 * writer's own declaration. Worker threads load only the built-in registry, so these runs
 * use one thread.
 */
const INPUT = join(PROJECT_ROOT, 'samples', 'more-records.ndjson');
let root: string;

beforeAll(() => {
  registerWriter(titlesWriter);
  root = temporaryDirectory('bibpipe-added-writer-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('an output format added with one file and one registry line', () => {
  it('gets its option as a convert flag, with its help and its check', async () => {
    const help = await runInProcess(['convert', '--help']);
    expect(help.stdout).toMatch(/--titles-prefix <text>\s+titles: text before each title \(default: "- "\)/);
    const written = await runInProcess(['convert', INPUT, '--to', 'titles', '--titles-prefix', '* ', '--workers', '1', '--quiet']);
    expect(written.stderr).toBe('');
    const lines = written.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^\* \S/);
    const refused = await runInProcess(['convert', INPUT, '--to', 'titles', '--titles-prefix', 'far too long', '--workers', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a titles prefix is at most 8 characters');
  });

  it('refuses an option no writer declares, naming it', async () => {
    await expect(convert({ inputs: [INPUT], to: ['titles'], outDir: join(root, 'typo'), workers: 1, writerOptions: { titlesPrefx: '> ' } }))
      .rejects.toThrow(/Unknown writer option titlesPrefx/);
  });

  it('goes through shard runs and merge: the run state keeps its option, merge gives the single run byte for byte', async () => {
    const writerOptions = { titlesPrefix: '> ' };
    const single = join(root, 'single');
    await convert({ inputs: [INPUT], to: ['titles', 'csv'], outDir: single, workers: 1, writerOptions });
    const expected = readFileSync(join(single, 'titles.txt'), 'utf8');
    expect(expected.split('\n').filter(Boolean).every((line) => line.startsWith('> '))).toBe(true);
    const shards = [1, 2, 3].map((index) => join(root, `shard-${index}`));
    for (const [index, outDir] of shards.entries()) {
      await convert({ inputs: [INPUT], to: ['titles', 'csv'], outDir, workers: 1, writerOptions, runState: { shard: { kind: 'file-range', index: index + 1, count: 3 } } });
    }
    const state = RunStateSchema.parse(JSON.parse(readFileSync(join(shards[0]!, RUN_STATE_JSON), 'utf8')));
    expect(state.settings.writerOptions).toMatchObject({ titlesPrefix: '> ', csvSeparator: '|' });
    const merged = join(root, 'merged');
    await mergeShards({ shards, outDir: merged });
    expect(readFileSync(join(merged, 'titles.txt'), 'utf8')).toBe(expected);
    expect(readFileSync(join(merged, 'records.csv'))).toEqual(readFileSync(join(single, 'records.csv')));
  });
});
