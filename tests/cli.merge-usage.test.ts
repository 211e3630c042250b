import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { convert } from '../src/pipeline/convert.js';

const directory = temporaryDirectory('bibpipe-merge-cli-');
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('bibpipe merge and shard flags: usage errors are one line, exit 2', () => {
  it('a folder that no shard run wrote', async () => {
    const empty = join(directory, 'not-a-shard');
    mkdirSync(empty);
    const result = await runBibpipe(['merge', empty, '--out-dir', join(directory, 'merged')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${join(empty, 'run-state.json')}: cannot read the run state (ENOENT)`);
  });

  it('shard flags that cannot make a mergeable share', async () => {
    const file = join(directory, 'a.ndjson');
    writeFileSync(file, '{"id":"a","title":"A"}\n');
    const noOutDir = await runBibpipe(['convert', file, '--to', 'ndjson', '--shard', '1/2']);
    expect(noOutDir.code).toBe(2);
    expect(noOutDir.stderr).toContain('needs --out-dir');
    const cloudOnFile = await runBibpipe(['convert', file, '--to', 'ndjson', '--solr-shard', '1/2', '--out-dir', join(directory, 'x')]);
    expect(cloudOnFile.code).toBe(2);
    expect(cloudOnFile.stderr).toContain('--solr-shard applies to live SolrCloud inputs');
    const both = await runBibpipe(['convert', 'solr+http://127.0.0.1:9/solr/biblio', '--to', 'ndjson', '--shard', '1/2', '--solr-shard', '1/2', '--out-dir', join(directory, 'y')]);
    expect(both.code).toBe(2);
  });

  it('findings across shards are one log line per rule (each one at --log-level debug), not a line each', async () => {
    const file = join(directory, 'dois.ndjson');
    // The second hundred repeat the DOIs of the first under other ids: each a doi.duplicate the second shard cannot see.
    const line = (index: number): string => JSON.stringify({ id: `r${index}`, title: `T ${index}`, format: ['Article'], doi_str_mv: [`10.1000/d${index % 100}`] });
    writeFileSync(file, `${Array.from({ length: 200 }, (_, index) => line(index)).join('\n')}\n`);
    const shards = [1, 2].map((index) => join(directory, `doi-shard-${index}`));
    for (const [at, outDir] of shards.entries()) await convert({ inputs: [file], to: ['ndjson'], outDir, runState: { shard: { kind: 'file-range', index: at + 1, count: 2 } } });
    const quiet = await runBibpipe(['merge', ...shards, '--out-dir', join(directory, 'doi-merged'), '--quiet']);
    expect(quiet.code).toBe(0);
    const lines = quiet.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    // The byte cut falls near record 100: the few repeats before it are the first shard's own findings.
    const [, count, all] = /(\d+) doi\.duplicate findings across shards; first: "r1\d\d" .*--log-level debug lists all (\d+)/.exec(lines[0]!) ?? [];
    expect(Number(count)).toBeGreaterThan(90);
    expect(all).toBe(count);
    const listed = await runBibpipe(['merge', ...shards, '--out-dir', join(directory, 'doi-merged'), '--quiet', '--log-level', 'debug']);
    expect(listed.stderr.trim().split('\n').filter((text) => text.includes('doi.duplicate'))).toHaveLength(Number(count) + 1);
  });
});
