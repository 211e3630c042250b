import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';

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
});
