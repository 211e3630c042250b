import type { Issue, SourcePosition } from '../../model/issue.js';
import type { RawRecord } from '../../model/raw-record.js';
import type { BibRecord } from '../../model/record.js';
import { textLine } from '../../read/lines.js';
import { recordsFromJsonLine } from '../../read/solr-json.js';
import type { ReadLimits } from '../../read/types.js';
import type { Profile } from '../../biblio-schema/profile.js';
import { applySeverities, hasError, type SeverityOverrides } from '../../model/rules.js';
import { findWriter } from '../../write/index.js';
import type { RecordWriter, WriterOptions } from '../../write/types.js';
import { processRecord } from '../process.js';
import { rejectLine } from '../rejects.js';
import { countIssues, emptySummary, type RunSummary } from '../summary.js';
import type { RunStateRecord } from '../../model/run-state.js';

/**
 * One batch of a convert run: parse (for line batches), validate, normalize and serialize
 * for every requested format. Synchronous and free of I/O, so that it runs the same on
 * the main thread and in a worker thread; everything it returns is plain data.
 */

/** What every batch of a run shares; sent to each worker once. */
export interface BatchSettings {
  /** Writer names, in output order. */
  formats: readonly string[];
  writerOptions: WriterOptions;
  profile?: Profile | undefined;
  severities?: SeverityOverrides | undefined;
  limits: ReadLimits;
  /** Whether to produce rejects.ndjson / skipped.ndjson lines at all. */
  rejects: boolean;
  skipped: boolean;
  /** Which log entries the main thread's logger would print. */
  logRejected: boolean;
  logSkipped: boolean;
  /** Whether to describe every record for the run state (shard runs, see model/run-state.ts). */
  runState?: boolean | undefined;
}

/** Whole lines of line-delimited Solr JSON, as bytes, with where they start in their input. */
export interface LineBatch {
  kind: 'lines';
  file: string;
  bytes: Uint8Array;
  /** 1-based number of the first line. */
  firstLine: number;
  firstByteOffset: number;
  /** Lines that start before this offset are an HTTP header (see lineDelimitedHeaderBytes). */
  headerBytes: number;
  /** Records of this input before the batch; the batch numbers its records from here + 1. */
  ordinalBase: number;
}

/** Records a reader already parsed (inputs that cannot be split into lines). */
export interface RecordBatch {
  kind: 'records';
  records: RawRecord[];
}

export type BatchInput = LineBatch | RecordBatch;

export interface BatchJob {
  input: BatchInput;
  /**
   * Run-wide findings for records of this batch by index (duplicate ids), decided by the
   * main thread in input order; a batch is first run without them and re-run when any.
   */
  extraIssues?: ReadonlyArray<readonly [number, Issue[]]> | undefined;
  /** Run-wide findings about normalized records by index (duplicate DOIs/PMIDs), decided likewise. */
  normalizedIssues?: ReadonlyArray<readonly [number, Issue[]]> | undefined;
}

/**
 * What the run-wide duplicate checks of a converted record look at
 * (CrossRecordChecks.checkNormalized): its id, type, DOI, PMID and source, not the whole
 * record, which stays on its thread. Only records with a DOI or PMID are listed, so the
 * checks' fill-rate counters (which convert does not configure) would not see the others.
 */
export interface ConvertedToCheck {
  index: number;
  record: Pick<BibRecord, 'id' | 'type' | 'source'> & { identifiers: Pick<BibRecord['identifiers'], 'doi' | 'pmid'> };
}

/** A record id the main thread checks against the whole run, in input order. */
export interface IdToCheck {
  index: number;
  id: string;
  format: string;
  source: SourcePosition;
}

export interface BatchLog {
  level: 'warn' | 'debug';
  fields: Record<string, unknown>;
  message: string;
}

export interface BatchOutput {
  /**
   * Per format (settings order): the text of the records written, joined as one session
   * writes them; UTF-8 bytes when it comes from a worker thread (handed over without a copy).
   */
  texts: Array<string | Uint8Array>;
  /** Per format: how many records the text holds. */
  written: number[];
  rejects: string;
  skipped: string;
  /** This batch's counts (read, converted, rejected, written, skipped, issues). */
  summary: RunSummary;
  logs: BatchLog[];
  ids: IdToCheck[];
  converted: ConvertedToCheck[];
  /** Records (ordinals) the batch's lines held. */
  ordinalsUsed: number;
  /** With settings.runState: every record of the batch, in order, for RunStateWriter.add (input resolved by the caller). */
  state?: Array<Omit<RunStateRecord, 'input'> & { file: string }> | undefined;
}

const LF = 0x0a;

/** The records of a line batch, numbered as reading the input in order numbers them. */
export function parseLineBatch(batch: LineBatch, limits: ReadLimits): RawRecord[] {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const context = { file: batch.file, limits };
  const records: RawRecord[] = [];
  let ordinal = batch.ordinalBase;
  let lineNumber = batch.firstLine;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(LF, start);
    if (end === -1) end = bytes.length;
    const byteOffset = batch.firstByteOffset + start;
    if (byteOffset >= batch.headerBytes) {
      for (const record of recordsFromJsonLine(textLine(bytes.subarray(start, end), lineNumber, byteOffset), context, ordinal)) {
        ordinal++;
        records.push(record);
      }
    }
    lineNumber++;
    start = end + 1;
  }
  return records;
}

function resolveWriter(name: string): RecordWriter {
  const writer = findWriter(name);
  if (!writer) throw new Error(`Unknown output format "${name}"`);
  return writer;
}

