import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { isSolrSource, jobShareProblem, parseCloudPartition, parseShard, type ShardDescription, type SolrCloudPartition, type SolrReadOptions } from '../cli-surface.js';
import { UsageError } from '../errors.js';
import { positiveInteger } from './limits-options.js';

/** The live-Solr flags as commander parses them. */
export interface SolrFlags {
  query?: string | undefined;
  fq?: string[] | undefined;
  fields?: string | undefined;
  rows?: number | undefined;
  shard?: { index: number; count: number } | undefined;
  solrShard?: SolrCloudPartition | undefined;
  resume?: string | boolean | undefined;
  openFiles?: number | undefined;
  solrConcurrency?: number | undefined;
  solrRate?: number | undefined;
}

function requestsPerSecond(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0) throw new InvalidArgumentError('expected requests per second above 0, e.g. 5 or 0.5');
  return rate;
}

function shard(value: string): { index: number; count: number } {
  const parsed = parseShard(value);
  if (!parsed) throw new InvalidArgumentError(`${jobShareProblem(value) ?? 'not I/N'}; expected I/N with 1 <= I <= N, e.g. 2/4`);
  return parsed;
}

function cloudShard(value: string): SolrCloudPartition {
  const parsed = parseCloudPartition(value);
  if (!parsed) {
    const share = value.includes('/') ? `${jobShareProblem(value) ?? 'not I/N'}; ` : '';
    throw new InvalidArgumentError(`${share}expected a SolrCloud shard name (shard1), names (shard1,shard3) or I/N over the sorted shard names, e.g. 2/4`);
  }
  return parsed;
}

/** Adds the flags of `solr+http(s)://` inputs and of reading many files. */
export function addSourceOptions(command: Command): Command {
  return command
    .addOption(new Option('--query <q>', 'live Solr: the query (q)').default(undefined, '*:*'))
    .addOption(new Option('--fq <filter>', 'live Solr: a filter query (fq), repeatable').argParser((value: string, previous: string[] = []) => [...previous, value]))
    .addOption(new Option('--fields <fl>', 'live Solr: the fields to fetch (fl)').default(undefined, '*'))
    .addOption(new Option('--rows <n>', 'live Solr: page size').argParser(positiveInteger).default(undefined, '1000'))
    .addOption(new Option('--shard <I/N>', 'read only share I of N: of a file, a byte range cut at record starts; of live Solr, the hash filter on the unique key').argParser(shard))
    .addOption(new Option('--solr-shard <name|I/N>', 'live SolrCloud: read only these logical shards (shards=NAME), or job I of N over the sorted shard names').argParser(cloudShard).conflicts('shard'))
    .addOption(new Option('--solr-concurrency <n>', 'live SolrCloud: read the shards each on its own cursor (distrib=false), at most N requests at once; records in shard order, then cursor order').argParser(positiveInteger).conflicts('shard'))
    .addOption(new Option('--solr-rate <r>', 'live Solr: at most R requests started per second (reads the shards each on its own cursor)').argParser(requestsPerSecond).conflicts('shard'))
    .addOption(new Option('--resume [cursor-file]', 'live Solr: continue from the saved cursor file').default(undefined, '<out-dir>/solr-cursor.json'))
    .addOption(new Option('--open-files <n>', 'most input files opened and parsed ahead at once').argParser(positiveInteger).default(undefined, '4'));
}

/** The library's Solr options; the cursor is kept in the out-dir so that `--resume` can continue. */
export function solrOptionsFromFlags(flags: SolrFlags, outDir: string | undefined): SolrReadOptions {
  const cursorFile = typeof flags.resume === 'string' ? flags.resume : outDir !== undefined ? join(outDir, 'solr-cursor.json') : undefined;
  return {
    query: flags.query,
    filters: flags.fq,
    fields: flags.fields,
    rows: flags.rows,
    shard: flags.shard,
    cloudShard: flags.solrShard,
    cursorFile,
    resume: flags.resume !== undefined && flags.resume !== false,
    concurrency: flags.solrConcurrency,
    rate: flags.solrRate,
  };
}

/**
 * A shard run (`--shard`, `--solr-shard`) writes its run state beside its outputs so that
 * `bibpipe merge` can add the shards up to the single run; undefined for other runs.
 */
export function shardRunState(inputs: readonly string[], flags: SolrFlags, outDir: string | undefined): { shard: ShardDescription } | undefined {
  if (flags.shard === undefined && flags.solrShard === undefined) return undefined;
  if (outDir === undefined) throw new UsageError('A shard run (--shard, --solr-shard) needs --out-dir: its outputs and run state are merged from there');
  const live = inputs.filter(isSolrSource).length;
  if (live > 0 && live < inputs.length) throw new UsageError('A shard run reads either live Solr inputs or files, not both: run them as two sharded runs');
  if (flags.solrShard !== undefined) {
    if (live === 0) throw new UsageError('--solr-shard applies to live SolrCloud inputs (solr+http://...); for files use --shard I/N');
    // Its records are placed per shard core, which a shard run's state (for merge) does not describe yet.
    if (flags.solrConcurrency !== undefined || flags.solrRate !== undefined) throw new UsageError('--solr-concurrency and --solr-rate read the shards in one job; a shard run for merge (--solr-shard with --out-dir) reads its shards one cursor at a time: leave them out');
    const { names, job } = flags.solrShard;
    return { shard: { kind: 'solr-cloud', names: names ? [...names] : undefined, index: job?.index, count: job?.count } };
  }
  return { shard: { kind: live > 0 ? 'solr-hash' : 'file-range', index: flags.shard!.index, count: flags.shard!.count } };
}
