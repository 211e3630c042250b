import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A SolrCloud stand-in on 127.0.0.1 for the scale-out tests: one collection (`biblio`) split
 * into named shards, answering the way Solr does where bibpipe's shard logic could go wrong,
 * and with hashes of its own that bibpipe does not share (so the tests are not
 * self-consistent by construction):
 *
 * - select with the cursorMark protocol, sorted by `id asc` in Lucene's order (UTF-8 bytes);
 * - `{!hash workers=N worker=I}`: Solr reads the key fields from the request parameter
 *   `partitionKeys` (a `keys` local parameter is ignored); without it Solr fails the request
 *   (HTTP 500, a NullPointerException in HashQParser), and `workers` below 2 is a 400. The
 *   partition hash here is MD5-based, nothing like Solr's or bibpipe's fingerprints;
 * - documents are routed to shards by a hash of the id (SHA-1 based, again its own);
 * - `shards=NAME[,NAME]` answers from exactly those logical shards; an unknown name is a 400;
 * - `distrib=false` answers from the receiving node's own core only (the stand-in's node
 *   hosts `localCore`), whatever `shards` says, as a real node does;
 * - `/solr/admin/collections?action=CLUSTERSTATUS` lists the shards, each with one replica
 *   core on this node (`/solr/biblio_NAME_replica_nI`), whose select answers from that shard
 *   only with `distrib=false` (and from the whole collection without, as a real core does);
 * - it counts the requests in flight at once and when each request arrived, so a test can
 *   check a client's concurrency and rate from the server's side; `delayMs` holds every select
 *   answer that long (requests then overlap), and `failingShards` answer HTTP 500 on their core.
 *
 * Bounded: at most `maxRows` rows per page and `maxRequests` requests in all (then 429).
 */

export interface StandinDoc {
  id: string;
  /** The document as Solr writes it in a response (`_version_` as bare digits). */
  json: string;
}

export interface StandinOptions {
  shardNames?: readonly string[];
  /** The shard whose core this node hosts (answers `distrib=false`); default the first. */
  localCore?: string;
  maxRows?: number;
  maxRequests?: number;
  /** Every select answer is held this long (default 0). */
  delayMs?: number;
  /** Shards whose core fails every select (HTTP 500). */
  failingShards?: readonly string[];
}

export interface SolrStandin {
  /** `solr+http://127.0.0.1:PORT/solr/biblio` */
  url: string;
  shardNames: readonly string[];
  /** Which shard holds an id (the stand-in's own routing). */
  shardOf(id: string): string;
  requests: URLSearchParams[];
  /** The path of each request, in the order they came. */
  paths: string[];
  /** When each select request arrived (ms, performance.now() of the server). */
  arrivals: number[];
  /** The most select requests in flight at once so far. */
  maxInFlight(): number;
  close(): Promise<void>;
}

const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

function md5Word(text: string): number {
  return createHash('md5').update(text).digest().readUInt32BE(0);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function solrError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { responseHeader: { status }, error: { msg: message, code: status } });
}

const encodeCursor = (lastId: string): string => `AoE${Buffer.from(lastId).toString('base64url')}`;
const decodeCursor = (mark: string): string | undefined => (mark === '*' ? undefined : Buffer.from(mark.slice(3), 'base64url').toString('utf8'));

