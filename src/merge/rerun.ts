import type { Issue } from '../model/issue.js';
import { hasError, type SeverityOverrides } from '../model/rules.js';
import type { RunState } from '../model/run-state.js';
import type { Profile } from '../biblio-schema/profile.js';
import { recordAt, recordOfShare } from '../sources/file-shards.js';
import type { Share } from '../sources/byte-ranges.js';
import { openInput } from '../sources/inputs.js';
import { processRecord } from '../pipeline/process.js';
import { rejectLine } from '../pipeline/rejects.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/types.js';

/** A record re-run as the single run runs it, with a finding its own shard could not make. */
export interface RerunRecord {
  /** Its line of rejects.ndjson. */
  rejectText: string;
  /** Its findings as the summary counts them (the config's `ignore` applied). */
  counted: Issue[];
}

/**
 * Reads the record again from its input file (at its byte offset, with the reader that read
 * it) and runs it through validation and normalization with the run's settings, then adds
 * the run-wide finding (an error: the record is rejected) the way the engine's second pass
 * does: findings about the raw record come before normalization's, which a record rejected
 * before normalization never had.
 */
export async function rerunRejected(
  settings: RunState['settings'],
  file: string,
  position: { byteOffset: number | undefined; line: number | undefined; ordinal: number; id: string | undefined; share: Share; localOrdinal: number },
  finding: Issue,
): Promise<RerunRecord> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...(settings.limits as Partial<ReadLimits> | undefined) };
  const input = await openInput(file, settings.from);
  // At its byte offset when the reader gave one; else the share is read up to it.
  const raw = position.byteOffset !== undefined
    ? await recordAt(input, file, position.byteOffset, position.line, position.ordinal, limits)
    : await recordOfShare(input, file, position.share, position.localOrdinal, position.ordinal, limits);
  if (raw === undefined || raw.fields.id !== position.id) {
    throw new Error(`merge: cannot read record "${position.id}" (record ${position.localOrdinal} of share ${position.share.index}/${position.share.count}) again from ${file}: the file changed since the shard runs`);
  }
  const severities = settings.severities as SeverityOverrides | undefined;
  const processed = processRecord(raw, { profile: settings.profile as Profile | undefined, severities });
  const before = processed.issues.slice(0, processed.issues.length - processed.normalizeIssues);
  if (!hasError([finding])) throw new Error('rerunRejected: the finding must reject the record');
  const issues = [...before, finding];
  const ignored = new Set(settings.ignore ?? []);
  const counted = ignored.size === 0 ? issues : issues.filter((issue) => issue.recordId === undefined || !ignored.has(issue.recordId));
  return { rejectText: rejectLine(raw, issues), counted };
}
