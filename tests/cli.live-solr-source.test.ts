import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { makeDocs, startLoopbackSolr, type LoopbackSolr } from './helpers/loopback-solr.js';

/** The CLI flags of a live Solr source, end to end against a loopback cursorMark server. */
describe('convert solr+http://: the CLI over a live index', () => {
  const docs = makeDocs(230);
  let solr: LoopbackSolr;
  beforeAll(async () => {
    solr = await startLoopbackSolr(docs);
  });
  afterAll(async () => {
    await solr.close();
  });

  it('pages with cursorMark, passes --fq/--rows/--shard, keeps the cursor in the out-dir', async () => {
    const dir = temporaryDirectory();
    const result = await runBibpipe(['convert', solr.url, '--to', 'ndjson', '--out-dir', dir, '--rows', '50', '--fq', '{!hash workers=1 worker=0}', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const records = readFileSync(join(dir, 'records.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(docs.length);
    expect(new Set(records.map((r) => r.id)).size).toBe(docs.length);
    const first = solr.requests[0]?.params;
    expect(first?.get('cursorMark')).toBe('*');
    expect(first?.get('rows')).toBe('50');
    expect(first?.getAll('fq')).toContain('{!hash workers=1 worker=0}');
    expect(first?.get('sort')).toMatch(/id asc$/);
    expect(existsSync(join(dir, 'solr-cursor.json'))).toBe(true);

    solr.reset();
    const shardDir = temporaryDirectory();
    const shard = await runBibpipe(['convert', solr.url, '--to', 'ndjson', '--out-dir', shardDir, '--shard', '2/2', '--quiet']);
    expect(shard.code, shard.stderr).toBe(0);
    expect(solr.requests[0]?.params.getAll('fq')).toContain('{!hash workers=2 worker=1}');
    expect(solr.requests[0]?.params.get('partitionKeys')).toBe('id');
  });

  it('a bad --shard is a usage error', async () => {
    const result = await runBibpipe(['convert', solr.url, '--to', 'ndjson', '--shard', '3/2']);
    expect(result.code).toBe(2);
  });
});
