/**
 * How one job of a scaled-out run reads only its share of a live Solr index. Two partitions:
 *
 * - `hash` (`--shard I/N`): Solr's hash filter `{!hash workers=N worker=I-1}`, whose key
 *   fields Solr reads from the request parameter `partitionKeys` (a `keys` local parameter is
 *   ignored, and without `partitionKeys` Solr fails the request). The hash is computed inside
 *   Solr and differs between versions: bibpipe never reproduces it, it only relies on the
 *   workers of one request shape splitting the index without overlap or gap.
 * - `cloud` (`--solr-shard NAME` or `--solr-shard I/N`): the partition SolrCloud itself keeps.
 *   The request names one or more logical shards (`shards=shard1`); SolrCloud answers from a
 *   replica of exactly those shards, so every record is in exactly one job, no hashing at all.
 *   `I/N` takes the collection's shard names from the Collections API (CLUSTERSTATUS), sorts
 *   them, and gives job I every name at a position p (0-based) with p mod N = I - 1.
 *
 * `distrib=false` is deliberately not sent with `shards`: it makes the receiving node answer
 * from its own local core, whichever shard that core belongs to.
 */

import { boundedFetch, type HttpBounds } from './http-fetch.js';

/** A CLUSTERSTATUS of a collection with thousands of shards and replicas is a few MB. */
export const CLUSTER_STATUS_MAX_BYTES = 16 * 1024 * 1024;

/** `--shard I/N`: worker I (1-based) of N of Solr's hash filter. */
export interface SolrHashPartition {
  kind: 'hash';
  index: number;
  count: number;
}

/** `--solr-shard`: SolrCloud logical shards, by name or as job I of N over the sorted names. */
export interface SolrCloudPartition {
  kind: 'cloud';
  /** Shard names given by the user (`--solr-shard shard2`), or resolved from I/N. */
  names?: readonly string[] | undefined;
  /** Job I (1-based) of N; resolved to names with the cluster status before the first page. */
  job?: { index: number; count: number } | undefined;
  /** Every shard of the collection, sorted, when the names were resolved from the cluster status. */
  allNames?: readonly string[] | undefined;
}

export type SolrPartition = SolrHashPartition | SolrCloudPartition;

/** `{!hash workers=N worker=I}`: the filter's local parameters; the keys go in `partitionKeys`. */
export function hashFilter(partition: SolrHashPartition): string {
  return `{!hash workers=${partition.count} worker=${partition.index - 1}}`;
}

/**
 * Adds the partition's parameters to a select request. One worker of one (`--shard 1/1`)
 * reads everything and sends no filter: Solr refuses `workers` below 2.
 */
export function addPartitionParams(params: URLSearchParams, partition: SolrPartition | undefined, uniqueKey: string): void {
  if (partition === undefined) return;
  if (partition.kind === 'hash') {
    if (partition.count < 2) return;
    params.append('fq', hashFilter(partition));
    params.set('partitionKeys', uniqueKey);
    return;
  }
  if (partition.names === undefined) throw new TypeError('A SolrCloud shard partition must be resolved to shard names before reading (resolveCloudPartition)');
  params.set('shards', partition.names.join(','));
}

/**
 * The largest N of `I/N`: Solr's hash filter takes its worker count as a Java int, and a
 * byte range of a file is cut at size * (I - 1) / N, which must stay exact.
 */
export const MAX_SHARE_COUNT = 2 ** 31 - 1;

/**
 * Why `text` is not a job share `I/N` (1-based: `1/4` ... `4/4`), or undefined when it is
 * one. Only plain decimal digits count: `Number()` would take ` 1`, `0x1`, `1e0` and round
 * 9007199254740993 to a neighbour.
 */
export function jobShareProblem(text: string): string | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return `"${text}" is not I/N (two whole numbers and one slash, e.g. 2/4)`;
  const [index, count] = [match[1]!, match[2]!].map((digits) => (digits.length > 15 ? Number.POSITIVE_INFINITY : Number(digits))) as [number, number];
  if (count < 1) return `N is ${match[2]}: a job is split into at least 1 share`;
  if (count > MAX_SHARE_COUNT) return `N is ${match[2]}: at most ${MAX_SHARE_COUNT} shares (Solr's hash filter counts workers in a 32-bit int)`;
  if (index < 1 || index > count) return `I is ${match[1]}: shares are numbered 1 to N (1 <= I <= ${count})`;
  return undefined;
}

