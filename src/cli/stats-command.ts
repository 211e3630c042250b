import type { Writable } from 'node:stream';
import { readRecords } from '../pipeline/records.js';
import type { RawRecord } from '../model/raw-record.js';
import { collectStats, renderStatsText, type RecordStats } from '../stats/collect.js';
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
}

/** Counts records as they pass, for the progress bar. */
async function* counting(records: AsyncIterable<RawRecord>, progress: ProgressDisplay | undefined): AsyncGenerator<RawRecord> {
  let count = 0;
  for await (const record of records) {
    // TODO(engine): use the engine's onProgress (records and bytes) once stats runs on it.
    progress?.update({ records: ++count, bytesRead: 0 });
    yield record;
  }
}

/** `bibpipe stats`: fill rates, value-count distributions and top values over raw records. */
export async function runStats(inputs: readonly string[], flags: StatsFlags, stdout: Writable, progress?: ProgressDisplay): Promise<RecordStats> {
  const profile = await profileFrom(flags.profile);
  const stats = await collectStats(counting(readRecords(inputs, { from: flags.from }), progress), { profile, top: flags.top ?? 10 });
  progress?.stop();
  refuseEmptyRun(stats.fill.records, inputs, flags.allowEmpty);
  stdout.write(flags.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStatsText(stats));
  return stats;
}
