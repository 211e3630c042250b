import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { availableParallelism } from 'node:os';
import { stats as collectRunStats } from '../pipeline/stats.js';
import { renderStatsText, type RecordStats } from '../stats/collect.js';
import { loadProfile } from '../biblio-schema/profile.js';

export interface StatsFlags {
  from: string;
  profile?: string | undefined;
  json?: boolean | undefined;
  top?: string | undefined;
  workers?: number | undefined;
}

/** `bibpipe stats`: fill rates, value-count distributions and top values over raw records. */
export async function runStats(inputs: readonly string[], flags: StatsFlags, stdout: Writable): Promise<RecordStats> {
  const top = flags.top === undefined ? 10 : Number(flags.top);
  if (!Number.isSafeInteger(top) || top < 1) throw new UsageError(`--top expects a positive integer, got "${flags.top}"`);
  let profile;
  try {
    profile = flags.profile === undefined ? undefined : await loadProfile(flags.profile);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const stats = await collectRunStats({ inputs, from: flags.from, profile, top, workers: flags.workers ?? availableParallelism() });
  stdout.write(flags.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStatsText(stats));
  return stats;
}