/** Parses `I/N` (1-based: `1/4` ... `4/4`); undefined when it is not one (jobShareProblem says why). */
export function parseJobShare(text: string): { index: number; count: number } | undefined {
  if (jobShareProblem(text) !== undefined) return undefined;
  const [index, count] = text.split('/').map(Number) as [number, number];
  return { index, count };
}

const SHARD_NAME = /^[A-Za-z0-9_.-]+$/;

/** `--solr-shard`: `I/N`, or a comma-separated list of shard names; undefined when neither. */
export function parseCloudPartition(text: string): SolrCloudPartition | undefined {
  if (text.includes('/')) {
    const job = parseJobShare(text);
    return job ? { kind: 'cloud', job } : undefined;
  }
  const names = text.split(',').map((name) => name.trim());
  if (names.length === 0 || names.some((name) => !SHARD_NAME.test(name))) return undefined;
  return { kind: 'cloud', names };
}

/** Code-point order, the same on every machine (no locale). */
function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Job I of N's share of the sorted shard names: every name at a position p with p mod N = I - 1. */
export function shardNamesOfJob(allNames: readonly string[], job: { index: number; count: number }): string[] {
  return [...allNames].sort(byCodePoint).filter((_, position) => position % job.count === job.index - 1);
}

/**
 * The Collections API request for the cluster status of the collection a select URL points
 * at (`http://host/solr/biblio/select` -> `http://host/solr/admin/collections?action=CLUSTERSTATUS&collection=biblio`).
 */
export function clusterStatusUrl(selectUrl: URL): { url: URL; collection: string } {
  const parts = selectUrl.pathname.split('/').filter((part) => part !== '');
  if (parts[parts.length - 1] === 'select') parts.pop();
  const collection = parts.pop();
  if (collection === undefined) throw new TypeError(`Cannot tell the collection from ${selectUrl.origin}${selectUrl.pathname}`);
  const url = new URL(selectUrl.toString());
  url.username = '';
  url.password = '';
  url.search = '';
  url.pathname = `/${[...parts, 'admin', 'collections'].join('/')}`;
  url.searchParams.set('action', 'CLUSTERSTATUS');
  url.searchParams.set('collection', decodeURIComponent(collection));
  url.searchParams.set('wt', 'json');
  return { url, collection: decodeURIComponent(collection) };
}

/** The logical shard names of a collection in a CLUSTERSTATUS response; throws with the reason when absent. */
export function shardNamesFromClusterStatus(body: unknown, collection: string): string[] {
  const collections = (body as { cluster?: { collections?: Record<string, unknown> } } | null)?.cluster?.collections;
  if (collections === undefined || collections === null || typeof collections !== 'object') {
    throw new Error('the cluster status has no "cluster.collections" (is this SolrCloud?)');
  }
  let entry = collections[collection] as { shards?: unknown } | undefined;
  // An alias resolves to its collection: the status then lists that one.
  if (entry === undefined && Object.keys(collections).length === 1) entry = Object.values(collections)[0] as { shards?: unknown };
  if (entry === undefined) throw new Error(`the cluster status does not list collection "${collection}" (it lists ${Object.keys(collections).join(', ') || 'none'})`);
  const shards = entry.shards;
  if (shards === null || typeof shards !== 'object' || Object.keys(shards).length === 0) throw new Error(`collection "${collection}" has no shards in the cluster status`);
  return Object.keys(shards).sort(byCodePoint);
}

