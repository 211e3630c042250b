import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Solr select handler on 127.0.0.1 that implements the real cursorMark protocol over a
 * fixed document set: results sorted by `id asc`, the cursor an opaque token of the last
 * sort value handed out, `nextCursorMark` equal to the given one once nothing is left.
 * `{!hash workers=N worker=I}` filters with `partitionKeys=id` partition the set by a hash of the id.
 * Failures can be queued to answer the next requests.
 */

export interface LoopbackDoc {
  id: string;
  /** Above 2^53, written as bare JSON digits as Solr does. */
  version: string;
  title: string;
}

export type PlannedFailure = { status: number; retryAfter?: number; body?: string } | 'reset';

export interface SeenRequest {
  params: URLSearchParams;
  authorization: string | undefined;
}

export interface LoopbackSolr {
  /** `solr+http://127.0.0.1:PORT/solr/biblio` */
  url: string;
  requests: SeenRequest[];
  failNext(...failures: PlannedFailure[]): void;
  /** Forgets the requests seen and the failures still planned. */
  reset(): void;
  /** Resolves when the server has received this many select requests. */
  waitForRequests(count: number): Promise<void>;
  /**
   * Answers no request after the first `count` (counted from now) until `release` is called:
   * a client is then certainly waiting mid-read (to be killed there).
   */
  holdAfter(count: number): { release(): void; waiting: Promise<void> };
  close(): Promise<void>;
}

export function makeDocs(count: number): LoopbackDoc[] {
  // Inserted out of order on purpose: the server must sort.
  return Array.from({ length: count }, (_, index) => {
    const number = (index * 7919) % count;
    return { id: `rec-${String(number).padStart(4, '0')}`, version: String(1821734098163351552n + BigInt(number)), title: `Title ${number}` };
  });
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const encodeCursor = (lastId: string): string => Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
const decodeCursor = (mark: string): string | undefined =>
  mark === '*' ? undefined : (JSON.parse(Buffer.from(mark, 'base64url').toString('utf8')) as { after: string }).after;

function docJson(doc: LoopbackDoc): string {
  return `{"id":${JSON.stringify(doc.id)},"title":${JSON.stringify(doc.title)},"_version_":${doc.version}}`;
}

function sendError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ responseHeader: { status: 400 }, error: { msg: message, code: status } }));
}

export async function startLoopbackSolr(docs: readonly LoopbackDoc[]): Promise<LoopbackSolr> {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const requests: SeenRequest[] = [];
  const failures: PlannedFailure[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];

  let held: { remaining: number; queue: Array<() => void>; released: boolean; onHeld: () => void } | undefined;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (held !== undefined && !held.released) {
      if (held.remaining === 0) {
        held.queue.push(() => handle(request, response));
        held.onHeld();
        return;
      }
      held.remaining--;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/solr/biblio/select') {
      sendError(response, 404, `no handler for ${url.pathname}`);
      return;
    }
    requests.push({ params: url.searchParams, authorization: request.headers.authorization });
    for (const waiter of waiters.filter((candidate) => candidate.count <= requests.length)) waiter.resolve();

    const failure = failures.shift();
    if (failure === 'reset') {
      request.socket.destroy();
      return;
    }
    if (failure !== undefined) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      response.writeHead(failure.status, headers);
      response.end(failure.body ?? JSON.stringify({ error: { msg: `planned failure ${failure.status}`, code: failure.status } }));
      return;
    }

    const params = url.searchParams;
    if (params.get('wt') !== 'json') return sendError(response, 400, 'this test server speaks wt=json only');
    if (params.get('sort') !== 'id asc') return sendError(response, 400, 'Cursor functionality requires a sort containing a uniqueKey field tie breaker');
    const mark = params.get('cursorMark');
    if (mark === null) return sendError(response, 400, 'cursorMark missing');
    const rows = Number(params.get('rows') ?? '10');
    let matching = sorted;
    for (const filter of params.getAll('fq')) {
      const hash = /^\{!hash workers=(\d+) worker=(\d+)\}$/.exec(filter);
      if (!hash || (Number(hash[1]) > 1 && params.get('partitionKeys') !== 'id')) return sendError(response, 400, `unsupported fq ${filter} (partitionKeys=${params.get('partitionKeys')})`);
      const workers = Number(hash[1]);
      const worker = Number(hash[2]);
      matching = matching.filter((doc) => fnv1a(doc.id) % workers === worker);
    }
    const after = decodeCursor(mark);
    const page = matching.filter((doc) => after === undefined || doc.id > after).slice(0, rows);
    const next = page.length === 0 ? mark : encodeCursor(page[page.length - 1]!.id);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      `{"responseHeader":{"status":0,"QTime":1},"response":{"numFound":${matching.length},"start":0,"docs":[${page.map(docJson).join(',')}]},"nextCursorMark":${JSON.stringify(next)}}`,
    );
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `solr+http://127.0.0.1:${port}/solr/biblio`,
    requests,
    failNext: (...planned) => {
      failures.push(...planned);
    },
    reset: () => {
      requests.length = 0;
      failures.length = 0;
      waiters.length = 0;
    },
    holdAfter: (count) => {
      let onHeld = (): void => {};
      const waiting = new Promise<void>((resolve) => (onHeld = resolve));
      const hold = { remaining: count, queue: [] as Array<() => void>, released: false, onHeld: () => onHeld() };
      held = hold;
      return {
        waiting,
        release: () => {
          hold.released = true;
          for (const next of hold.queue.splice(0)) next();
        },
      };
    },
    waitForRequests: (count) =>
      new Promise((resolve) => {
        if (requests.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
