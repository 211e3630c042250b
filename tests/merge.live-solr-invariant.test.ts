import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { RUN_STATE_BIN, RUN_STATE_JSON } from '../src/model/run-state.js';
import { MANIFEST_NAME } from '../src/pipeline/output-set.js';
import { convert } from '../src/pipeline/convert.js';
import { parseCloudPartition } from '../src/sources/solr-shards.js';
import { temporaryDirectory } from './helpers/cli.js';
import { scaleCorpus } from './helpers/scale-corpus.js';
import { startSolrStandin, type SolrStandin } from './helpers/solr-standin.js';

const FORMATS = ['medline', 'jsonld', 'csv', 'ndjson', 'nbib'];
/** Files that name the run's own bookkeeping, not its results. */
const NOT_COMPARED = new Set(['solr-cursor.json', RUN_STATE_JSON, RUN_STATE_BIN, MANIFEST_NAME]);

let solr: SolrStandin;
let root: string;
let single: string;

function outputFiles(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(directory).sort()) if (!NOT_COMPARED.has(name)) files.set(name, readFileSync(join(directory, name)));
  return files;
}

function expectSameFiles(merged: string, label: string): void {
  const expected = outputFiles(single);
  const actual = outputFiles(merged);
  expect([...actual.keys()], label).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected) {
    const got = actual.get(name)!;
    if (!got.equals(bytes)) expect(got.toString('utf8'), `${label}: ${name}`).toBe(bytes.toString('utf8'));
  }
}

beforeAll(async () => {
  solr = await startSolrStandin(await scaleCorpus(3), { shardNames: ['shard1', 'shard2', 'shard3', 'shard4', 'shard5'] });
  root = temporaryDirectory('bibpipe-merge-');
  single = join(root, 'single');
  await convert({ inputs: [solr.url], to: FORMATS, outDir: single, solr: { rows: 17 } });
});
afterAll(async () => {
  await solr.close();
  await rm(root, { recursive: true, force: true });
});

describe('merge of live Solr shard runs == the single run, byte for byte', () => {
  it('the single run has what makes the merge hard: rejects, MEDLINE skips, DOI and PMID duplicates', () => {
    const summary = JSON.parse(readFileSync(join(single, 'summary.json'), 'utf8')) as { rejected: number; skipped: Record<string, number>; issues: Record<string, number> };
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.skipped.medline).toBeGreaterThan(0);
    expect(summary.issues['doi.duplicate']).toBeGreaterThan(0);
    expect(summary.issues['pmid.duplicate']).toBeGreaterThan(0);
  });

  it('--shard I/N (Solr hash filter), N = 1..7', async () => {
    for (let count = 1; count <= 7; count++) {
      const directories: string[] = [];
      for (let index = 1; index <= count; index++) {
        const outDir = join(root, `hash-${count}-${index}`);
        directories.push(outDir);
        await convert({ inputs: [solr.url], to: FORMATS, outDir, solr: { rows: 17, shard: { index, count } }, runState: { shard: { kind: 'solr-hash', index, count } } });
      }
      const merged = join(root, `hash-${count}-merged`);
      // Shards given in any order: merge orders them.
      await mergeShards({ shards: [...directories].reverse(), outDir: merged });
      expectSameFiles(merged, `hash N=${count}`);
      for (const directory of [...directories, merged]) await rm(directory, { recursive: true, force: true });
    }
  });

  it('--solr-shard I/N (SolrCloud shards from CLUSTERSTATUS), N = 1..7, two worker threads', async () => {
    for (let count = 1; count <= 7; count++) {
      const directories: string[] = [];
      for (let index = 1; index <= count; index++) {
        const outDir = join(root, `cloud-${count}-${index}`);
        directories.push(outDir);
        await convert({
          inputs: [solr.url], to: FORMATS, outDir, workers: 2,
          solr: { rows: 17, cloudShard: parseCloudPartition(`${index}/${count}`) },
          runState: { shard: { kind: 'solr-cloud', index, count } },
        });
      }
      const merged = join(root, `cloud-${count}-merged`);
      await mergeShards({ shards: directories, outDir: merged });
      expectSameFiles(merged, `cloud N=${count}`);
      for (const directory of [...directories, merged]) await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses an incomplete or mixed set of shards, naming what is wrong, and writes nothing', async () => {
    const directories: string[] = [];
    for (let index = 1; index <= 3; index++) {
      const outDir = join(root, `incomplete-${index}`);
      directories.push(outDir);
      await convert({ inputs: [solr.url], to: FORMATS, outDir, solr: { rows: 17, shard: { index, count: 3 } }, runState: { shard: { kind: 'solr-hash', index, count: 3 } } });
    }
    const merged = join(root, 'incomplete-merged');
    await expect(mergeShards({ shards: directories.slice(0, 2), outDir: merged })).rejects.toThrow(/shard 3\/3 missing/);
    await expect(mergeShards({ shards: [directories[0]!, directories[0]!, directories[1]!], outDir: merged })).rejects.toThrow(/given twice/);
    await expect(mergeShards({ shards: [directories[0]!, single], outDir: merged })).rejects.toThrow(/run state/);
    expect(existsSync(merged)).toBe(false);
    for (const directory of directories) await rm(directory, { recursive: true, force: true });
  });
});
