import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { rawRecords } from './helpers/raw-records.js';
import { solrSelectUrl } from '../src/sources/solr-http.js';
import { clusterStatusUrl, parseCloudPartition, shardNamesOfJob } from '../src/sources/solr-shards.js';
import { scaleCorpus } from './helpers/scale-corpus.js';
import { startSolrStandin, type SolrStandin, type StandinDoc } from './helpers/solr-standin.js';

let solr: SolrStandin;
let docs: StandinDoc[];
let allIds: string[];

const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

beforeAll(async () => {
  docs = await scaleCorpus(2);
  solr = await startSolrStandin(docs, { shardNames: ['shard3', 'shard1', 'shard2', 'shard10'] });
  allIds = [...new Set(docs.map((doc) => doc.id))].sort(byUtf8);
});
afterAll(async () => {
  await solr.close();
});

async function ids(records: AsyncIterable<RawRecord>): Promise<string[]> {
  const out: string[] = [];
  for await (const record of records) {
    expect(record.issues.filter((issue) => issue.code === 'read.source-failed')).toEqual([]);
    out.push(record.fields.id as string);
  }
  return out;
}

function expectExactPartition(parts: string[][]): void {
  const seen = parts.flat();
  expect(new Set(seen).size).toBe(seen.length);
  expect([...seen].sort(byUtf8)).toEqual(allIds);
  // Each job's records come in Solr's id order (UTF-8 bytes), which merge relies on.
  for (const part of parts) expect(part).toEqual([...part].sort(byUtf8));
}

describe('live Solr shards against a SolrCloud stand-in (hashes of its own)', () => {
  it('the stand-in fails a {!hash} filter without partitionKeys, as Solr does', async () => {
    const url = solrSelectUrl(solr.url, {}, '*');
    url.searchParams.append('fq', '{!hash workers=2 worker=0 keys=id}');
    const response = await fetch(url);
    expect(response.status).toBe(500);
  });

  it('--shard I/N sends partitionKeys and splits the index exactly, N = 1..7', async () => {
    for (let count = 1; count <= 7; count++) {
      const parts: string[][] = [];
      for (let index = 1; index <= count; index++) {
        const before = solr.requests.length;
        parts.push(await ids(rawRecords([solr.url], { solr: { rows: 13, shard: { index, count } } })));
        for (const params of solr.requests.slice(before)) {
          if (count === 1) expect(params.getAll('fq')).toEqual([]);
          else {
            expect(params.getAll('fq')).toEqual([`{!hash workers=${count} worker=${index - 1}}`]);
            expect(params.get('partitionKeys')).toBe('id');
          }
        }
      }
      expectExactPartition(parts);
    }
  });

  it('--solr-shard I/N reads the SolrCloud shards named by CLUSTERSTATUS, N = 1..7 (more jobs than shards too)', async () => {
    for (let count = 1; count <= 7; count++) {
      const parts: string[][] = [];
      for (let index = 1; index <= count; index++) {
        const before = solr.requests.length;
        const cloudShard = parseCloudPartition(`${index}/${count}`);
        parts.push(await ids(rawRecords([solr.url], { solr: { rows: 11, cloudShard } })));
        const seen = solr.requests.slice(before);
        expect(seen[0]?.get('action')).toBe('CLUSTERSTATUS');
        const names = shardNamesOfJob(solr.shardNames, { index, count });
        for (const params of seen.slice(1)) {
          expect(params.get('shards')).toBe(names.join(','));
          expect(params.get('distrib')).toBeNull();
        }
        for (const id of parts[parts.length - 1]!) expect(names).toContain(solr.shardOf(id));
      }
      expectExactPartition(parts);
    }
  });

  it('--solr-shard NAME reads exactly that shard; distrib=false would have read the wrong core', async () => {
    const only = await ids(rawRecords([solr.url], { solr: { rows: 50, cloudShard: parseCloudPartition('shard2') } }));
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((id) => solr.shardOf(id) === 'shard2')).toBe(true);
    const url = solrSelectUrl(solr.url, { rows: 500 }, '*');
    url.searchParams.set('shards', 'shard2');
    url.searchParams.set('distrib', 'false');
    const body = (await (await fetch(url)).json()) as { response: { docs: Array<{ id: string }> } };
    expect(body.response.docs.some((doc) => solr.shardOf(doc.id) !== 'shard2')).toBe(true);
  });

  it('an unknown shard name fails the read with read.source-failed, naming the source', async () => {
    const records: RawRecord[] = [];
    for await (const record of rawRecords([solr.url], { solr: { cloudShard: parseCloudPartition('shard9'), retry: { attempts: 1 } } })) records.push(record);
    expect(records).toHaveLength(1);
    expect(records[0]!.issues[0]!.code).toBe('read.source-failed');
    expect(records[0]!.issues[0]!.message).toContain('shard9');
  });
});

describe('solr-shards: parameters', () => {
  it('parses --solr-shard names and I/N; sorts names by code point', () => {
    expect(parseCloudPartition('shard1,shard3')).toEqual({ kind: 'cloud', names: ['shard1', 'shard3'] });
    expect(parseCloudPartition('2/3')).toEqual({ kind: 'cloud', job: { index: 2, count: 3 } });
    expect(['0/3', '4/3', 'a b', '', 'x,'].map(parseCloudPartition)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(shardNamesOfJob(['shard2', 'shard10', 'shard1'], { index: 1, count: 2 })).toEqual(['shard1', 'shard2']);
    expect(shardNamesOfJob(['shard2', 'shard10', 'shard1'], { index: 2, count: 2 })).toEqual(['shard10']);
  });

  it('finds the Collections API beside the collection', () => {
    const { url, collection } = clusterStatusUrl(new URL('https://u:p@solr.example.org/solr/biblio/select?q=x'));
    expect(collection).toBe('biblio');
    expect(`${url.origin}${url.pathname}`).toBe('https://solr.example.org/solr/admin/collections');
    expect(url.searchParams.get('action')).toBe('CLUSTERSTATUS');
  });
});