/** A CLUSTERSTATUS response and the collection it was asked about. */
async function fetchClusterStatus(selectUrl: URL, authorization: string | undefined, bounds: Partial<HttpBounds>, signal: AbortSignal): Promise<{ body: unknown; collection: string }> {
  const { url, collection } = clusterStatusUrl(selectUrl);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  // Bounded like every page: a status that never ends costs at most the cap.
  const response = await boundedFetch(url, { maxBytes: CLUSTER_STATUS_MAX_BYTES, ...bounds, headers, signal });
  const text = response.body.toString('utf8');
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url.origin}${url.pathname}?action=CLUSTERSTATUS: ${text.slice(0, 200)}`);
  try {
    return { body: JSON.parse(text) as unknown, collection };
  } catch {
    throw new Error(`the cluster status from ${url.origin}${url.pathname} is not JSON`);
  }
}

/**
 * A cloud partition with its shard names: `I/N` is resolved with the cluster status (all
 * names, sorted by code point); names the user gave are sent as they are, and Solr refuses
 * an unknown one. One request, before the first page: when it fails the job fails, and the
 * batch scheduler's retry of the job is the retry.
 */
export async function fetchClusterShards(
  partition: SolrCloudPartition,
  selectUrl: URL,
  authorization: string | undefined,
  bounds: Partial<HttpBounds>,
  signal: AbortSignal,
): Promise<SolrCloudPartition> {
  if (partition.names !== undefined) return partition;
  if (partition.job === undefined) throw new TypeError('A SolrCloud shard partition needs shard names or a job I/N');
  const { body, collection } = await fetchClusterStatus(selectUrl, authorization, bounds, signal);
  const allNames = shardNamesFromClusterStatus(body, collection);
  return { ...partition, names: shardNamesOfJob(allNames, partition.job), allNames };
}

/** One logical shard and the core that answers for it: `http(s)://node/solr/CORE`. */
export interface ShardCore {
  name: string;
  coreUrl: string;
}

interface ReplicaStatus {
  core?: unknown;
  base_url?: unknown;
  node_name?: unknown;
  state?: unknown;
  leader?: unknown;
}

/**
 * For each named shard, a core to read it from with `distrib=false`: an active replica on a
 * live node, the leader first (it is never behind). Throws naming a shard without one.
 */
export function shardCoresFromClusterStatus(body: unknown, collection: string, names: readonly string[]): ShardCore[] {
  shardNamesFromClusterStatus(body, collection);
  const cluster = (body as { cluster: { collections: Record<string, { shards?: Record<string, { replicas?: Record<string, ReplicaStatus> }> }>; live_nodes?: unknown } }).cluster;
  const entry = cluster.collections[collection] ?? Object.values(cluster.collections)[0]!;
  const live = Array.isArray(cluster.live_nodes) ? new Set(cluster.live_nodes as unknown[]) : undefined;
  return names.map((name) => {
    const replicas = Object.values(entry.shards?.[name]?.replicas ?? {}).filter(
      (replica) => replica.state === 'active' && typeof replica.core === 'string' && typeof replica.base_url === 'string' && (live === undefined || replica.node_name === undefined || live.has(replica.node_name)),
    );
    const chosen = replicas.find((replica) => replica.leader === 'true' || replica.leader === true) ?? replicas[0];
    if (chosen === undefined) throw new Error(`shard "${name}" of collection "${collection}" has no active replica on a live node`);
    return { name, coreUrl: `${String(chosen.base_url).replace(/\/+$/, '')}/${encodeURIComponent(String(chosen.core))}` };
  });
}

/** The cores of a partition's shards (every shard of the collection without one), from one CLUSTERSTATUS request. */
export async function fetchShardCores(
  partition: SolrCloudPartition | undefined,
  selectUrl: URL,
  authorization: string | undefined,
  bounds: Partial<HttpBounds>,
  signal: AbortSignal,
): Promise<ShardCore[]> {
  const { body, collection } = await fetchClusterStatus(selectUrl, authorization, bounds, signal);
  const allNames = shardNamesFromClusterStatus(body, collection);
  const names = partition?.names !== undefined ? [...partition.names].sort(byCodePoint) : shardNamesOfJob(allNames, partition?.job ?? { index: 1, count: 1 });
  const unknown = names.filter((name) => !allNames.includes(name));
  if (unknown.length > 0) throw new Error(`collection "${collection}" has no shard ${unknown.join(', ')} (it has ${allNames.join(', ')})`);
  return shardCoresFromClusterStatus(body, collection, names);
}
