/**
 * A SolrCloud collection read shard by shard, several shards at once, politely: every shard
 * has its own cursor on one of its cores (`distrib=false`, the core named by CLUSTERSTATUS),
 * and all requests of the run wait their turn in one p-queue that bounds how many are in
 * flight (`concurrency`) and how many start per second (`rate`).
 *
 * The records come out in a fixed order, whatever the timing: shard by shard in code-point
 * order of the shard names, each shard in its cursor's order (the unique key's), exactly as
 * reading the shards one after another gives. Shards after the one being delivered are read
 * ahead, at most `concurrency` shards and a few pages each, so memory stays bounded.
 *
 * Each shard keeps its cursor under its own key (the same as `--solr-shard NAME`'s), so an
 * interrupted run resumes every shard where its delivered records end.
 */

import PQueue from 'p-queue';
import type { ReadLimits } from '../read/types.js';
import { makeIssue } from '../model/rules.js';
import { authorizationOf, DEFAULT_RETRY_POLICY, solrSelectUrl, solrSourceName, type RequestScheduler } from './solr-http.js';
import { readSolrPages, type LivePage, type SolrReadOptions } from './solr-pages.js';
import { fetchShardCores, type ShardCore } from './solr-shards.js';
import { UsageError } from './inputs.js';

/** Pages one shard may hold ahead of delivery (besides the one its reader fetches ahead). */
const PAGES_AHEAD = 2;

/** True when the options ask for the shards to be read each on its own cursor. */
export function readsShardsInParallel(options: SolrReadOptions): boolean {
  return options.concurrency !== undefined || options.rate !== undefined;
}

/** The run's one request queue: at most `concurrency` requests at once, starts at least 1/`rate` s apart. */
export function requestQueue(options: SolrReadOptions): RequestScheduler {
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1)) throw new UsageError(`Solr concurrency must be a whole number of requests of at least 1, not ${options.concurrency}`);
  if (options.rate !== undefined && !(Number.isFinite(options.rate) && options.rate > 0)) throw new UsageError(`Solr rate must be requests per second above 0, not ${options.rate}`);
  const queue = new PQueue({
    concurrency: options.concurrency ?? 1,
    // Starts at least 1/R s apart (a sliding window of one): fixed windows of R a second would let 2R through across an edge.
    ...(options.rate !== undefined ? { intervalCap: 1, interval: Math.ceil(1000 / options.rate), strict: true } : {}),
  });
  return <T>(request: () => Promise<T>): Promise<T> => queue.add(request);
}

/** The input of one shard's core, with the collection's credentials when the core is on the same host. */
function coreInput(input: string, core: ShardCore): string {
  const collection = new URL(input);
  const url = new URL(`solr+${core.coreUrl}`);
  // Credentials go only where the user sent them: another host named by the cluster gets none.
  if (url.host === collection.host) {
    url.username = collection.username;
    url.password = collection.password;
  }
  return url.toString();
}

/** One shard's pages, read ahead into a bounded buffer. */
class ShardAhead {
  private readonly pages: LivePage[] = [];
  private finished = false;
  private wake: (() => void) | undefined;
  private readonly iterator: AsyncGenerator<LivePage>;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(pages: AsyncGenerator<LivePage>) {
    this.iterator = pages;
  }

  start(): void {
    this.running ??= this.run();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private waitForChange(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopped) {
        while (this.pages.length >= PAGES_AHEAD && !this.stopped) await this.waitForChange();
        if (this.stopped) break;
        const next = await this.iterator.next();
        if (next.done) break;
        this.pages.push(next.value);
        this.notify();
      }
    } finally {
      this.finished = true;
      this.notify();
    }
  }

  /** The shard's pages in order, as they arrive. */
  async *drain(): AsyncGenerator<LivePage> {
    this.start();
    for (;;) {
      const page = this.pages.shift();
      if (page !== undefined) {
        this.notify();
        yield page;
        continue;
      }
      if (this.finished) return;
      await this.waitForChange();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.notify();
    await this.running?.catch(() => undefined);
    await this.iterator.return(undefined);
  }
}

/**
 * Every record of the collection's shards (those of `cloudShard`, else all of them), pages
 * in shard order then cursor order. A shard that fails ends with one `read.source-failed`
 * record naming it; the other shards are still read.
 */
export async function* readShardsInParallel(input: string, options: SolrReadOptions, limits: ReadLimits): AsyncGenerator<LivePage> {
  const name = solrSourceName(input);
  const schedule = requestQueue(options);
  const signal = options.signal ?? new AbortController().signal;
  let cores: ShardCore[];
  try {
    const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    cores = await schedule(() => fetchShardCores(options.cloudShard, solrSelectUrl(input, {}, '*'), authorizationOf(input), { totalTimeoutMs: retry.timeoutMs }, signal));
  } catch (error) {
    const message = `${name}: cannot tell the SolrCloud shards to read: ${(error as Error).message}`;
    yield { records: [{ format: 'solr-json', source: { file: name, ordinal: 1 }, fields: {}, issues: [makeIssue('read.source-failed', { message, source: { file: name, ordinal: 1 } })] }] };
    return;
  }
  const shards = cores.map(
    (core) =>
      new ShardAhead(
        readSolrPages(
          coreInput(input, core),
          {
            ...options,
            shard: undefined,
            cloudShard: undefined,
            localCore: true,
            schedule,
            sourceName: `${name}#${core.name}`,
            // The cursor is the shard's, kept under the collection and the shard's name.
            cursorSource: { input, cloudShard: { kind: 'cloud', names: [core.name] } },
          },
          limits,
        ),
      ),
  );
  const window = Math.max(1, options.concurrency ?? 1);
  try {
    for (let index = 0; index < shards.length; index++) {
      // The shard being delivered and the next ones, as many as requests may be in flight, read ahead.
      for (let ahead = index; ahead < Math.min(shards.length, index + window); ahead++) shards[ahead]!.start();
      yield* shards[index]!.drain();
    }
  } finally {
    await Promise.all(shards.map((shard) => shard.stop()));
  }
}
