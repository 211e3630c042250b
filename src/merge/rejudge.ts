import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Issue } from '../model/issue.js';
import type { SeverityOverrides } from '../model/rules.js';
import type { RunState, RunStateInput, RunStateRecord } from '../model/run-state.js';
import type { Profile } from '../biblio-schema/profile.js';
import { firstPass, secondPass, type EngineSettings, type Pass2Result } from '../pipeline/workers/batch-work.js';
import { recordAt, recordOfShare } from '../sources/file-shards.js';
import { rangeHash } from '../sources/input-read.js';
import { openInput } from '../sources/inputs.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/types.js';
import { UsageError } from '../errors.js';
import type { Shard } from './shard-set.js';

/**
 * A record the single run judges otherwise than its shard could (its id was on a record of
 * an earlier shard), judged again by the engine's own steps: read again from its input file,
 * then pass 1 and pass 2 of the engine (workers/batch-work.ts) with the run-wide finding
 * applied as the engine applies it. Its reject line and its part of the summary are then
 * exactly the single run's. The input is found where the shard run found it (a relative
 * name from the shard's working folder) and must be the file the shard read.
 */
export class Rejudge {
  /** Shard and input pairs whose file was checked against what the shard read. */
  private readonly verified = new Set<string>();
  private readonly settings: EngineSettings;

  constructor(state: RunState) {
    const settings = state.settings;
    this.settings = {
      formats: settings.formats,
      writerOptions: settings.writerOptions,
      profile: settings.profile as Profile | undefined,
      severities: settings.severities as SeverityOverrides | undefined,
      limits: { ...DEFAULT_READ_LIMITS, ...(settings.limits as Partial<ReadLimits> | undefined) },
      // The record is rejected: it counts in no fill rate.
      fillRates: [],
      ignore: settings.ignore ?? [],
      collect: { rejects: true, skipped: false, issues: false, stats: false, records: false, logRejected: false, logSkipped: false },
    };
  }

  /** The record at `ordinal` of the merged run (its shard's entry `record`) with the finding applied. */
  async record(shard: Shard, record: RunStateRecord, ordinal: number, finding: Issue): Promise<Pass2Result> {
    const input = shard.state.inputs[record.input]!;
    const path = resolve(shard.state.cwd, input.name);
    await this.verify(shard, record.input, input, path);
    const limits = this.settings.limits;
    const opened = await openInput(path, shard.state.settings.from);
    const description = shard.state.shard as { index?: number; count?: number };
    const share = { index: description.index ?? 1, count: description.count ?? 1 };
    // At its byte offset when the reader gave one; else the share is read up to it.
    const raw = record.byteOffset !== undefined
      ? await recordAt(opened, path, record.byteOffset, record.line, ordinal, limits, input.name)
      : await recordOfShare(opened, path, share, record.ordinal, ordinal, limits, input.name);
    if (raw === undefined || raw.fields.id !== record.id) {
      throw new UsageError(`merge: cannot read record "${record.id}" (record ${record.ordinal} of share ${share.index}/${share.count}) again from ${path}: the file changed since the shard runs`);
    }
    const { held } = firstPass({ kind: 'records', records: [raw] }, this.settings);
    return secondPass(held, { ordinalBase: 0, findings: [{ index: 0, raw: [finding], normalized: [] }] }, this.settings);
  }

  /** The file now is the one the shard read: same size and time, and its range hashes as the shard's did. */
  private async verify(shard: Shard, index: number, input: RunStateInput, path: string): Promise<void> {
    const key = `${shard.directory}\u0000${index}`;
    if (this.verified.has(key)) return;
    const info = await stat(path, { bigint: true }).catch(() => undefined);
    const changed = (why: string): UsageError => new UsageError(`merge: ${path} (${input.name} of ${shard.directory}) ${why} since the shard runs; merge reads a record there again and needs the file the shards read`);
    if (info === undefined) throw changed('is gone');
    if (input.size !== undefined && Number(info.size) !== input.size) throw changed(`changed size (${input.size} -> ${info.size} bytes)`);
    if (input.mtime !== undefined && info.mtimeNs.toString() !== input.mtime) throw changed('was modified');
    const read = input.read;
    if (read?.sha256 !== undefined && (await rangeHash(path, { start: read.range[0], end: read.range[1] })) !== read.sha256) {
      throw changed(`holds other bytes in ${read.range[0]}-${read.range[1]}`);
    }
    this.verified.add(key);
  }
}
