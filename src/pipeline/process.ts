import type { Issue } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import type { BibRecord } from '../model/record.js';
import { normalizeRecord } from '../normalize/index.js';
import { validateRecord } from '../validate/index.js';
import type { Profile } from '../biblio-schema/profile.js';
import { applySeverities, hasError, type SeverityOverrides } from '../model/rules.js';

export interface ProcessOptions {
  profile?: Profile | undefined;
  severities?: SeverityOverrides | undefined;
}

/** One record after validation and normalization: converted, or rejected with its issues. */
export interface ProcessedRecord {
  raw: RawRecord;
  /** The normalized record; absent when the record was rejected. */
  record?: BibRecord;
  /** Every finding: reading, validation, normalization, cross-record checks. */
  issues: Issue[];
  rejected: boolean;
  /** How many of the last `issues` normalization found (a record rejected later loses them). */
  normalizeIssues: number;
}

function recordIdOf(raw: RawRecord): string | undefined {
  const id = raw.fields.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * validate -> normalize for one raw record. A record with an error-severity issue (after
 * the user's severity overrides) is rejected: it is not normalized, and goes to rejects.
 */
export function processRecord(raw: RawRecord, options: ProcessOptions = {}): ProcessedRecord {
  const recordId = recordIdOf(raw);
  // A record the reader could not read at all has no fields: schema findings about it
  // ("no id", "no title") would only hide the read error that explains it.
  const unread = Object.keys(raw.fields).length === 0 && hasError(raw.issues);
  const schemaIssues = unread ? [] : validateRecord(raw, { profile: options.profile });
  const found = [...raw.issues, ...schemaIssues].map((issue) =>
    issue.recordId === undefined && recordId !== undefined ? { ...issue, recordId } : issue,
  );
  const issues = applySeverities(found, options.severities);
  if (hasError(issues)) return { raw, issues, rejected: true, normalizeIssues: 0 };
  const normalized = normalizeRecord(raw);
  const normalizeFound = applySeverities(normalized.issues, options.severities);
  const all = [...issues, ...normalizeFound];
  if (hasError(all)) return { raw, issues: all, rejected: true, normalizeIssues: normalizeFound.length };
  return { raw, record: normalized.record, issues: all, rejected: false, normalizeIssues: normalizeFound.length };
}
