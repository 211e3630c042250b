import type { Issue, Severity } from '../model/issue.js';
import type { SeverityOverrides } from '../model/rules.js';
import type { Fingerprint, RunStateRecord } from '../model/run-state.js';
import { FingerprintTable, sameFingerprint } from '../pipeline/fingerprint-table.js';
import type { Pass2Result } from '../pipeline/workers/batch-work.js';
import type { Cursor } from './cursors.js';
import type { CrossShardFinding, MergedPosition } from './merge.js';
import { Rejudge } from './rejudge.js';
import { duplicateIdIssue, positionAt, positionWords, severityOf } from './run-wide.js';
import type { Shard } from './shard-set.js';

/** What the single run does otherwise to a record than its shard did. */
export interface Judgement {
  /** Its id was on an earlier record: the finding as the single run words it (naming that record). */
  duplicateId?: Issue | undefined;
  /** Rejected by the single run though its shard converted it: the engine's pass-2 result for it. */
  rejudged?: Pass2Result | undefined;
  /** Findings the single run adds (+1) or does not make (-1) beside its shard's. */
  issues: Array<{ code: string; severity: Severity; delta: number }>;
}

type IdentifierCode = 'doi.duplicate' | 'pmid.duplicate';

/**
 * The run-wide checks replayed in the single run's order from the shards' fingerprints:
 * duplicate ids of file inputs (live Solr keeps ids unique and the k-way merge refuses an
 * id that does not strictly follow the one before), and DOIs/PMIDs on records with other
 * ids. Memory: the fingerprint tables, 12-24 bytes per distinct id/DOI/PMID.
 */
export class CrossShardReplay {
  /** Ids of files: the first record's position (input, line, ordinal, byte offset), which a duplicate names. */
  private readonly ids = new FingerprintTable(6);
  private readonly dois: FingerprintTable;
  private readonly pmids: FingerprintTable;
  /**
   * Converted records have distinct ids unless id.duplicate is lowered from an error: only
   * then does a DOI/PMID table need each first record's id to tell "another id" apart.
   */
  private readonly keepIds: boolean;
  private readonly rejudge: Rejudge;

  constructor(
    private readonly shards: readonly Shard[],
    private readonly severities: SeverityOverrides | undefined,
    private readonly report: (finding: CrossShardFinding) => void,
  ) {
    this.keepIds = severityOf('id.duplicate', severities) !== 'error';
    this.dois = new FingerprintTable(this.keepIds ? 2 : 0);
    this.pmids = new FingerprintTable(this.keepIds ? 2 : 0);
    this.rejudge = new Rejudge(shards[0]!.state);
  }

  async judge(cursor: Cursor, record: RunStateRecord, ordinal: number): Promise<Judgement> {
    const judgement: Judgement = { issues: [] };
    const inputs = this.shards[0]!.state.inputs;
    if (record.idKey !== undefined && inputs[record.input]!.kind !== 'solr') {
      const slot = this.ids.find(record.idKey);
      if (slot < 0) this.ids.insert(record.idKey, positionWords(record, ordinal));
      else {
        const source = { file: inputs[record.input]!.name, line: record.line, byteOffset: record.byteOffset, ordinal };
        judgement.duplicateId = duplicateIdIssue(record, positionAt(this.ids, slot, inputs), this.ids.valueAt(slot, 5) === 1, source, this.severities);
        // The first record is in an earlier shard: this shard could not know.
        if (!record.idDuplicate) await this.crossShardDuplicate(judgement, cursor, record, ordinal, judgement.duplicateId);
      }
    }
    if (record.converted && judgement.rejudged === undefined) {
      this.identifier(judgement, this.dois, record.doiKey, record.doiDuplicate, 'doi.duplicate', cursor, record, ordinal);
      this.identifier(judgement, this.pmids, record.pmidKey, record.pmidDuplicate, 'pmid.duplicate', cursor, record, ordinal);
    }
    return judgement;
  }

  /**
   * With id.duplicate an error the single run rejects the record: it is judged again by the
   * engine (Rejudge); as a warning or info only the finding is added.
   */
  private async crossShardDuplicate(judgement: Judgement, cursor: Cursor, record: RunStateRecord, ordinal: number, finding: Issue): Promise<void> {
    if (finding.severity === 'error') judgement.rejudged = await this.rejudge.record(cursor.shard, record, ordinal, finding);
    else judgement.issues.push({ code: finding.code, severity: finding.severity, delta: 1 });
    this.report({ code: 'id.duplicate', message: finding.message, record: this.position(cursor, record, ordinal) });
  }

  private identifier(judgement: Judgement, table: FingerprintTable, print: Fingerprint | undefined, shardSaw: boolean, code: IdentifierCode, cursor: Cursor, record: RunStateRecord, ordinal: number): void {
    if (print === undefined || record.idKey === undefined) return;
    const slot = table.insert(print, this.keepIds ? record.idKey : undefined);
    // The same identifier under the same id (a repeated record) is the id's finding, not this one.
    const duplicate = slot >= 0 && (!this.keepIds || !sameFingerprint([table.valueAt(slot, 0), table.valueAt(slot, 1)], record.idKey));
    const severity = severityOf(code, this.severities);
    if (duplicate === shardSaw || severity === 'off') return;
    if (severity === 'error') {
      throw new Error(`merge: ${code} is raised to an error by the rule severities, and record "${record.id}" in ${cursor.shard.directory} would be rejected by a duplicate in another shard; merge cannot judge the record again for that finding (not supported yet)`);
    }
    judgement.issues.push({ code, severity, delta: duplicate ? 1 : -1 });
    if (duplicate) this.report({ code, message: `${code === 'doi.duplicate' ? 'DOI' : 'PMID'} of record "${record.id}" is also on an earlier record in another shard with a different id`, record: this.position(cursor, record, ordinal) });
  }

  private position(cursor: Cursor, record: RunStateRecord, ordinal: number): MergedPosition {
    const input = this.shards[0]!.state.inputs[record.input]?.name ?? '?';
    return { id: record.id, shard: cursor.shard.directory, input, ordinal, line: record.line, byteOffset: record.byteOffset };
  }
}
