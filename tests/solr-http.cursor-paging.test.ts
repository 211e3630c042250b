import { temporaryDirectory } from './helpers/temp.js';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { rawRecords } from './helpers/raw-records.js';
import { parseShard, readSolrSource, shardFilter, solrSelectUrl, solrSourceName, type SolrSourceOptions } from '../src/sources/solr-http.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { makeDocs, startLoopbackSolr, type LoopbackSolr } from './helpers/loopback-solr.js';

const DOCS = makeDocs(25);
const ALL_IDS = DOCS.map((doc) => doc.id).sort();
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 50, attempts: 4 };

let solr: LoopbackSolr;
let directory: string;

beforeAll(async () => {
  solr = await startLoopbackSolr(DOCS);
});
afterAll(async () => {
  await solr.close();
});
beforeEach(async () => {
  solr.reset();
  directory = temporaryDirectory('bibpipe-solr-');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Takes records without closing the reader (a for-await `break` would close it). */
async function take(records: AsyncGenerator<RawRecord>, count: number): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  while (out.length < count) {
    const next = await records.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

async function collect(records: AsyncIterable<RawRecord>, stopAfter = Infinity): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of records) {
    out.push(record);
    if (out.length >= stopAfter) break;
  }
  return out;
}

const source = (options: Partial<SolrSourceOptions> = {}): AsyncGenerator<RawRecord> =>
  readSolrSource(solr.url, { limits: DEFAULT_READ_LIMITS, rows: 7, retry: FAST_RETRY, ...options });

describe('solr-http: cursor paging', () => {
  it('reads every document once, in id order, with exact _version_ and the cursor protocol', async () => {
    const records = await collect(source());
    expect(records.map((record) => record.fields.id)).toEqual(ALL_IDS);
    expect(records.every((record) => record.issues.length === 0)).toBe(true);
    const first = DOCS.find((doc) => doc.id === ALL_IDS[0])!;
    expect(records[0]!.fields._version_).toBe(first.version);
    expect(records.map((record) => record.source.ordinal)).toEqual(ALL_IDS.map((_, index) => index + 1));
    expect(records[0]!.source.file).toBe(solr.url);

    // 25 docs in pages of 7: 4 pages, then one that returns the same cursor.
    const marks = solr.requests.map((request) => request.params.get('cursorMark'));
    expect(marks).toHaveLength(5);
    expect(marks[0]).toBe('*');
    expect(new Set(marks).size).toBe(5);
    for (const request of solr.requests) {
      expect(request.params.get('sort')).toBe('id asc');
      expect(request.params.get('wt')).toBe('json');
      expect(request.params.get('q')).toBe('*:*');
      expect(request.params.get('fl')).toBe('*');
      expect(request.params.get('rows')).toBe('7');
    }
  });

  it('sends q, every fq and fl as given', async () => {
    await collect(source({ query: 'title:x', filters: ['format:Article', 'language:English'], fields: 'id,title' }));
    const params = solr.requests[0]!.params;
    expect(params.get('q')).toBe('title:x');
    expect(params.getAll('fq')).toEqual(['format:Article', 'language:English']);
    expect(params.get('fl')).toBe('id,title');
  });

  it('fetches the next page while the current one is handed out', async () => {
    const records = source();
    const first = await records.next();
    expect(first.value?.fields.id).toBe(ALL_IDS[0]);
    // The consumer holds the first record of page 1; page 2 is already on its way.
    await solr.waitForRequests(2);
    expect(solr.requests).toHaveLength(2);
    await records.return(undefined);
  });

  it('sends credentials as Basic auth and never names them in source positions', async () => {
    const url = solr.url.replace('solr+http://', 'solr+http://reader:s%3Acret@');
    const records = await collect(readSolrSource(url, { limits: DEFAULT_READ_LIMITS, rows: 100 }));
    expect(records).toHaveLength(25);
    expect(solr.requests[0]!.authorization).toBe(`Basic ${Buffer.from('reader:s:cret').toString('base64')}`);
    expect(records[0]!.source.file).toBe(solr.url);
    expect(solrSourceName(url)).not.toContain('cret');
  });
});

describe('solr-http: failures', () => {
  it('retries a 503, a 429 with Retry-After and a reset connection, and still reads every document once', async () => {
    solr.failNext({ status: 503 }, { status: 429, retryAfter: 0.01 }, 'reset');
    const records = await collect(source());
    expect(records.map((record) => record.fields.id)).toEqual(ALL_IDS);
    expect(solr.requests).toHaveLength(5 + 3);
  });

  it('does not retry a 400: one read.source-failed record with Solr\'s message', async () => {
    solr.failNext({ status: 400, body: JSON.stringify({ error: { msg: "undefined field tittle", code: 400 } }) });
    const records = await collect(source());
    expect(records).toHaveLength(1);
    expect(records[0]!.issues[0]).toMatchObject({ code: 'read.source-failed', severity: 'error' });
    expect(records[0]!.issues[0]!.message).toContain('undefined field tittle');
    // The first page failed; the prefetch had nothing to fetch yet.
    expect(solr.requests).toHaveLength(1);
  });

  it('gives up after the configured tries; the pages read before stay', async () => {
    const records = source();
    const firstPage = await take(records, 7);
    await solr.waitForRequests(2); // page 2 prefetched, successfully
    solr.failNext(...Array.from({ length: 4 }, () => ({ status: 502 })));
    const rest = await collect(records);
    expect(firstPage.map((record) => record.fields.id)).toEqual(ALL_IDS.slice(0, 7));
    expect(rest.slice(0, 7).map((record) => record.fields.id)).toEqual(ALL_IDS.slice(7, 14));
    expect(rest).toHaveLength(8);
    expect(rest[7]!.issues[0]!.code).toBe('read.source-failed');
    expect(rest[7]!.issues[0]!.message).toMatch(/HTTP 502.*gave up after 4 tries/);
  });
});

describe('solr-http: resume and shards (through readRecords)', () => {
  it('resumes an interrupted run from the last page it delivered whole: no document lost, at most that page again', async () => {
    const cursorFile = join(directory, 'solr-cursor.json');
    const solrOptions = { rows: 7, cursorFile, retry: FAST_RETRY };
    // Interrupted in the middle of the second page: only the first page counts as delivered.
    const firstRun = await collect(rawRecords([solr.url], { solr: solrOptions }), 10);
    const saved = JSON.parse(await readFile(cursorFile, 'utf8')) as { sources: Record<string, { skip: number; ordinal: number; done: boolean }> };
    expect(Object.values(saved.sources)).toMatchObject([{ skip: 0, ordinal: 7, done: false }]);

    const secondRun = await collect(rawRecords([solr.url], { solr: { ...solrOptions, resume: true } }));
    expect(firstRun.map((record) => record.fields.id)).toEqual(ALL_IDS.slice(0, 10));
    expect(secondRun.map((record) => record.fields.id)).toEqual(ALL_IDS.slice(7));
    expect(secondRun.map((record) => record.source.ordinal)).toEqual(ALL_IDS.slice(7).map((_, index) => index + 8));

    const finished = JSON.parse(await readFile(cursorFile, 'utf8')) as { sources: Record<string, { done: boolean; ordinal: number }> };
    expect(Object.values(finished.sources)).toMatchObject([{ done: true, ordinal: 25 }]);
    // A resumed run of a finished source reads nothing more.
    expect(await collect(rawRecords([solr.url], { solr: { ...solrOptions, resume: true } }))).toEqual([]);
  });

  it('saves the cursor after every page, so a crash loses at most the page in hand', async () => {
    const cursorFile = join(directory, 'solr-cursor.json');
    const records = rawRecords([solr.url], { solr: { rows: 7, cursorFile } });
    await take(records, 8); // page 1 done, page 2 begun
    const saved = JSON.parse(await readFile(cursorFile, 'utf8')) as { sources: Record<string, { cursorMark: string; skip: number; ordinal: number }> };
    const checkpoint = Object.values(saved.sources)[0]!;
    expect(checkpoint).toMatchObject({ skip: 0, ordinal: 7 });
    expect(checkpoint.cursorMark).toBe(solr.requests[1]!.params.get('cursorMark'));
    await records.return(undefined);
  });

  it('ignores a saved cursor of another query and starts afresh', async () => {
    const cursorFile = join(directory, 'solr-cursor.json');
    await collect(rawRecords([solr.url], { solr: { rows: 7, cursorFile } }), 10);
    const requestsBefore = solr.requests.length;
    const other = await collect(rawRecords([solr.url], { solr: { rows: 7, cursorFile, resume: true, fields: 'id,title' } }));
    expect(other.map((record) => record.fields.id)).toEqual(ALL_IDS);
    // (A page the first run had asked for ahead may still arrive after it stopped.)
    const firstOfOther = solr.requests.slice(requestsBefore).find((request) => request.params.get('fl') === 'id,title');
    expect(firstOfOther!.params.get('cursorMark')).toBe('*');
  });

  it('splits the index across 2 shards without overlap or gap', async () => {
    const first = await collect(rawRecords([solr.url], { solr: { rows: 5, shard: { index: 1, count: 2 } } }));
    const firstFilters = solr.requests.map((request) => request.params.getAll('fq'));
    const second = await collect(rawRecords([solr.url], { solr: { rows: 5, shard: { index: 2, count: 2 } } }));
    const firstIds = first.map((record) => record.fields.id as string);
    const secondIds = second.map((record) => record.fields.id as string);
    expect(firstIds.length).toBeGreaterThan(0);
    expect(secondIds.length).toBeGreaterThan(0);
    expect(firstIds.filter((id) => secondIds.includes(id))).toEqual([]);
    expect([...firstIds, ...secondIds].sort()).toEqual(ALL_IDS);
    expect(firstFilters.every((filters) => filters.includes('{!hash workers=2 worker=0}'))).toBe(true);
  });
});

describe('solr-http: request building', () => {
  it('turns solr+http(s) into the select handler and parses --shard I/N (1-based)', () => {
    expect(solrSelectUrl('solr+https://solr.example.org/solr/biblio/', {}, '*').toString()).toBe(
      'https://solr.example.org/solr/biblio/select?q=*%3A*&fl=*&rows=1000&sort=id+asc&cursorMark=*&wt=json',
    );
    expect(solrSelectUrl('solr+http://h:8983/solr/biblio/select', {}, 'AoE').pathname).toBe('/solr/biblio/select');
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(['0/4', '5/4', '1/0', 'x/2', '3'].map(parseShard)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(shardFilter({ index: 3, count: 4 })).toBe('{!hash workers=4 worker=2}');
  });
});
