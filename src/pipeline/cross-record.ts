import type { Issue, SourcePosition } from '../model/issue.js';
import type { RecordType } from '../model/record.js';
import type { Severity } from '../model/issue.js';
import { makeIssue, RULES, type SeverityOverrides } from '../model/rules.js';
import { FingerprintTable, type Fingerprint } from './fingerprint-table.js';

/** A configured minimum share of (converted) records, optionally of one type, that have a field. */
export interface FillRateRule {
  /** Normalized-record field: `doi`, `abstract`, `languages`, `published.year`... */
  field: string;
  type?: RecordType | undefined;
  /** 0..1 */
  minimum: number;
  /** Where the rule is written (the config file and line): its finding points there. */
  source?: SourcePosition | undefined;
}

/**
 * What the run-wide checks need of one record, computed where the record was parsed
 * (fingerprints included), so the main thread never sees the record itself.
 */
export interface RecordKeys {
  /** The raw `id` field and its fingerprint. */
  id?: string | undefined;
  idKey?: Fingerprint | undefined;
  /** True when validation and normalization kept the record. */
  converted: boolean;
  /** Fingerprint of the normalized record's id (converted records). */
  recordIdKey?: Fingerprint | undefined;
  doi?: string | undefined;
  doiKey?: Fingerprint | undefined;
  pmid?: string | undefined;
  pmidKey?: Fingerprint | undefined;
  /** Where the record is; `ordinal` counts within its batch until the engine places it. */
  source: SourcePosition;
}

/** Findings for one record of a batch, by its index. */
export interface RecordFindings {
  index: number;
  /** About the raw record (duplicate id): they come before normalization's findings. */
  raw: Issue[];
  /** About the normalized record (duplicate DOI/PMID). */
  normalized: Issue[];
}

/** Where the first record with a key was: a compact table, one entry per record that has an id or identifier. */
class FirstRecords {
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Per entry: file index, line + 1, ordinal, byte offset (low, high words); 0 means unknown. */
  private words = new Uint32Array(5 * 1024);
  /** Record ids as UTF-8, end to end; entry i's id ends at idEnds[i] (a string each would cost ~3x). */
  private idBytes = Buffer.alloc(64 * 1024);
  private idEnds = new Uint32Array(1024);
  private idLength = 0;
  private count = 0;

  add(source: SourcePosition, recordId: string | undefined): number {
    let file = this.fileIndex.get(source.file);
    if (file === undefined) {
      file = this.files.push(source.file) - 1;
      this.fileIndex.set(source.file, file);
    }
    if ((this.count + 1) * 5 > this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    const at = this.count * 5;
    const offset = source.byteOffset === undefined ? 0 : source.byteOffset + 1;
    this.words[at] = file;
    this.words[at + 1] = source.line ?? 0;
    this.words[at + 2] = source.ordinal ?? 0;
    this.words[at + 3] = offset % 0x1_0000_0000;
    this.words[at + 4] = Math.floor(offset / 0x1_0000_0000);
    if (this.count + 1 > this.idEnds.length) {
      const grown = new Uint32Array(this.idEnds.length * 2);
      grown.set(this.idEnds);
      this.idEnds = grown;
    }
    if (recordId !== undefined) {
      const needed = this.idLength + Buffer.byteLength(recordId);
      if (needed > this.idBytes.length) {
        const grown = Buffer.alloc(Math.max(needed, Math.ceil(this.idBytes.length * 1.5)));
        this.idBytes.copy(grown, 0, 0, this.idLength);
        this.idBytes = grown;
      }
      this.idLength += this.idBytes.write(recordId, this.idLength);
    }
    this.idEnds[this.count] = this.idLength;
    return this.count++;
  }

  get(entry: number): NonNullable<Issue['related']> {
    const at = entry * 5;
    const related: NonNullable<Issue['related']> = { file: this.files[this.words[at]!]! };
    const idStart = entry === 0 ? 0 : this.idEnds[entry - 1]!;
    const idEnd = this.idEnds[entry]!;
    if (idEnd > idStart) related.recordId = this.idBytes.toString('utf8', idStart, idEnd);
    if (this.words[at + 1]! > 0) related.line = this.words[at + 1]!;
    const offset = this.words[at + 3]! + this.words[at + 4]! * 0x1_0000_0000;
    if (offset > 0) related.byteOffset = offset - 1;
    if (this.words[at + 2]! > 0) related.ordinal = this.words[at + 2]!;
    return related;
  }
}

/** `file:line (record N)` for messages. */
export function describePosition(position: SourcePosition): string {
  const where = position.line !== undefined ? `${position.file}:${position.line}` : position.byteOffset !== undefined ? `${position.file} at byte ${position.byteOffset}` : position.file;
  return position.ordinal !== undefined ? `${where} (record ${position.ordinal})` : where;
}

function percent(share: number): string {
  return `${(Math.floor(share * 1000) / 10).toString()}%`;
}

/**
 * Checks that need the whole run, made on one thread in input order, on keys the workers
 * computed: duplicate ids (Solr keeps only the last document of an id; bibpipe rejects the
 * later ones instead of losing either silently), and the same DOI or PMID on different
 * ids. Memory is bounded by the number of distinct keys (about 30 bytes each).
 */
export class CrossRecordChecks {
  /** id -> first record. */
  private readonly ids = new FingerprintTable(1);
  /** DOI/PMID -> id fingerprint (2 words) and first record. */
  private readonly dois = new FingerprintTable(3);
  private readonly pmids = new FingerprintTable(3);
  private readonly first = new FirstRecords();
  private readonly duplicateIdIsError: boolean;

