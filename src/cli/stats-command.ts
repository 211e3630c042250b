import type { Writable } from 'node:stream';
import { renderStatsText, stats as collectRunStats, type RecordStats } from '../index.js';
import { refuseEmptyRun } from './empty-run.js';
import type { ProgressDisplay } from './progress.js';
import { profileFrom } from './run-flags.js';

export interface StatsFlags {
  from: string;
  profile?: string | undefined;
  json?: boolean | undefined;
  /** How many top values per field (default 10). */
  top?: number | undefined;
  allowEmpty?: boolean | undefined;
  /** Threads (default: the cores available). */
  workers?: number | 'auto' | undefined;
}

/** `bibpipe stats`: fill rates, value-count distributions and top values over raw records. */
export async function runStats(inputs: readonly string[], flags: StatsFlags, stdout: Writable, progress?: ProgressDisplay): Promise<RecordStats> {
  const profile = await profileFrom(flags.profile);
  const stats = await collectRunStats({
    inputs,
    from: flags.from,
    profile,
    top: flags.top ?? 10,
    workers: flags.workers ?? 'auto',
    onProgress: progress ? (read) => progress.update(read) : undefined,
  });
  progress?.stop();
  refuseEmptyRun(stats.fill.records, inputs, flags.allowEmpty);
  stdout.write(flags.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStatsText(stats));
  return stats;
}
