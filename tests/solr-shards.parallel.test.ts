import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { readShardsInParallel } from '../src/sources/solr-parallel.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { rawRecords } from './helpers/raw-records.js';
import { standinDoc, startSolrStandin, type SolrStandin } from './helpers/solr-standin.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * A SolrCloud collection's shards read at once, each on its own cursor on one of its cores
 * (`distrib=false`), every request through one queue: the stand-in counts, on its side, the
 * requests in flight and when each came, so the client's limits are checked where a
 * production Solr would feel them.
 */

const SHARDS = ['shard3', 'shard1', 'shard2', 'shard10'];
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
const docs = Array.from({ length: 180 }, (_, index) => standinDoc({ id: `rec-${String(index).padStart(3, '0')}`, title: `Title ${index}`, format: ['Book'] }));
const allIds = docs.map((doc) => doc.id).sort(byUtf8);

let solr: SolrStandin;
beforeAll(async () => {
  solr = await startSolrStandin(docs, { shardNames: SHARDS, delayMs: 40 });
});
afterAll(async () => {
  await solr.close();
});

async function idsOf(records: AsyncIterable<RawRecord>): Promise<{ ids: string[]; failures: string[] }> {
  const ids: string[] = [];
  const failures: string[] = [];
  for await (const record of records) {
    const failed = record.issues.filter((issue) => issue.code === 'read.source-failed');
    if (failed.length > 0) failures.push(...failed.map((issue) => issue.message));
    else ids.push(record.fields.id as string);
  }
  return { ids, failures };
}

/** The shards one after another, each with --solr-shard NAME: the order the parallel read must give. */
async function oneAfterAnother(): Promise<string[]> {
  const ids: string[] = [];
  for (const name of [...SHARDS].sort(byUtf8)) {
    const part = await idsOf(rawRecords([solr.url], { solr: { rows: 7, cloudShard: { kind: 'cloud', names: [name] } } }));
    expect(part.failures).toEqual([]);
    ids.push(...part.ids);
  }
  return ids;
}

describe('SolrCloud shards read in parallel (--solr-concurrency, --solr-rate)', () => {
  it('every record exactly once, in shard order then cursor order: the same as reading the shards one after another, for N = 1, 2, 3, 8', async () => {
    const expected = await oneAfterAnother();
    expect([...expected].sort(byUtf8)).toEqual(allIds);
    for (const concurrency of [1, 2, 3, 8]) {
      const before = solr.paths.length;
      const { ids, failures } = await idsOf(rawRecords([solr.url], { solr: { rows: 7, concurrency } }));
      expect(failures).toEqual([]);
      expect(ids, `--solr-concurrency ${concurrency}`).toEqual(expected);
      // Pages came from the shards' cores with distrib=false, never through the collection.
      const selects = solr.requests.slice(before).filter((_, index) => solr.paths[before + index]!.endsWith('/select'));
      expect(selects.length).toBeGreaterThan(SHARDS.length);
      expect(selects.every((params) => params.get('distrib') === 'false' && params.get('shards') === null)).toBe(true);
      expect(solr.paths.slice(before).some((path) => path === '/solr/biblio/select')).toBe(false);
    }
  });

  it('never more requests in flight than --solr-concurrency, counted by the server', async () => {
    for (const concurrency of [1, 2, 3]) {
      const server = await startSolrStandin(docs, { shardNames: SHARDS, delayMs: 60 });
      try {
        const { ids } = await idsOf(rawRecords([server.url], { solr: { rows: 5, concurrency } }));
        expect(ids).toHaveLength(allIds.length);
        expect(server.maxInFlight(), `--solr-concurrency ${concurrency}`).toBeLessThanOrEqual(concurrency);
        // With answers held 60 ms and 4 shards to read, the cap is reached, not only respected.
        expect(server.maxInFlight()).toBe(concurrency);
      } finally {
        await server.close();
      }
    }
  });

  it('--solr-rate R: no second holds more than R requests (R + 1 arrivals), counted by the server', async () => {
    const server = await startSolrStandin(docs, { shardNames: SHARDS, delayMs: 0 });
    try {
      const rate = 8;
      const { ids } = await idsOf(rawRecords([server.url], { solr: { rows: 9, concurrency: 4, rate } }));
      expect(ids).toHaveLength(allIds.length);
      const times = server.arrivals;
      expect(times.length).toBeGreaterThan(2 * rate);
      let most = 0;
      for (let first = 0; first < times.length; first++) {
        let count = 0;
        for (let later = first; later < times.length && times[later]! - times[first]! < 1000; later++) count++;
        most = Math.max(most, count);
      }
      // Starts at least 1/R s apart give at most R in a second; one more for the way from the client's start to the server's arrival.
      expect(most).toBeLessThanOrEqual(rate + 1);
    } finally {
      await server.close();
    }
  });

  it('a failing shard fails its read naming the shard; every other shard is read whole', async () => {
    const server = await startSolrStandin(docs, { shardNames: SHARDS, failingShards: ['shard2'] });
    try {
      const { ids, failures } = await idsOf(rawRecords([server.url], { solr: { rows: 10, concurrency: 3, retry: { attempts: 1 } } }));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toContain('#shard2');
      expect(failures[0]).toContain('core of shard2 is failing');
      expect([...ids].sort(byUtf8)).toEqual(allIds.filter((id) => server.shardOf(id) !== 'shard2'));
    } finally {
      await server.close();
    }
  });

  it('resumes per shard: a run stopped after some pages and its resumption give every record exactly once', async () => {
    const cursorFile = join(temporaryDirectory('bibpipe-parallel-resume-'), 'solr-cursor.json');
    const options = { rows: 6, concurrency: 3, cursorFile };
    const first: string[] = [];
    let pages = 0;
    for await (const page of readShardsInParallel(solr.url, options, DEFAULT_READ_LIMITS)) {
      first.push(...page.records.map((record) => record.fields.id as string));
      await page.commit?.();
      // Stop inside the second shard: the first is done, the second half read, the rest not begun.
      if (++pages === 12) break;
    }
    const saved = JSON.parse(readFileSync(cursorFile, 'utf8')) as { sources: Record<string, { ordinal: number }> };
    expect(Object.keys(saved.sources).length).toBeGreaterThanOrEqual(2);
    const rest: string[] = [];
    for await (const page of readShardsInParallel(solr.url, { ...options, resume: true }, DEFAULT_READ_LIMITS)) rest.push(...page.records.map((record) => record.fields.id as string));
    expect(first.length).toBeGreaterThan(0);
    expect(rest.length).toBeGreaterThan(0);
    expect([...first, ...rest]).toEqual(await oneAfterAnother());
  });

  it('refuses a concurrency that is not a whole number of at least 1, or a rate that is not above 0', async () => {
    for (const solrOptions of [{ concurrency: 0 }, { concurrency: 1.5 }, { rate: 0 }, { rate: Number.NaN }]) {
      await expect(idsOf(rawRecords([solr.url], { solr: solrOptions })), JSON.stringify(solrOptions)).rejects.toThrow(/concurrency|rate/);
    }
  });

  it('names an unknown shard before reading anything', async () => {
    const { ids, failures } = await idsOf(rawRecords([solr.url], { solr: { concurrency: 2, cloudShard: { kind: 'cloud', names: ['shard1', 'shard9'] } } }));
    expect(ids).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('shard9');
  });
});
