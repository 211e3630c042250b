import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { RunState, ShardDescription } from '../model/run-state.js';
import { checkStateBytes, readRunState } from '../pipeline/run-state/codec.js';
import { RunSummarySchema, type RunSummary } from '../pipeline/summary.js';
import { checkReadsJoin } from './input-joints.js';

/** One shard run's folder, its state and its summary. */
export interface Shard {
  directory: string;
  state: RunState;
  summary: RunSummary;
  /** 1-based place in the merged order of file ranges, or a tie-breaker for Solr shards. */
  rank: number;
}

function describe(shard: ShardDescription): string {
  switch (shard.kind) {
    case 'none':
      return 'not sharded';
    case 'file-range':
      return `file range ${shard.index}/${shard.count}`;
    case 'solr-hash':
      return `Solr hash shard ${shard.index}/${shard.count}`;
    case 'solr-cloud':
      return shard.names ? `SolrCloud shards ${shard.names.join(',')}` : `SolrCloud job ${shard.index}/${shard.count}`;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Loads every shard's state and checks that together they are exactly one run split up:
 * the same inputs, output settings and fingerprint scheme; one kind of partition; every
 * share present once (I/N: each I of the same N; SolrCloud names: no name twice); no shard
 * interrupted or stopped by a failing source (resume it first). Returns the shards in merge
 * order (I ascending; SolrCloud names by their first name).
 */
export async function loadShards(directories: readonly string[]): Promise<Shard[]> {
  if (directories.length === 0) throw new UsageError('merge: no shard directory given');
  const shards: Shard[] = [];
  for (const directory of directories) {
    let state: RunState;
    try {
      state = await readRunState(directory);
      await checkStateBytes(directory, state);
    } catch (error) {
      throw new UsageError(`merge: ${(error as Error).message}`);
    }
    const parsed = RunSummarySchema.safeParse(state.summary);
    if (!parsed.success) throw new UsageError(`merge: ${directory}: the run state's summary is not a bibpipe summary`);
    const summary = parsed.data;
    await checkSummaryFile(directory, state.summary);
    if (summary.interrupted) throw new UsageError(`merge: ${directory} is an interrupted run; run that shard again before merging`);
    if ((summary.issues['read.source-failed'] ?? 0) > 0) {
      throw new UsageError(`merge: ${directory} stopped on a failing source (read.source-failed); run that shard again from the start before merging (a resumed run holds only the records after its cursor)`);
    }
    shards.push({ directory, state, summary, rank: 0 });
  }
  const first = shards[0]!;
  for (const shard of shards.slice(1)) {
    const mismatch = (what: string): UsageError =>
      new UsageError(`merge: ${shard.directory} and ${first.directory} are not shards of one run: their ${what} differ`);
    if (!same(shard.state.settings, first.state.settings)) throw mismatch('output formats or options (--to, CSV options, rule severities)');
    // What each shard read of a file and when the file was modified are checked apart (input-joints.ts), with their own messages.
    const inputs = (state: RunState): unknown => state.inputs.map(({ read: _read, mtime: _mtime, ...input }) => input);
    if (!same(inputs(shard.state), inputs(first.state))) throw mismatch('inputs (names, sizes or Solr queries)');
    if (shard.state.shard.kind !== first.state.shard.kind) throw mismatch(`partitions (${describe(shard.state.shard)} / ${describe(first.state.shard)})`);
  }
  checkComplete(shards);
  const ordered = shards.sort((a, b) => a.rank - b.rank);
  if (first.state.shard.kind === 'file-range') checkReadsJoin(ordered);
  return ordered;
}

function checkComplete(shards: Shard[]): void {
  const kind = shards[0]!.state.shard.kind;
  if (kind === 'none') {
    if (shards.length > 1) throw new UsageError('merge: several unsharded runs cannot be merged (each one read the whole input)');
    shards[0]!.rank = 1;
    return;
  }
  if (kind === 'solr-cloud' && shards[0]!.state.shard.kind === 'solr-cloud' && shards[0]!.state.shard.names !== undefined) {
    const seen = new Map<string, string>();
    for (const shard of shards) {
      const description = shard.state.shard as Extract<ShardDescription, { kind: 'solr-cloud' }>;
      if (description.names === undefined) throw new UsageError(`merge: ${shard.directory} names no SolrCloud shards while others do; use one way (names or I/N) for all jobs`);
      for (const name of description.names) {
        const other = seen.get(name);
        if (other !== undefined) throw new UsageError(`merge: SolrCloud shard ${name} was read by both ${other} and ${shard.directory}`);
        seen.set(name, shard.directory);
      }
      shard.rank = [...seen.keys()].length;
    }
    return;
  }
  let count: number | undefined;
  const byIndex = new Map<number, string>();
  for (const shard of shards) {
    const description = shard.state.shard as { index?: number; count?: number };
    if (description.index === undefined || description.count === undefined) throw new UsageError(`merge: ${shard.directory} has no shard number I/N`);
    count ??= description.count;
    if (description.count !== count) throw new UsageError(`merge: ${shard.directory} is a shard of ${description.count}, others of ${count}`);
    const other = byIndex.get(description.index);
    if (other !== undefined) throw new UsageError(`merge: shard ${description.index}/${count} given twice (${other} and ${shard.directory})`);
    byIndex.set(description.index, shard.directory);
    shard.rank = description.index;
  }
  const missing = Array.from({ length: count! }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) throw new UsageError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing; every shard of the run is needed`);
}

/** The shard's summary.json is the summary its run state recorded (both are written by one commit). */
async function checkSummaryFile(directory: string, recorded: unknown): Promise<void> {
  const path = join(directory, 'summary.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`merge: ${path}: cannot read the shard's summary (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); a shard run writes it with its run state, so the folder is incomplete`);
  }
  let summary: unknown;
  try {
    summary = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`merge: ${path}: not JSON (${(error as Error).message})`);
  }
  if (!same(summary, recorded)) throw new UsageError(`merge: ${path} and the run state's summary differ; one of them was edited, so the shard is not merged`);
}
