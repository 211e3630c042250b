import type { Issue } from '../../model/issue.js';
import type { RawRecord } from '../../model/raw-record.js';
import type { BibRecord } from '../../model/record.js';
import { isFilled } from '../../model/filled.js';
import { applySeverities, hasError, type SeverityOverrides } from '../../model/rules.js';
import type { Profile } from '../../biblio-schema/profile.js';
import { shiftOrdinals } from '../../read/chunked.js';
import { findReader } from '../../read/index.js';
import type { ReadLimits, RecordChunk } from '../../read/types.js';
import { statsDigest, type StatsDigest } from '../../stats/collect.js';
import { findWriter } from '../../write/index.js';
import type { RecordWriter, WriterOptions } from '../../write/types.js';
import type { FillRateCount, FillRateRule, RecordFindings, RecordKeys } from '../cross-record.js';
import { fingerprint } from '../fingerprint-table.js';
import { processRecord, type ProcessedRecord } from '../process.js';
import { rejectLine } from '../rejects.js';
import { countIssues, emptySummary } from '../counts.js';
import type { RunSummary } from '../summary.js';

/**
 * The work of one batch, in two passes, on whichever thread holds the batch (a worker, or
 * the main thread with one worker). Synchronous and free of I/O; everything that crosses
 * threads is plain data.
 *
 * Pass 1 parses (chunks), validates and normalizes every record once, keeps the results,
 * and returns only the keys the run-wide checks need. The main thread checks them in input
 * order and sends back the findings; pass 2 applies them and produces what the command
 * asked for: serialized outputs, rejects, issues, stats. No record is parsed twice.
 */

/** What every batch of a run shares; sent to each worker once. */
export interface EngineSettings {
  /** Writer names, in output order (convert); none for validate and stats. */
  formats: readonly string[];
  writerOptions: WriterOptions;
  profile?: Profile | undefined;
  severities?: SeverityOverrides | undefined;
  limits: ReadLimits;
  /** Fill-rate rules with their model paths resolved (on the main thread: resolving needs the schema). */
  fillRates: ReadonlyArray<FillRateRule & { path: readonly string[] }>;
  /** Record ids whose findings are left out of counts and reports (the config's `ignore`). */
  ignore: readonly string[];
  /** What pass 2 returns besides counts. */
  collect: {
    rejects: boolean;
    skipped: boolean;
    /** Every finding, with its text (validate's reporters). */
    issues: boolean;
    /** Per-record digests for `bibpipe stats` and validate's field fill rates. */
    stats: boolean;
    /** The processed records themselves (the library's `records()`). */
    records: boolean;
    /** Which log entries the main thread's logger would print. */
    logRejected: boolean;
    logSkipped: boolean;
  };
}

/** A batch as the engine hands it over: a reader's chunk, or records read on the main thread. */
export type BatchInput =
  | { kind: 'chunk'; reader: string; file: string; chunk: RecordChunk }
  | { kind: 'records'; records: RawRecord[] };

export interface Pass1Result {
  keys: RecordKeys[];
}

export interface Pass2Request {
  /** Records of the input before this batch (chunks number their records from 1). */
  ordinalBase: number;
  findings: RecordFindings[];
}

export interface BatchLog {
  level: 'warn' | 'debug';
  fields: Record<string, unknown>;
  message: string;
}

export interface Pass2Result {
  /** Per format (settings order): the records written, as one session writes them; UTF-8 bytes from a worker. */
  texts: Array<string | Uint8Array>;
  /** Per format: how many records the text holds. */
  written: number[];
  rejects: string;
  skipped: string;
  summary: RunSummary;
  logs: BatchLog[];
  issues: Issue[];
  fillRates: FillRateCount[];
  stats: StatsDigest[];
  records: ProcessedRecord[];
}

/** One batch between its passes. */
export interface HeldBatch {
  processed: ProcessedRecord[];
  /** Findings of normalization, kept apart: a record rejected by a run-wide finding loses them. */
  normalizeIssueCounts: number[];
}

function resolveWriter(name: string): RecordWriter {
  const writer = findWriter(name);
  if (!writer) throw new Error(`Unknown output format "${name}"`);
  return writer;
}

function recordsOf(input: BatchInput, settings: EngineSettings): RawRecord[] {
  if (input.kind === 'records') return input.records;
  const reader = findReader(input.reader);
  if (reader?.parseChunk === undefined) throw new Error(`The reader "${input.reader}" cannot parse chunks`);
  return reader.parseChunk(input.chunk, { file: input.file, limits: settings.limits });
}

/** Pass 1: parse, validate, normalize; the batch is held for pass 2. */
export function firstPass(input: BatchInput, settings: EngineSettings): { held: HeldBatch; result: Pass1Result } {
  const raws = recordsOf(input, settings);
  const processed: ProcessedRecord[] = new Array(raws.length);
  const normalizeIssueCounts: number[] = new Array(raws.length);
  const keys: RecordKeys[] = new Array(raws.length);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!;
    const record = processRecord(raw, settings);
    processed[index] = record;
    normalizeIssueCounts[index] = record.normalizeIssues;
    const id = raw.fields.id;
    const key: RecordKeys = { converted: record.record !== undefined, source: raw.source };
    if (typeof id === 'string' && id !== '') {
      key.id = id;
      key.idKey = fingerprint(id);
    }
    const bib = record.record;
    if (bib !== undefined) {
      const { doi, pmid } = bib.identifiers;
      if (doi !== undefined || pmid !== undefined) {
        key.recordIdKey = bib.id === key.id ? key.idKey : fingerprint(bib.id);
        // DOIs are case-insensitive (the DOI Handbook); PMIDs are digits.
        if (doi !== undefined) {
          key.doi = doi;
          key.doiKey = fingerprint(`doi:${doi.toLowerCase()}`);
        }
        if (pmid !== undefined) {
          key.pmid = pmid;
          key.pmidKey = fingerprint(`pmid:${pmid}`);
        }
      }
    }
    keys[index] = key;
  }
  return { held: { processed, normalizeIssueCounts }, result: { keys } };
}