export async function startSolrStandin(docs: readonly StandinDoc[], options: StandinOptions = {}): Promise<SolrStandin> {
  const shardNames = options.shardNames ?? ['shard1', 'shard2', 'shard3'];
  const localCore = options.localCore ?? shardNames[0]!;
  const maxRows = options.maxRows ?? 1000;
  const maxRequests = options.maxRequests ?? 10_000;
  // Solr keeps the last document of an id.
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const sorted = [...byId.values()].sort((a, b) => byUtf8(a.id, b.id));
  const shardOf = (id: string): string => shardNames[createHash('sha1').update(id).digest().readUInt32BE(0) % shardNames.length]!;
  const requests: URLSearchParams[] = [];
  const paths: string[] = [];
  const arrivals: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let baseUrl = 'http://127.0.0.1:8983/solr';
  const coreName = (name: string, index: number): string => `biblio_${name}_replica_n${index + 1}`;

  const clusterStatus = (response: ServerResponse, params: URLSearchParams): void => {
    if (params.get('action') !== 'CLUSTERSTATUS') return solrError(response, 400, `unsupported action ${params.get('action')}`);
    const collection = params.get('collection');
    if (collection !== null && collection !== 'biblio') return solrError(response, 400, `Collection: ${collection} not found`);
    const shards = Object.fromEntries(
      shardNames.map((name, index) => [
        name,
        {
          range: null,
          state: 'active',
          replicas: {
            // A replica that is down comes first: a reader must pick the active leader.
            [`core_node${index + 101}`]: { core: `${coreName(name, index)}_down`, base_url: baseUrl, node_name: '127.0.0.1:1_solr', state: 'down', leader: 'false' },
            [`core_node${index + 1}`]: { core: coreName(name, index), base_url: baseUrl, node_name: '127.0.0.1:8983_solr', state: 'active', leader: 'true' },
          },
        },
      ]),
    );
    sendJson(response, 200, { responseHeader: { status: 0 }, cluster: { collections: { biblio: { shards, router: { name: 'compositeId' } } }, live_nodes: ['127.0.0.1:8983_solr'] } });
  };

  const select = (response: ServerResponse, params: URLSearchParams, core: string | undefined): void => {
    if (params.get('wt') !== 'json') return solrError(response, 400, 'this stand-in speaks wt=json only');
    if (params.get('q') !== '*:*') return solrError(response, 400, 'this stand-in answers q=*:* only');
    if (params.get('sort') !== 'id asc') return solrError(response, 400, 'Cursor functionality requires a sort containing a uniqueKey field tie breaker');
    const mark = params.get('cursorMark');
    if (mark === null) return solrError(response, 400, 'this stand-in pages with cursorMark only');
    const rows = Number(params.get('rows') ?? '10');
    if (!Number.isInteger(rows) || rows < 0 || rows > maxRows) return solrError(response, 400, `rows must be 0..${maxRows}`);
    let matching = sorted;
    if (core !== undefined && params.get('distrib') === 'false') {
      matching = matching.filter((doc) => shardOf(doc.id) === core);
    } else if (params.get('distrib') === 'false') {
      matching = matching.filter((doc) => shardOf(doc.id) === localCore);
    } else if (params.get('shards') !== null) {
      const wanted = params.get('shards')!.split(',');
      const unknown = wanted.filter((name) => !shardNames.includes(name));
      if (unknown.length > 0) return solrError(response, 400, `no active slice servicing ${unknown.join(',')}`);
      matching = matching.filter((doc) => wanted.includes(shardOf(doc.id)));
    }
    for (const filter of params.getAll('fq')) {
      const hash = /^\{!hash\s+([^}]*)\}$/.exec(filter);
      if (!hash) return solrError(response, 400, `this stand-in supports only {!hash} filters, not ${filter}`);
      const local = new URLSearchParams(hash[1]!.trim().split(/\s+/).join('&'));
      const workers = Number(local.get('workers') ?? '0');
      const worker = Number(local.get('worker') ?? '0');
      if (workers < 2) return solrError(response, 400, 'workers needs to be more than 1');
      const keys = params.get('partitionKeys');
      if (keys === null) return solrError(response, 500, 'java.lang.NullPointerException: Cannot invoke "String.replace(java.lang.CharSequence, java.lang.CharSequence)" because "keyParam" is null');
      if (keys.replace(/\s/g, '') !== 'id') return solrError(response, 400, `undefined field ${keys} (this stand-in partitions on id only)`);
      matching = matching.filter((doc) => md5Word(doc.id) % workers === worker);
    }
    const after = decodeCursor(mark);
    const start = after === undefined ? 0 : matching.findIndex((doc) => byUtf8(doc.id, after) > 0);
    const page = start < 0 ? [] : matching.slice(start, start + rows);
    const next = page.length === 0 ? mark : encodeCursor(page[page.length - 1]!.id);
    sendJson(response, 200, `{"responseHeader":{"status":0,"QTime":1},"response":{"numFound":${matching.length},"start":0,"docs":[${page.map((doc) => doc.json).join(',')}]},"nextCursorMark":${JSON.stringify(next)}}`);
  };

  const coreShard = (path: string): string | undefined => shardNames.find((name, index) => path === `/solr/${coreName(name, index)}/select`);

  const answer = (url: URL, response: ServerResponse): void => {
    if (url.pathname === '/solr/admin/collections') return clusterStatus(response, url.searchParams);
    if (url.pathname === '/solr/biblio/select') return select(response, url.searchParams, undefined);
    const shard = coreShard(url.pathname);
    if (shard !== undefined && options.failingShards?.includes(shard)) return solrError(response, 500, `core of ${shard} is failing`);
    if (shard !== undefined) return select(response, url.searchParams, shard);
    solrError(response, 404, `no handler for ${url.pathname}`);
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url.searchParams);
    paths.push(url.pathname);
    if (requests.length > maxRequests) return solrError(response, 429, 'the stand-in request budget is spent');
    if (!url.pathname.endsWith('/select')) return answer(url, response);
    arrivals.push(performance.now());
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      answer(url, response);
    }, options.delayMs ?? 0);
  };

  const server: Server = createServer(handle);
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/solr`;
  return {
    url: `solr+http://127.0.0.1:${port}/solr/biblio`,
    shardNames,
    shardOf,
    requests,
    paths,
    arrivals,
    maxInFlight: () => mostInFlight,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A document from stored fields, `_version_` written as bare digits as Solr does. */
export function standinDoc(fields: Readonly<Record<string, string | readonly string[]>>): StandinDoc {
  const id = fields.id;
  if (typeof id !== 'string') throw new Error('a stand-in document needs a string id');
  const parts = Object.entries(fields).map(([name, value]) =>
    name === '_version_' && typeof value === 'string' && /^\d+$/.test(value) ? `${JSON.stringify(name)}:${value}` : `${JSON.stringify(name)}:${JSON.stringify(value)}`,
  );
  return { id, json: `{${parts.join(',')}}` };
}
