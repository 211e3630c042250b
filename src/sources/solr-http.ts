import type { SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { makeIssue } from '../model/rules.js';
import { parseJsonExact } from '../read/exact-json.js';
import { boundedFetch, HttpFetchError, type HttpBounds } from './http-fetch.js';
import { rawRecordFromSolrDoc } from '../read/solr-doc.js';
import { addPartitionParams, fetchClusterShards, hashFilter, parseJobShare, type SolrCloudPartition, type SolrPartition } from './solr-shards.js';
import type { ReadLimits } from '../read/types.js';

const FORMAT = 'solr-json';

/** What to select from a live Solr index. */
export interface SolrQuery {
  /** `q`; default `*:*`. */
  query?: string | undefined;
  /** `fq`, one parameter each. */
  filters?: readonly string[] | undefined;
  /** `fl`; default `*`. */
  fields?: string | undefined;
  /** Page size (`rows`); default 1000. */
  rows?: number | undefined;
  /** Read only this share of the index: worker `index` (1-based) of `count`. */
  shard?: SolrShard | undefined;
  /** Read only these SolrCloud shards (`--solr-shard`, see solr-shards.ts); not with `shard`. */
  cloudShard?: SolrCloudPartition | undefined;
  /** The index's unique key, the cursor's tie-breaking sort; default `id`. */
  uniqueKey?: string | undefined;
  /** `distrib=false`: the URL is one core (a shard's replica) and it answers from its own documents only. */
  localCore?: boolean | undefined;
}

/** Runs one HTTP request when the run's request limits allow it (a p-queue's `add`). */
export type RequestScheduler = <T>(request: () => Promise<T>) => Promise<T>;

export interface SolrShard {
  /** 1-based, as in `--shard 2/4`. */
  index: number;
  count: number;
}

export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time allowed for one request (headers and body). */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 120_000 };

/**
 * Where a read stands: the cursor of the page to fetch next, how many of that page's
 * documents were already delivered, and how many documents were delivered in all.
 */
export interface SolrCheckpoint {
  cursorMark: string;
  skip: number;
  ordinal: number;
  /** The cursor stopped changing: everything was read. */
  done: boolean;
}

export interface SolrSourceOptions extends SolrQuery {
  limits: ReadLimits;
  retry?: Partial<RetryPolicy> | undefined;
  /** Continue from a checkpoint of an earlier run instead of the first page. */
  start?: SolrCheckpoint | undefined;
  /**
   * Told every time the resume position moves: after each page whose documents were all
   * taken, and when the reader is stopped in the middle of a page.
   */
  onCheckpoint?: ((checkpoint: SolrCheckpoint) => void | Promise<void>) | undefined;
  signal?: AbortSignal | undefined;
  /** Byte cap and idle timeout of one page (the total timeout is `retry.timeoutMs`). */
  http?: Partial<Omit<HttpBounds, 'totalTimeoutMs'>> | undefined;
  /** Most pages in a row that bring no document yet a new cursor before the read is stopped. */
  maxEmptyPages?: number | undefined;
  /** What records' positions and messages name the source (default: the input without credentials). */
  sourceName?: string | undefined;
  /** Every request waits its turn here (bounded concurrency and rate); default: at once. */
  schedule?: RequestScheduler | undefined;
}

/** Real Solr answers an exhausted cursor with the same cursor; a few empty pages are tolerated. */
export const DEFAULT_MAX_EMPTY_PAGES = 3;

const SCHEMES = ['solr+http:', 'solr+https:'];

/** True for `solr+http://...` and `solr+https://...` inputs. */
export function isSolrSource(input: string): boolean {
  return input.startsWith('solr+http://') || input.startsWith('solr+https://');
}

/** The input as it is named in source positions and logs: without credentials. */
export function solrSourceName(input: string): string {
  const url = new URL(input);
  url.username = '';
  url.password = '';
  return url.toString();
}

/** `{!hash workers=N worker=I}`: Solr's hash filter; its key fields go in `partitionKeys` (solr-shards.ts). */
export function shardFilter(shard: SolrShard): string {
  return hashFilter({ kind: 'hash', ...shard });
}

function partitionOf(query: SolrQuery): SolrPartition | undefined {
  return query.cloudShard ?? (query.shard ? { kind: 'hash', ...query.shard } : undefined);
}

/** Parses `I/N` (1-based: `1/4` ... `4/4`); undefined when it is not one. */
export function parseShard(text: string): SolrShard | undefined {
  return parseJobShare(text);
}