/** Runs one batch: every record is read, validated, normalized and written in order. */
export function runBatch(job: BatchJob, settings: BatchSettings): BatchOutput {
  const records = job.input.kind === 'lines' ? parseLineBatch(job.input, settings.limits) : job.input.records;
  const writers = settings.formats.map(resolveWriter);
  // A fresh session per batch: its text starts like a document's first record, and the
  // main thread joins batches with the writer's recordSeparator.
  const sessions = writers.map((writer) => writer.open(settings.writerOptions));
  const texts: string[] = writers.map(() => '');
  const written = writers.map(() => 0);
  const summary = emptySummary();
  for (const writer of writers) summary.written[writer.name] = 0;
  const extra = new Map(job.extraIssues ?? []);
  const late = new Map(job.normalizedIssues ?? []);
  const logs: BatchLog[] = [];
  const ids: IdToCheck[] = [];
  const converted: ConvertedToCheck[] = [];
  let rejects = '';
  let skipped = '';
  const state: BatchOutput['state'] = settings.runState ? [] : undefined;

  records.forEach((raw, index) => {
    const entry = state && stateEntry(raw, writers.length, extra.get(index), late.get(index));
    if (entry) state!.push(entry);
    const id = raw.fields.id;
    if (typeof id === 'string' && id !== '') ids.push({ index, id, format: raw.format, source: raw.source });
    const processed = processRecord(raw, settings, extra.get(index) ?? []);
    if (processed.record) {
      const { id: recordId, type, source, identifiers } = processed.record;
      // Only a DOI or PMID can be a duplicate: other records need no check (nor a copy to the main thread).
      if (identifiers.doi !== undefined || identifiers.pmid !== undefined) {
        converted.push({ index, record: { id: recordId, type, source, identifiers: { doi: identifiers.doi, pmid: identifiers.pmid } } });
      }
      // As processRecords does: a duplicate raised to an error rejects the record.
      const duplicates = applySeverities(late.get(index) ?? [], settings.severities);
      if (duplicates.length > 0) {
        processed.issues.push(...duplicates);
        if (hasError(duplicates)) {
          processed.rejected = true;
          delete processed.record;
        }
      }
    }
    summary.read++;
    const issues: Issue[] = processed.issues;
    if (processed.rejected || !processed.record) {
      summary.rejected++;
      countIssues(summary, issues);
      if (settings.logRejected) {
        logs.push({ level: 'warn', fields: { recordId: raw.fields.id, source: raw.source, issues: issues.filter((i) => i.severity === 'error').map((i) => i.code) }, message: 'record rejected' });
      }
      const line = settings.rejects ? rejectLine(raw, issues) : '';
      rejects += line;
      if (entry) {
        entry.rejectBytes = Buffer.byteLength(line);
        entry.issueCodes = issues.map((issue) => issue.code);
      }
      return;
    }
    summary.converted++;
    const record = processed.record;
    writers.forEach((writer, at) => {
      const refusal = writer.accepts(record);
      if (refusal) {
        const issue: Issue = { ...refusal, recordId: record.id, source: raw.source };
        issues.push(issue);
        summary.skipped[writer.name] = (summary.skipped[writer.name] ?? 0) + 1;
        if (settings.logSkipped) logs.push({ level: 'debug', fields: { recordId: record.id, format: writer.name, code: issue.code }, message: issue.message });
        const line = `${JSON.stringify({ recordId: record.id, format: writer.name, code: issue.code, message: issue.message, source: raw.source })}\n`;
        if (settings.skipped) skipped += line;
        if (entry && settings.skipped) entry.skippedBytes += Buffer.byteLength(line);
        return;
      }
      const session = sessions[at]!;
      const warnings = session.warnings?.(record);
      if (warnings) for (const warning of warnings) issues.push({ ...warning, recordId: record.id, source: raw.source });
      const text = session.write(record);
      texts[at] += text;
      // The session puts the writer's separator before all but its first record; the state counts the record alone.
      if (entry) (entry.outputBytes as number[])[at] = Buffer.byteLength(text) - (written[at]! > 0 ? Buffer.byteLength(writer.recordSeparator ?? '') : 0);
      written[at]! += 1;
      summary.written[writer.name]! += 1;
    });
    countIssues(summary, issues);
    if (entry) {
      Object.assign(entry, { converted: true, doi: record.identifiers.doi, pmid: record.identifiers.pmid });
      entry.issueCodes = issues.map((issue) => issue.code);
    }
  });
  const ordinalsUsed = job.input.kind === 'lines' ? records.length : 0;
  return { texts, written, rejects, skipped, summary, logs, ids, converted, ordinalsUsed, state };
}

/** A record's run-state entry before its outcome is known (filled in as runBatch goes). */
function stateEntry(raw: RawRecord, formats: number, extra: readonly Issue[] | undefined, late: readonly Issue[] | undefined): NonNullable<BatchOutput['state']>[number] {
  const id = raw.fields.id;
  const { file, ordinal, line, byteOffset } = raw.source;
  return {
    file, ordinal: ordinal ?? 0, line, byteOffset,
    id: typeof id === 'string' && id !== '' ? id : undefined,
    converted: false,
    idDuplicate: extra?.some((issue) => issue.code === 'id.duplicate') ?? false,
    doiDuplicate: late?.some((issue) => issue.code === 'doi.duplicate') ?? false,
    pmidDuplicate: late?.some((issue) => issue.code === 'pmid.duplicate') ?? false,
    outputBytes: new Array<number>(formats).fill(0),
    rejectBytes: 0, skippedBytes: 0, issueCodes: [], fillCounted: 0, fillFilled: 0,
  };
}
