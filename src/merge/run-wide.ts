import type { Issue, SourcePosition } from '../model/issue.js';
import { applySeverities, RULES, type SeverityOverrides } from '../model/rules.js';
import type { RunStateRecord } from '../model/run-state.js';
import { CrossRecordChecks } from '../pipeline/cross-record.js';
import type { FingerprintTable } from '../pipeline/fingerprint-table.js';
import type { Shard } from './shard-set.js';

/** The run-wide checks as merge replays them across shards, made with the run's own code where it can. */

export function severityOf(code: string, overrides: SeverityOverrides | undefined): 'error' | 'warning' | 'info' | 'off' {
  return overrides?.[code] ?? (RULES as Record<string, { severity: 'error' | 'warning' | 'info' }>)[code]?.severity ?? 'warning';
}

/**
 * A record's position in the merged run as six table words: input, line, ordinal, byte
 * offset + 1 (low, high), 0 = unknown; and whether it held a DOI/PMID (the run's checks
 * then kept its id, which decides the key order of `related` in the single run's output).
 */
export function positionWords(record: RunStateRecord, ordinal: number): number[] {
  const offset = record.byteOffset === undefined ? 0 : record.byteOffset + 1;
  const holdsIdentifier = record.doiKey !== undefined || record.pmidKey !== undefined ? 1 : 0;
  return [record.input, record.line ?? 0, ordinal, offset % 0x1_0000_0000, Math.floor(offset / 0x1_0000_0000), holdsIdentifier];
}

export function positionAt(table: FingerprintTable, slot: number, inputs: Shard['state']['inputs']): SourcePosition {
  const position: SourcePosition = { file: inputs[table.valueAt(slot, 0)]!.name };
  if (table.valueAt(slot, 1) > 0) position.line = table.valueAt(slot, 1);
  const offset = table.valueAt(slot, 3) + table.valueAt(slot, 4) * 0x1_0000_0000;
  if (offset > 0) position.byteOffset = offset - 1;
  if (table.valueAt(slot, 2) > 0) position.ordinal = table.valueAt(slot, 2);
  return position;
}

/**
 * The id.duplicate finding the single run gives a record whose id the record at `first`
 * had: made by the run's own checks (CrossRecordChecks), so its words and `related` are
 * exactly the single run's.
 */
export function duplicateIdIssue(record: RunStateRecord, first: SourcePosition, firstHeldIdentifier: boolean, source: SourcePosition, severities: SeverityOverrides | undefined): Issue {
  const checks = new CrossRecordChecks(severities);
  checks.check({ id: record.id, idKey: record.idKey, converted: false, source: first, doiKey: firstHeldIdentifier ? [0, 1] : undefined });
  const found = checks.check({ id: record.id, idKey: record.idKey, converted: false, source });
  return applySeverities(found!.raw, severities)[0]!;
}
