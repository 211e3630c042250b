import type { Issue, SourcePosition } from '../../model/issue.js';
import type { RawRecord } from '../../model/raw-record.js';
import type { BibRecord } from '../../model/record.js';
import { isFilled } from '../../model/filled.js';
import { applySeverities, hasError, type SeverityOverrides } from '../../model/rules.js';
import type { Profile } from '../../biblio-schema/profile.js';
import { shiftOrdinals } from '../../read/chunked.js';
import { findReader } from '../../read/index.js';
import { attachFullrecordMarc } from '../../read/marc-fullrecord.js';
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
import type { RunStateRecord } from '../../model/run-state.js';

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
    /** Every record described for the run state (shard runs; pipeline/run-state/codec.ts). */
    state?: boolean | undefined;
    /** Where each record without findings is (JUnit's test case per record). */
    passed?: boolean | undefined;
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
  /** With collect.passed: each record that has no finding, by id and position. */
  passed?: PassedRecord[] | undefined;
  /** With collect.state: every record in order, for RunStateWriter.add (the input is named by `file`). */
  state?: StateEntry[] | undefined;
}

/** A run-state entry as pass 2 knows it; the main thread turns `file` into the input's index. */
export type StateEntry = Omit<RunStateRecord, 'input'> & { file: string };

/** A raw id as one text (a multi-valued id: its first value). */
function textId(id: unknown): string | undefined {
  const first: unknown = Array.isArray(id) ? id[0] : id;
  return typeof first === 'string' ? first : undefined;
}

/** A record without findings: what a report needs to list it as passed. */
export interface PassedRecord {
  recordId?: string | undefined;
  source: SourcePosition;
}

/** One batch between its passes. */
export interface HeldBatch {
  processed: ProcessedRecord[];
  /** Findings of normalization, kept apart: a record rejected by a run-wide finding loses them. */
  normalizeIssueCounts: number[];
  /** The keys pass 1 computed (fingerprints), kept for the run state. */
  keys?: RecordKeys[] | undefined;
}

function resolveWriter(name: string): RecordWriter {
  const writer = findWriter(name);
  if (!writer) throw new Error(`Unknown output format "${name}"`);
  return writer;
}

/** The raw records of a batch, each with its Solr `fullrecord` decoded as MARC here, on the batch's thread. */
function recordsOf(input: BatchInput, settings: EngineSettings): RawRecord[] {
  return rawRecordsOf(input, settings).map(attachFullrecordMarc);
}

