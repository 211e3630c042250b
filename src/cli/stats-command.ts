import type { Writable } from 'node:stream';
import { renderStatsText, stats as collectRunStats, type RecordStats } from '../command-api.js';
import { refuseEmptyRun } from './empty-run.js';
import type { RunContext } from './validate-command.js';
import { inputFormat, profileFrom } from './run-flags.js';

export interface StatsFlags {
  from: string;
  /** `--exclude GLOB`, repeatable: files never read. */
  exclude?: readonly string[] | undefined;
  profile?: string | undefined;
  json?: boolean | undefined;
  /** How many top values per field (default 10). */
  top?: number | undefined;
  allowEmpty?: boolean | undefined;
  /** Threads (default: the cores available). */
  workers?: number | 'auto' | undefined;
}

/** `bibpipe stats`: fill rates, value-count distributions and top values over raw records; an interrupted run prints nothing. */
export async function runStats(inputs: readonly string[], flags: StatsFlags, stdout: Writable, run: RunContext = {}): Promise<RecordStats> {
  const { progress, signal, logger } = run;
  const profile = await profileFrom(flags.profile);
  const stats = await collectRunStats({
    inputs,
    from: inputFormat(flags.from),
    profile,
    top: flags.top ?? 10,
    workers: flags.workers ?? 'auto',
    onProgress: progress ? (read) => progress.update(read) : undefined,
    signal,
    logger,
    exclude: flags.exclude,
  });
  progress?.stop();
  if (signal?.aborted === true) return stats;
  refuseEmptyRun(stats.fill.records, inputs, flags.allowEmpty);
  stdout.write(flags.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStatsText(stats));
  return stats;
}
