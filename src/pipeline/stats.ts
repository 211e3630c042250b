import type { Profile } from '../biblio-schema/profile.js';
import { StatsCollector, type RecordStats } from '../stats/collect.js';
import { runCommand, type RunOptions } from './run.js';

export interface StatsRunOptions extends RunOptions {
  /** How many top values to list per field (default 10). */
  top?: number | undefined;
  profile?: Profile | undefined;
}

/** `bibpipe stats` over inputs: fill rates, value-count distributions and top values of the raw fields. */
export async function stats(options: StatsRunOptions): Promise<RecordStats> {
  const collector = new StatsCollector({ profile: options.profile, top: options.top });
  await runCommand(options, { collect: { stats: true } }, (batch) => {
    for (const digest of batch.stats) collector.add(digest);
  });
  return collector.result();
}