/** The select request for one page. */
export function solrSelectUrl(input: string, query: SolrQuery, cursorMark: string): URL {
  const source = new URL(input);
  if (!SCHEMES.includes(source.protocol)) throw new TypeError(`Not a Solr source: ${input} (expected solr+http:// or solr+https://)`);
  const url = new URL(source.toString().slice('solr+'.length));
  url.username = '';
  url.password = '';
  if (!url.pathname.endsWith('/select')) {
    // A loop, not /\/+$/: that pattern backtracks quadratically on a long run of slashes.
    let end = url.pathname.length;
    while (end > 0 && url.pathname.charCodeAt(end - 1) === 0x2f) end--;
    url.pathname = `${url.pathname.slice(0, end)}/select`;
  }
  const params = url.searchParams;
  const uniqueKey = query.uniqueKey ?? 'id';
  params.set('q', query.query ?? '*:*');
  for (const filter of query.filters ?? []) params.append('fq', filter);
  addPartitionParams(params, partitionOf(query), uniqueKey);
  params.set('fl', query.fields ?? '*');
  params.set('rows', String(query.rows ?? 1000));
  params.set('sort', `${uniqueKey} asc`);
  params.set('cursorMark', cursorMark);
  params.set('wt', 'json');
  if (query.localCore) params.set('distrib', 'false');
  return url;
}

export function authorizationOf(input: string): string | undefined {
  const url = new URL(input);
  if (url.username === '' && url.password === '') return undefined;
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

interface Page {
  docs: unknown[];
  nextCursorMark: string;
}

/** A request that failed for good; `transient` failures were retried before. */
class SolrRequestError extends Error {
  constructor(message: string, readonly transient: boolean) {
    super(message);
  }
}

/**
 * Every document of a Solr index matching the query, by cursor paging (`cursorMark=*`,
 * sorted by the unique key, until `nextCursorMark` stops changing). The next page is
 * fetched while the current one is handed out; transient failures (network errors, 429,
 * 5xx) are retried with exponential backoff; a failure that persists ends the read with
 * one `read.source-failed` record, after which a run can resume from the last checkpoint.
 */
export async function* readSolrSource(input: string, options: SolrSourceOptions): AsyncGenerator<RawRecord> {
  const file = options.sourceName ?? solrSourceName(input);
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const authorization = authorizationOf(input);
  const stopped = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopped.signal]) : stopped.signal;

  let query: SolrQuery = options;
  const bounds: Partial<HttpBounds> = { ...options.http, totalTimeoutMs: retry.timeoutMs };
  const fetchPage = (cursorMark: string): Promise<Page> =>
    fetchWithRetry(solrSelectUrl(input, query, cursorMark), authorization, retry, bounds, signal, options.schedule ?? ((request) => request()));
  const loops = new CursorLoopDetector(options.maxEmptyPages ?? DEFAULT_MAX_EMPTY_PAGES);

  let cursorMark = options.start?.cursorMark ?? '*';
  let skip = options.start?.skip ?? 0;
  let ordinal = options.start?.ordinal ?? 0;
  if (options.start?.done) return;
  if (options.cloudShard !== undefined) {
    try {
      const statusBounds = { idleTimeoutMs: options.http?.idleTimeoutMs, totalTimeoutMs: retry.timeoutMs, ...(options.http?.maxBytes !== undefined ? { maxBytes: options.http.maxBytes } : {}) };
      query = { ...options, cloudShard: await fetchClusterShards(options.cloudShard, solrSelectUrl(input, {}, '*'), authorization, statusBounds, signal) };
    } catch (error) {
      const message = `${file}: cannot tell the SolrCloud shards to read: ${(error as Error).message}`;
      yield { format: FORMAT, source: { file, ordinal: 1 }, fields: {}, issues: [makeIssue('read.source-failed', { message, source: { file, ordinal: 1 } })] };
      return;
    }
    // Job I of N with more jobs than shards: this job's share is empty.
    if (query.cloudShard?.names?.length === 0) return;
  }

  // Position inside the page being handed out, for a checkpoint if the consumer stops early.
  let delivered = -1;
  let pending: Promise<Page> | undefined = fetchPage(cursorMark);
  try {
    while (pending !== undefined) {
      let page: Page;
      try {
        page = await pending;
      } catch (error) {
        const source: SourcePosition = { file, ordinal: ordinal + 1 };
        const message = `${file}: reading stopped after ${ordinal} records at cursorMark ${cursorMark}: ${(error as Error).message}`;
        yield { format: FORMAT, source, fields: {}, issues: [makeIssue('read.source-failed', { message, source })] };
        return;
      }
      const exhausted = page.nextCursorMark === cursorMark;
      const loop = exhausted ? undefined : loops.check(cursorMark, page);
      pending = exhausted || loop !== undefined ? undefined : fetchPage(page.nextCursorMark);
      // Awaited in the next round; until then a rejection must not count as unhandled.
      pending?.catch(() => undefined);

      delivered = skip;
      for (let index = skip; index < page.docs.length; index++) {
        ordinal++;
        delivered = index + 1;
        yield rawRecordFromSolrDoc(page.docs[index], FORMAT, { file, ordinal }, options.limits);
      }
      delivered = -1;
      if (loop !== undefined) {
        const source: SourcePosition = { file, ordinal: ordinal + 1 };
        const message = `${file}: reading stopped after ${ordinal} records at cursorMark ${cursorMark}: ${loop}`;
        yield { format: FORMAT, source, fields: {}, issues: [makeIssue('read.source-failed', { message, source })] };
        // The documents of this page were taken: a resumed run starts after them and meets the loop again.
        await options.onCheckpoint?.({ cursorMark, skip: page.docs.length, ordinal, done: false });
        return;
      }
      cursorMark = page.nextCursorMark;
      skip = 0;
      await options.onCheckpoint?.({ cursorMark, skip: 0, ordinal, done: exhausted });
    }
  } finally {
    stopped.abort();
    if (delivered >= 0) await options.onCheckpoint?.({ cursorMark, skip: delivered, ordinal, done: false });
  }
}

