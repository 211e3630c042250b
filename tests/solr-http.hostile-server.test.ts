import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { boundedFetch, HttpFetchError } from '../src/sources/http-fetch.js';
import { CursorLoopDetector, readSolrSource, type SolrSourceOptions } from '../src/sources/solr-http.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';

/**
 * Solr servers that misbehave: a page that never ends, a server that drips bytes or goes
 * silent, cursors that cycle or never end. Every case must end with one clear
 * `read.source-failed` record, after a bounded number of requests and bytes.
 */

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

interface Hostile {
  url: string;
  requests: () => number;
  bytesSent: () => number;
  close(): Promise<void>;
}

const servers: Hostile[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function hostileSolr(handler: Handler): Promise<Hostile> {
  let requests = 0;
  let bytesSent = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    requests++;
    const write = response.write.bind(response);
    response.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      bytesSent += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      return write(chunk, ...rest);
    }) as typeof response.write;
    handler(request, response, requests);
  });
  // Handlers keep their timers here, so that closing the server stops them.
  (server as Server & { timers?: Set<NodeJS.Timeout> }).timers = timers;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hostile: Hostile = {
    url: `solr+http://127.0.0.1:${port}/solr/biblio`,
    requests: () => requests,
    bytesSent: () => bytesSent,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(hostile);
  return hostile;
}

function every(response: ServerResponse, ms: number, tick: () => boolean): void {
  const timer = setInterval(() => {
    if (response.destroyed || !tick()) clearInterval(timer);
  }, ms);
  response.on('close', () => clearInterval(timer));
}

async function readAll(url: string, options: Partial<SolrSourceOptions> = {}): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of readSolrSource(url, { limits: DEFAULT_READ_LIMITS, rows: 2, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10, timeoutMs: 5_000 }, ...options })) {
    out.push(record);
    if (out.length > 1000) throw new Error('the reader did not stop');
  }
  return out;
}

const page = (ids: string[], next: string): string =>
  JSON.stringify({ responseHeader: { status: 0 }, response: { numFound: 99, start: 0, docs: ids.map((id) => ({ id })) }, nextCursorMark: next });

function failureOf(records: RawRecord[]): string {
  const last = records[records.length - 1]!;
  expect(last.issues.map((issue) => issue.code)).toEqual(['read.source-failed']);
  return last.issues[0]!.message;
}

describe('live Solr: bounded reading of hostile responses', () => {
  it('stops a response that never ends at the byte cap, calls it too large (not a network error) and does not retry it', async () => {
    const chunk = `{"response":{"docs":[${'{"id":"x"},'.repeat(6000)}`;
    const server = await hostileSolr((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      every(response, 1, () => response.write(chunk) || true);
    });
    const records = await readAll(server.url, { http: { maxBytes: 1024 * 1024 } });
    const message = failureOf(records);
    expect(message).toMatch(/larger than 1048576 bytes/);
    expect(message).not.toMatch(/network error/);
    expect(server.requests()).toBe(1);
    expect(server.bytesSent()).toBeLessThan(64 * 1024 * 1024);
  }, 20_000);

  it('refuses a page whose Content-Length is over the cap before reading it', async () => {
    const server = await hostileSolr((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(700 * 1024 * 1024) });
      response.write('{');
    });
    const message = failureOf(await readAll(server.url, { http: { maxBytes: 1024 * 1024 } }));
    expect(message).toMatch(/larger than 1048576 bytes \(Content-Length 734003200\)/);
  }, 20_000);

  it('gives up on a server that sends its headers and then nothing (idle timeout), after the allowed tries', async () => {
    const server = await hostileSolr((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"response":');
    });
    const message = failureOf(await readAll(server.url, { http: { idleTimeoutMs: 200 } }));
    expect(message).toMatch(/no data for 200 ms \(idle timeout\).*gave up after 2 tries/);
    expect(server.requests()).toBe(2);
  }, 20_000);

  it('gives up on a server that drips one byte at a time (total timeout), though no gap reaches the idle timeout', async () => {
    const server = await hostileSolr((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      every(response, 20, () => response.write(' '));
    });
    const message = failureOf(await readAll(server.url, { http: { idleTimeoutMs: 2_000 }, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 400 } }));
    expect(message).toMatch(/no complete response within 400 ms \(total timeout\)/);
  }, 20_000);

  it('stops a cursor that cycles A -> B -> A after the pages it has, without looping', async () => {
    const server = await hostileSolr((request, response) => {
      const mark = new URL(request.url ?? '/', 'http://x').searchParams.get('cursorMark');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(mark === 'A' ? page(['a1', 'a2'], 'B') : mark === 'B' ? page(['b1', 'b2'], 'A') : page(['s1', 's2'], 'A'));
    });
    const records = await readAll(server.url);
    expect(records.slice(0, -1).map((record) => record.fields.id)).toEqual(['s1', 's2', 'a1', 'a2', 'b1', 'b2']);
    expect(failureOf(records)).toMatch(/cursor loops: nextCursorMark A was already visited/);
    expect(server.requests()).toBeLessThanOrEqual(4);
  }, 20_000);

  it('stops empty pages that each bring a fresh cursor after the empty-page cap', async () => {
    const server = await hostileSolr((_request, response, count) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(page(count === 1 ? ['first'] : [], `mark-${count}`));
    });
    const records = await readAll(server.url, { maxEmptyPages: 3 });
    expect(records.slice(0, -1).map((record) => record.fields.id)).toEqual(['first']);
    expect(failureOf(records)).toMatch(/3 pages in a row brought no document/);
    expect(server.requests()).toBeLessThanOrEqual(5);
  }, 20_000);
});

describe('boundedFetch', () => {
  it('ends at once when the caller aborts, whatever the body is doing', async () => {
    const server = await hostileSolr((_request, response) => {
      response.writeHead(200);
      every(response, 20, () => response.write('x'));
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const url = new URL(server.url.slice('solr+'.length));
    const failure = await boundedFetch(url, { signal: controller.signal, idleTimeoutMs: 60_000, totalTimeoutMs: 60_000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpFetchError);
    expect((failure as HttpFetchError).kind).toBe('aborted');
  }, 20_000);

  it('names a refused connection a network error', async () => {
    const server = await hostileSolr(() => undefined);
    const url = new URL(server.url.slice('solr+'.length));
    await server.close();
    servers.length = 0;
    const failure = (await boundedFetch(url).catch((error: unknown) => error)) as HttpFetchError;
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/^network error: .*ECONNREFUSED/);
  }, 20_000);
});

describe('CursorLoopDetector', () => {
  it('lets a real cursor walk go and catches a return to any earlier mark', () => {
    const detector = new CursorLoopDetector(3);
    expect(detector.check('*', { docs: [1], nextCursorMark: 'A' })).toBeUndefined();
    expect(detector.check('A', { docs: [1], nextCursorMark: 'B' })).toBeUndefined();
    expect(detector.check('B', { docs: [1], nextCursorMark: 'C' })).toBeUndefined();
    expect(detector.check('C', { docs: [1], nextCursorMark: '*' })).toMatch(/already visited/);
  });
});
