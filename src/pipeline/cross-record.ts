import type { Issue, SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import type { BibRecord, RecordType } from '../model/record.js';
import { makeIssue } from '../model/rules.js';
import { fingerprint, FingerprintTable, sameFingerprint } from './fingerprint-table.js';
import { isFilled, resolveModelField } from '../model/fields.js';

/** A configured minimum share of (converted) records, optionally of one type, that have a field. */
export interface FillRateRule {
  /** Normalized-record field: `doi`, `abstract`, `languages`, `published.year`... */
  field: string;
  type?: RecordType | undefined;
  /** 0..1 */
  minimum: number;
}

export interface CrossRecordOptions {
  fillRates?: readonly FillRateRule[] | undefined;
}

interface FillRateCounter {
  rule: FillRateRule;
  path: string[];
  records: number;
  filled: number;
}

function positionOf(record: BibRecord): SourcePosition {
  const { format: _format, ...position } = record.source;
  return position;
}

function percent(share: number): string {
  return `${(Math.floor(share * 1000) / 10).toString()}%`;
}

/**
 * Checks that need the whole run, in memory bounded by the number of distinct ids and
 * identifiers (about 12-24 bytes each, see FingerprintTable): duplicate ids, the same DOI or
 * PMID on different ids, and field fill rates.
 *
 * Solr keeps only the last document of a duplicate id; bibpipe rejects the later ones
 * instead of losing either silently. Ids and identifiers are compared by 96-bit SHA-256
 * fingerprints: a false duplicate needs a fingerprint collision (odds ~1e-13 per 100M keys).
 */
export class CrossRecordChecks {
  private readonly ids = new FingerprintTable();
  private readonly dois = new FingerprintTable(3);
  private readonly pmids = new FingerprintTable(3);
  private readonly fillRates: FillRateCounter[];

  constructor(options: CrossRecordOptions = {}) {
    this.fillRates = (options.fillRates ?? []).map((rule) => {
      const path = resolveModelField(rule.field);
      if (!path) throw new Error(`Unknown record field "${rule.field}" in a fill-rate rule`);
      return { rule, path, records: 0, filled: 0 };
    });
  }

  /** On every raw record, in input order: a later record with an id already seen is a duplicate. */
  check(raw: RawRecord): Issue[] {
    const id = raw.fields.id;
    if (typeof id !== 'string' || id === '') return [];
    if (this.ids.insert(fingerprint(id)) < 0) return [];
    return [
      makeIssue('id.duplicate', {
        message: `Duplicate id "${id}": an earlier record in this run has the same id`,
        recordId: id,
        source: raw.source,
        field: 'id',
        actual: id,
      }),
    ];
  }

  /** On every converted record: the same DOI/PMID under another id, and fill-rate counts. */
  checkNormalized(record: BibRecord): Issue[] {
    for (const counter of this.fillRates) {
      if (counter.rule.type !== undefined && counter.rule.type !== record.type) continue;
      counter.records++;
      if (isFilled(record, counter.path)) counter.filled++;
    }
    const issues: Issue[] = [];
    const idPrint = fingerprint(record.id);
    const { doi, pmid } = record.identifiers;
    // DOIs are case-insensitive (the DOI Handbook); PMIDs are digits.
    if (doi !== undefined && this.seenUnderOtherId(this.dois, `doi:${doi.toLowerCase()}`, idPrint)) {
      issues.push(makeIssue('doi.duplicate', {
        message: `DOI ${doi} is also on an earlier record with a different id`,
        recordId: record.id, source: positionOf(record), field: 'doi', actual: doi,
      }));
    }
    if (pmid !== undefined && this.seenUnderOtherId(this.pmids, `pmid:${pmid}`, idPrint)) {
      issues.push(makeIssue('pmid.duplicate', {
        message: `PMID ${pmid} is also on an earlier record with a different id`,
        recordId: record.id, source: positionOf(record), field: 'pmid', actual: pmid,
      }));
    }
    return issues;
  }

  /** Once, after the last record: fill rates below their minimum (run-level issues, no record). */
  finish(): Issue[] {
    const issues: Issue[] = [];
    for (const { rule, records, filled } of this.fillRates) {
      if (records === 0) continue;
      const share = filled / records;
      if (share >= rule.minimum) continue;
      const scope = rule.type ? `${rule.type} records` : 'records';
      issues.push(makeIssue('fill-rate.below-minimum', {
        message: `${rule.field} is filled in ${filled} of ${records} converted ${scope} (${percent(share)}), below the minimum of ${percent(rule.minimum)}`,
        field: rule.field,
        actual: { filled, records, share },
        expected: `>= ${percent(rule.minimum)}`,
      }));
    }
    return issues;
  }

  private seenUnderOtherId(table: FingerprintTable, key: string, idPrint: ReturnType<typeof fingerprint>): boolean {
    const slot = table.insert(fingerprint(key), idPrint);
    return slot >= 0 && !sameFingerprint(table.valueAt(slot), idPrint);
  }
}