/** Applies one record's run-wide findings, as if they had been found by the record's own checks. */
function applyFindings(processed: ProcessedRecord, normalizeIssues: number, findings: RecordFindings, severities: SeverityOverrides | undefined): void {
  const raw = applySeverities(findings.raw, severities);
  const normalized = applySeverities(findings.normalized, severities);
  const before = processed.issues.slice(0, processed.issues.length - normalizeIssues);
  if (hasError(raw)) {
    // Rejected before normalization: its findings and identifiers never existed.
    processed.issues = [...before, ...raw];
    processed.rejected = true;
    delete processed.record;
    return;
  }
  processed.issues = [...before, ...raw, ...processed.issues.slice(before.length), ...normalized];
  if (hasError(normalized)) {
    processed.rejected = true;
    delete processed.record;
  }
}

/** Pass 2: apply the run-wide findings, then produce what the command asked for. */
export function secondPass(held: HeldBatch, request: Pass2Request, settings: EngineSettings): Pass2Result {
  const { processed } = held;
  if (request.ordinalBase > 0) {
    // (Only line chunks, which number their records from 1, get a base.)
    shiftOrdinals(processed.map((record) => record.raw), request.ordinalBase);
    for (const record of processed) if (record.record) record.record.source.ordinal = record.raw.source.ordinal;
  }
  for (const findings of request.findings) {
    applyFindings(processed[findings.index]!, held.normalizeIssueCounts[findings.index]!, findings, settings.severities);
  }
  const writers = settings.formats.map(resolveWriter);
  // A fresh session per batch: its text starts like a document's first record, and the
  // main thread joins batches with the writer's recordSeparator.
  const sessions = writers.map((writer) => writer.open(settings.writerOptions));
  const texts: string[] = writers.map(() => '');
  const written = writers.map(() => 0);
  const summary = emptySummary();
  for (const writer of writers) summary.written[writer.name] = 0;
  const ignored = settings.ignore.length > 0 ? new Set(settings.ignore) : undefined;
  const fillRates: FillRateCount[] = settings.fillRates.map(() => ({ records: 0, filled: 0 }));
  const result: Pass2Result = { texts, written, rejects: '', skipped: '', summary, logs: [], issues: [], fillRates, stats: [], records: [] };
  // Per format, the records it accepted, serialized together at the end (one call where the writer can).
  const accepted: BibRecord[][] = writers.map(() => []);

  for (const item of processed) {
    const { raw } = item;
    summary.read++;
    if (settings.collect.stats) result.stats.push(statsDigest(raw));
    if (item.rejected || !item.record) {
      summary.rejected++;
      if (settings.collect.logRejected) {
        result.logs.push({ level: 'warn', fields: { recordId: raw.fields.id, source: raw.source, issues: item.issues.filter((i) => i.severity === 'error').map((i) => i.code) }, message: 'record rejected' });
      }
      if (settings.collect.rejects) result.rejects += rejectLine(raw, item.issues);
    } else {
      summary.converted++;
      const record = item.record;
      countFillRates(record, settings.fillRates, fillRates);
      writers.forEach((writer, at) => {
        if (accept(writer, sessions[at]!, at, record, item, result, settings)) accepted[at]!.push(record);
      });
    }
    const counted = ignored === undefined ? item.issues : item.issues.filter((issue) => issue.recordId === undefined || !ignored.has(issue.recordId));
    countIssues(summary, counted);
    if (settings.collect.issues) result.issues.push(...counted);
    if (settings.collect.records) result.records.push(item);
  }
  sessions.forEach((session, at) => {
    const records = accepted[at]!;
    if (records.length > 0) texts[at] = session.writeMany ? session.writeMany(records) : records.map((record) => session.write(record)).join('');
  });
  return result;
}

function countFillRates(record: BibRecord, rules: EngineSettings['fillRates'], counts: FillRateCount[]): void {
  rules.forEach((rule, index) => {
    if (rule.type !== undefined && rule.type !== record.type) return;
    const count = counts[index]!;
    count.records++;
    if (isFilled(record, rule.path)) count.filled++;
  });
}

/** Whether the writer takes the record; a refusal is counted and reported, warnings are added to its issues. */
function accept(writer: RecordWriter, session: ReturnType<RecordWriter['open']>, at: number, record: BibRecord, item: ProcessedRecord, result: Pass2Result, settings: EngineSettings): boolean {
  const { raw, issues } = item;
  const refusal = writer.accepts(record, settings.writerOptions);
  if (refusal) {
    const issue: Issue = { ...refusal, recordId: record.id, source: raw.source };
    issues.push(issue);
    result.summary.skipped[writer.name] = (result.summary.skipped[writer.name] ?? 0) + 1;
    if (settings.collect.logSkipped) result.logs.push({ level: 'debug', fields: { recordId: record.id, format: writer.name, code: issue.code }, message: issue.message });
    if (settings.collect.skipped) result.skipped += `${JSON.stringify({ recordId: record.id, format: writer.name, code: issue.code, message: issue.message, source: raw.source })}\n`;
    return false;
  }
  const warnings = session.warnings?.(record);
  if (warnings) for (const warning of warnings) issues.push({ ...warning, recordId: record.id, source: raw.source });
  result.written[at]! += 1;
  result.summary.written[writer.name]! += 1;
  return true;
}