function rawRecordsOf(input: BatchInput, settings: EngineSettings): RawRecord[] {
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
  return { held: { processed, normalizeIssueCounts, keys: settings.collect.state ? keys : undefined }, result: { keys } };
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
  const state = settings.collect.state ? (result.state = [] as StateEntry[]) : undefined;
  const findingsAt = state ? new Map(request.findings.map((findings) => [findings.index, findings])) : undefined;
  // Per format, the records it accepted, serialized together at the end (one call where the writer can).
  const accepted: BibRecord[][] = writers.map(() => []);
  // With the run state, each accepted record's entry, to be told its bytes.
  const acceptedEntries: StateEntry[][] = writers.map(() => []);

  processed.forEach((item, index) => {
    const { raw } = item;
    const entry = state ? stateEntry(item, held.keys?.[index], findingsAt!.get(index), writers.length) : undefined;
    summary.read++;
    if (settings.collect.stats) result.stats.push(statsDigest(raw));
    if (item.rejected || !item.record) {
      summary.rejected++;
      if (settings.collect.logRejected) {
        const errors = item.issues.filter((i) => i.severity === 'error');
        // The codes for machines, the first reason in words for people reading the log.
        const reason = errors[0] === undefined ? '' : `: ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
        result.logs.push({ level: 'warn', fields: { recordId: raw.fields.id, source: raw.source, issues: errors.map((i) => i.code) }, message: `record rejected${reason}` });
      }
      if (settings.collect.rejects) {
        const line = rejectLine(raw, item.issues);
        result.rejects += line;
        if (entry) entry.rejectBytes = Buffer.byteLength(line);
      }
    } else {
      summary.converted++;
      const record = item.record;
      countFillRates(record, settings.fillRates, fillRates);
      writers.forEach((writer, at) => {
        if (!accept(writer, sessions[at]!, at, record, item, result, settings, entry)) return;
        accepted[at]!.push(record);
        if (entry) acceptedEntries[at]!.push(entry);
      });
    }
    const counted = ignored === undefined ? item.issues : item.issues.filter((issue) => issue.recordId === undefined || !ignored.has(issue.recordId));
    countIssues(summary, counted);
    if (settings.collect.issues) result.issues.push(...counted);
    if (settings.collect.passed && counted.length === 0) (result.passed ??= []).push({ recordId: item.record?.id ?? textId(raw.fields.id), source: raw.source });
    if (settings.collect.records) result.records.push(item);
    if (entry) state!.push(finishStateEntry(entry, item, counted, settings));
  });
  sessions.forEach((session, at) => {
    const records = accepted[at]!;
    if (records.length === 0) return;
    if (state) {
      // The run state needs each record's bytes: written one by one (the same bytes as writeMany),
      // the separator the session puts before all but its first left out of the count.
      const separatorBytes = Buffer.byteLength(writers[at]!.recordSeparator ?? '');
      const parts = records.map((record) => session.write(record));
      parts.forEach((part, index) => {
        (acceptedEntries[at]![index]!.outputBytes as number[])[at] = Buffer.byteLength(part) - (index > 0 ? separatorBytes : 0);
      });
      texts[at] = parts.join('');
      return;
    }
    texts[at] = session.writeMany ? session.writeMany(records) : records.map((record) => session.write(record)).join('');
  });
  return result;
}

/** A record's run-state entry; pass 2 fills in its bytes as it writes them. */
function stateEntry(item: ProcessedRecord, keys: RecordKeys | undefined, findings: RecordFindings | undefined, formats: number): StateEntry {
  const { file, ordinal, line, byteOffset } = item.raw.source;
  const converted = item.record !== undefined && !item.rejected;
  return {
    file, ordinal: ordinal ?? 0, line, byteOffset,
    id: keys?.id, idKey: keys?.idKey,
    doiKey: converted ? keys?.doiKey : undefined,
    pmidKey: converted ? keys?.pmidKey : undefined,
    converted,
    idDuplicate: findings?.raw.some((issue) => issue.code === 'id.duplicate') ?? false,
    doiDuplicate: findings?.normalized.some((issue) => issue.code === 'doi.duplicate') ?? false,
    pmidDuplicate: findings?.normalized.some((issue) => issue.code === 'pmid.duplicate') ?? false,
    outputBytes: new Array<number>(formats).fill(0),
    rejectBytes: 0, skippedBytes: 0, issueCodes: [], issueSeverities: [], fillCounted: 0, fillFilled: 0,
  };
}

/** The entry with the record's counted findings and fill-rate bits. */
function finishStateEntry(entry: StateEntry, item: ProcessedRecord, counted: readonly Issue[], settings: EngineSettings): StateEntry {
  entry.issueCodes = counted.map((issue) => issue.code);
  entry.issueSeverities = counted.map((issue) => issue.severity);
  if (item.record && !item.rejected) {
    settings.fillRates.forEach((rule, index) => {
      if (rule.type !== undefined && rule.type !== item.record!.type) return;
      entry.fillCounted |= 1 << index;
      if (isFilled(item.record!, rule.path)) entry.fillFilled |= 1 << index;
    });
  }
  return entry;
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
function accept(writer: RecordWriter, session: ReturnType<RecordWriter['open']>, at: number, record: BibRecord, item: ProcessedRecord, result: Pass2Result, settings: EngineSettings, entry: StateEntry | undefined): boolean {
  const { raw, issues } = item;
  const refusal = writer.accepts(record, settings.writerOptions);
  if (refusal) {
    const issue: Issue = { ...refusal, recordId: record.id, source: raw.source };
    issues.push(issue);
    result.summary.skipped[writer.name] = (result.summary.skipped[writer.name] ?? 0) + 1;
    if (settings.collect.logSkipped) result.logs.push({ level: 'debug', fields: { recordId: record.id, format: writer.name, code: issue.code }, message: issue.message });
    if (settings.collect.skipped) {
      const line = `${JSON.stringify({ recordId: record.id, format: writer.name, code: issue.code, message: issue.message, source: raw.source })}\n`;
      result.skipped += line;
      if (entry) entry.skippedBytes += Buffer.byteLength(line);
    }
    return false;
  }
  const warnings = session.warnings?.(record);
  if (warnings) for (const warning of warnings) issues.push({ ...warning, recordId: record.id, source: raw.source });
  result.written[at]! += 1;
  result.summary.written[writer.name]! += 1;
  return true;
}