  constructor(severities: SeverityOverrides | undefined = undefined) {
    const severity: Severity | 'off' = severities?.['id.duplicate'] ?? RULES['id.duplicate'].severity;
    this.duplicateIdIsError = severity === 'error';
  }

  /** The findings for one record, in input order; undefined when there are none. */
  check(keys: RecordKeys): Omit<RecordFindings, 'index'> | undefined {
    let raw: Issue[] | undefined;
    let entry: number | undefined;
    if (keys.idKey !== undefined) {
      const slot = this.ids.find(keys.idKey);
      if (slot < 0) {
        // The id itself is kept only where a later DOI/PMID finding may need to name it.
        const holdsIdentifier = keys.doiKey !== undefined || keys.pmidKey !== undefined;
        entry = this.first.add(keys.source, holdsIdentifier ? keys.id : undefined);
        this.ids.insert(keys.idKey, [entry]);
      } else {
        const related = { ...this.first.get(this.ids.valueAt(slot)), recordId: keys.id! };
        raw = [makeIssue('id.duplicate', {
          message: `Duplicate id "${keys.id}": the record at ${describePosition(related)} has the same id`,
          recordId: keys.id, source: keys.source, field: 'id', actual: keys.id, related,
        })];
        // A rejected duplicate is not normalized, so its identifiers are not checked.
        if (this.duplicateIdIsError) return { raw, normalized: [] };
      }
    }
    const recordIdKey = keys.recordIdKey;
    if (!keys.converted || recordIdKey === undefined) return raw ? { raw, normalized: [] } : undefined;
    let normalized: Issue[] | undefined;
    const identifier = (table: FingerprintTable, key: Fingerprint | undefined, code: 'doi.duplicate' | 'pmid.duplicate', label: string, value: string | undefined): void => {
      if (key === undefined || value === undefined) return;
      const slot = table.find(key);
      if (slot < 0) {
        entry ??= this.first.add(keys.source, keys.id);
        table.insert(key, [recordIdKey[0], recordIdKey[1], entry]);
        return;
      }
      // The same identifier under the same id (a duplicate record) is the id's finding, not this one.
      if (table.valueAt(slot, 0) === recordIdKey[0] && table.valueAt(slot, 1) === recordIdKey[1]) return;
      const related = this.first.get(table.valueAt(slot, 2));
      (normalized ??= []).push(makeIssue(code, {
        message: `${label} ${value} is also on the record ${related.recordId === undefined ? '' : `"${related.recordId}" `}at ${describePosition(related)}, which has a different id`,
        recordId: keys.id, source: keys.source, field: code === 'doi.duplicate' ? 'doi' : 'pmid', actual: value, related,
      }));
    };
    identifier(this.dois, keys.doiKey, 'doi.duplicate', 'DOI', keys.doi);
    identifier(this.pmids, keys.pmidKey, 'pmid.duplicate', 'PMID', keys.pmid);
    if (raw === undefined && normalized === undefined) return undefined;
    return { raw: raw ?? [], normalized: normalized ?? [] };
  }
}

/** Fill-rate counts of one rule: converted records in scope, and those having the field. */
export interface FillRateCount {
  records: number;
  filled: number;
}

/** Once, after the last record: fill rates below their minimum (run-level issues, no record). */
export function fillRateIssues(rules: readonly FillRateRule[], counts: readonly FillRateCount[]): Issue[] {
  const issues: Issue[] = [];
  rules.forEach((rule, index) => {
    const { records, filled } = counts[index] ?? { records: 0, filled: 0 };
    if (records === 0) return;
    const share = filled / records;
    if (share >= rule.minimum) return;
    const scope = rule.type ? `${rule.type} records` : 'records';
    issues.push(makeIssue('fill-rate.below-minimum', {
      message: `${rule.field} is filled in ${filled} of ${records} converted ${scope} (${percent(share)}), below the minimum of ${percent(rule.minimum)}`,
      field: rule.field,
      actual: { filled, records, share },
      expected: `>= ${percent(rule.minimum)}`,
      source: rule.source,
    }));
  });
  return issues;
}