/**
 * Catches a cursor that does not move forward: one that comes back to a mark already
 * visited (A -> B -> A), and empty pages that each bring a fresh mark. Either would page
 * for ever; real Solr ends a read by answering with the mark it was given.
 */
export class CursorLoopDetector {
  private readonly seen = new Set<string>();
  private emptyInARow = 0;

  constructor(private readonly maxEmptyPages: number) {}

  /** Why paging must stop after this page (fetched with `cursorMark`), or undefined. */
  check(cursorMark: string, page: { docs: readonly unknown[]; nextCursorMark: string }): string | undefined {
    this.seen.add(cursorMark);
    if (this.seen.has(page.nextCursorMark)) {
      return `Solr's cursor loops: nextCursorMark ${page.nextCursorMark} was already visited (${this.seen.size} pages read); check the sort on the unique key`;
    }
    this.emptyInARow = page.docs.length === 0 ? this.emptyInARow + 1 : 0;
    if (this.emptyInARow >= this.maxEmptyPages) {
      return `Solr's cursor does not end: ${this.emptyInARow} pages in a row brought no document but a new nextCursorMark`;
    }
    return undefined;
  }
}

async function fetchWithRetry(url: URL, authorization: string | undefined, policy: RetryPolicy, bounds: Partial<HttpBounds>, signal: AbortSignal, schedule: RequestScheduler): Promise<Page> {
  let lastError: SolrRequestError | undefined;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    if (attempt > 0) await sleep(backoffDelay(attempt, policy, lastError), signal);
    try {
      // Each try waits its turn: a retry is a request like any other for the server's limits.
      return await schedule(() => fetchOnce(url, authorization, bounds, signal));
    } catch (error) {
      if (signal.aborted) throw error;
      lastError = error instanceof SolrRequestError ? error : new SolrRequestError((error as Error).message, true);
      if (!lastError.transient) throw lastError;
    }
  }
  throw new SolrRequestError(`${lastError?.message ?? 'request failed'} (gave up after ${policy.attempts} tries)`, true);
}

class RetryAfter extends SolrRequestError {
  constructor(message: string, readonly delayMs: number) {
    super(message, true);
  }
}

/** Exponential backoff with jitter, or the server's Retry-After; never above the cap. */
function backoffDelay(attempt: number, policy: RetryPolicy, error: SolrRequestError | undefined): number {
  if (error instanceof RetryAfter) return Math.min(error.delayMs, policy.maxDelayMs);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return exponential / 2 + Math.random() * (exponential / 2);
}

async function fetchOnce(url: URL, authorization: string | undefined, bounds: Partial<HttpBounds>, signal: AbortSignal): Promise<Page> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  let response: Awaited<ReturnType<typeof boundedFetch>>;
  try {
    response = await boundedFetch(url, { ...bounds, headers, signal });
  } catch (error) {
    if (!(error instanceof HttpFetchError)) throw error;
    // A page over the cap would be over it again: only network failures and timeouts are retried.
    throw new SolrRequestError(error.message, error.kind !== 'too-large' && error.kind !== 'aborted');
  }
  const text = response.body.toString('utf8');
  if (!response.ok) {
    const message = `HTTP ${response.status} from ${url.origin}${url.pathname}: ${solrErrorMessage(text)}`;
    const transient = response.status === 429 || response.status >= 500;
    const retryAfter = Number(response.headers.get('retry-after'));
    if (transient && Number.isFinite(retryAfter) && retryAfter > 0) throw new RetryAfter(message, retryAfter * 1000);
    throw new SolrRequestError(message, transient);
  }
  let body: unknown;
  try {
    body = parseJsonExact(text);
  } catch (error) {
    throw new SolrRequestError(`the response is not JSON: ${(error as Error).message}`, false);
  }
  const docs = (body as { response?: { docs?: unknown } } | null)?.response?.docs;
  const nextCursorMark = (body as { nextCursorMark?: unknown } | null)?.nextCursorMark;
  if (!Array.isArray(docs)) throw new SolrRequestError('the response has no "response.docs" array', false);
  if (typeof nextCursorMark !== 'string') {
    throw new SolrRequestError('the response has no "nextCursorMark" (cursor paging needs Solr 4.7 or later and a sort on the unique key)', false);
  }
  return { docs, nextCursorMark };
}

/** Solr's own error text (`{"error":{"msg":...}}`) when it sent one, else the start of the body. */
function solrErrorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { msg?: unknown } };
    if (typeof body.error?.msg === 'string') return body.error.msg;
  } catch {
    // not JSON: fall through
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
