import { Readable } from 'node:stream';
import type { RawRecord } from '../../src/model/raw-record.js';
import { processRecord, type ProcessedRecord } from '../../src/pipeline/process.js';
import { solrJsonReader } from '../../src/read/solr-json.js';
import { staffViewReader } from '../../src/read/staff-view/reader.js';
import { DEFAULT_READ_LIMITS, type RecordReader } from '../../src/read/types.js';
import { generateCorpus, type CorpusProfile, type CorpusRecord } from '../corpus/records.js';
import { defaultLayout, renderSolrJsonLine, renderStaffView } from '../corpus/render.js';
import { differingPaths, fieldIsRight, fieldValue, FIELDS, truthValue, type Field } from './compare.js';
import { readRecords } from '../../src/read/chunked.js';

/**
 * Runs every corpus record through the real pipeline twice (its Staff View scrape and its
 * Solr JSON line: reader -> validate -> normalize) and counts, per field, the records whose
 * normalized value is exactly the truth.
 */

export interface Tally {
  records: number;
  right: Record<Field, number>;
  rejected: number;
}

export interface FailureSample {
  id: string;
  input: 'scrape' | 'solr-json';
  hasWorkKeys: boolean;
  expected: unknown;
  actual: unknown;
  warned: boolean;
}

export interface AccuracyReport {
  command: string;
  seed: number;
  count: number;
  profile: CorpusProfile;
  /** Scrapes of records whose site stores work keys / does not; and the Solr JSON of all records. */
  scrapeWithWorkKeys: Tally;
  scrapeWithoutWorkKeys: Tally;
  solrJson: Tally;
  /** Scrape and Solr JSON give the same normalized record (source and inferred values aside). */
  identical: { records: number; same: number; sameExceptSubjects: number; differingPaths: Record<string, number>; workKeyRecords: number; workKeySame: number };
  /** Scrapes whose authors were wrong: how many of them carried an `author.split-ambiguous` warning. */
  wrongAuthors: { total: number; warned: number };
  /** Scrapes that carried an `author.split-ambiguous` warning at all. */
  ambiguityWarnings: number;
  /** The first failures per field and input (`authors/scrape-work-keys`, `doi/solr-json`...). */
  failures: Record<string, FailureSample[]>;
  /** Per kind of record (name kinds, mononym, bad-doi...): records, and how many were right per measure. */
  kinds: Record<string, KindTally>;
  seconds: number;
}

const SAMPLES_PER_FIELD = 25;

/** Per-kind counts: records of the kind, and records right per measure (scrapes and Solr JSON). */
export interface KindTally {
  records: number;
  withWorkKeys: number;
  authorsWorkKeys: number;
  authorsNoWorkKeys: number;
  authorsJson: number;
  types: number;
  dates: number;
  identifiers: number;
  identical: number;
}

const IDENTIFIER_FIELDS: readonly Field[] = ['pmid', 'pmcid', 'doi', 'isbn'];

function emptyTally(): Tally {
  return { records: 0, rejected: 0, right: Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<Field, number> };
}

async function readOne(reader: RecordReader, text: string, file: string): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readRecords(reader, Readable.from([Buffer.from(text, 'utf8')]), { file, limits: DEFAULT_READ_LIMITS })) records.push(record);
  return records;
}

async function processOne(reader: RecordReader, text: string, file: string): Promise<ProcessedRecord | undefined> {
  const raws = await readOne(reader, text, file);
  // One record in, one record out: anything else is a reading failure of this record.
  if (raws.length !== 1) return undefined;
  return processRecord(raws[0] as RawRecord);
}

function tally(target: Tally, processed: ProcessedRecord | undefined, corpus: CorpusRecord, input: FailureSample['input'], report: AccuracyReport): void {
  target.records += 1;
  const record = processed?.record;
  if (record === undefined) target.rejected += 1;
  const warned = processed?.issues.some((issue) => issue.code === 'author.split-ambiguous') ?? false;
  for (const field of FIELDS) {
    if (fieldIsRight(record, corpus.truth, field)) {
      target.right[field] += 1;
      continue;
    }
    const kind = input === 'solr-json' ? 'solr-json' : corpus.hasWorkKeys ? 'scrape-work-keys' : 'scrape-no-work-keys';
    const samples = (report.failures[`${field}/${kind}`] ??= []);
    if (samples.length < SAMPLES_PER_FIELD) {
      samples.push({ id: String(corpus.doc.id), input, hasWorkKeys: corpus.hasWorkKeys, expected: truthValue(corpus.truth, field), actual: fieldValue(record, field), warned });
    }
  }
}

export interface MeasureOptions {
  seed: number;
  count: number;
  profile?: CorpusProfile;
  command?: string;
}

export async function measureAccuracy(options: MeasureOptions): Promise<AccuracyReport> {
  const started = process.hrtime.bigint();
  const profile = options.profile ?? 'accuracy';
  const report: AccuracyReport = {
    command: options.command ?? '', seed: options.seed, count: options.count, profile,
    scrapeWithWorkKeys: emptyTally(), scrapeWithoutWorkKeys: emptyTally(), solrJson: emptyTally(),
    identical: { records: 0, same: 0, sameExceptSubjects: 0, differingPaths: {}, workKeyRecords: 0, workKeySame: 0 }, wrongAuthors: { total: 0, warned: 0 }, ambiguityWarnings: 0,
    failures: {}, kinds: {}, seconds: 0,
  };
  for (const corpus of generateCorpus({ seed: options.seed, count: options.count, profile })) {
    const layout = defaultLayout(corpus);
    const scraped = await processOne(staffViewReader, renderStaffView(corpus, layout), 'corpus.txt');
    const fromJson = await processOne(solrJsonReader, `${renderSolrJsonLine(corpus)}\n`, 'corpus.ndjson');
    tally(corpus.hasWorkKeys ? report.scrapeWithWorkKeys : report.scrapeWithoutWorkKeys, scraped, corpus, 'scrape', report);
    tally(report.solrJson, fromJson, corpus, 'solr-json', report);

    const warned = scraped?.issues.some((issue) => issue.code === 'author.split-ambiguous') ?? false;
    if (warned) report.ambiguityWarnings += 1;
    if (!fieldIsRight(scraped?.record, corpus.truth, 'authors')) {
      report.wrongAuthors.total += 1;
      if (warned) report.wrongAuthors.warned += 1;
    }
    report.identical.records += 1;
    const identical = scraped?.record !== undefined && fromJson?.record !== undefined && differingPaths(scraped.record, fromJson.record).length === 0;
    if (corpus.hasWorkKeys) {
      report.identical.workKeyRecords += 1;
      if (identical) report.identical.workKeySame += 1;
    }
    for (const kind of corpus.truth.kinds) {
      const tally = (report.kinds[kind] ??= { records: 0, withWorkKeys: 0, authorsWorkKeys: 0, authorsNoWorkKeys: 0, authorsJson: 0, types: 0, dates: 0, identifiers: 0, identical: 0 });
      const right = (field: Field): boolean => fieldIsRight(scraped?.record, corpus.truth, field);
      tally.records += 1;
      if (corpus.hasWorkKeys) tally.withWorkKeys += 1;
      if (right('authors') && right('corporateAuthors') && right('contributors')) {
        if (corpus.hasWorkKeys) tally.authorsWorkKeys += 1;
        else tally.authorsNoWorkKeys += 1;
      }
      if (['authors', 'corporateAuthors', 'contributors'].every((field) => fieldIsRight(fromJson?.record, corpus.truth, field as Field))) tally.authorsJson += 1;
      if (right('publicationTypes')) tally.types += 1;
      if (right('date')) tally.dates += 1;
      if (IDENTIFIER_FIELDS.every(right)) tally.identifiers += 1;
      if (identical) tally.identical += 1;
    }
    if (scraped?.record !== undefined && fromJson?.record !== undefined) {
      const paths = differingPaths(scraped.record, fromJson.record);
      if (paths.length === 0) report.identical.same += 1;
      // A MARC record's several topics reach the scrape as one run of words with nothing to
      // split it by (docs/accuracy.md): counted apart so the other fields stay visible.
      if (paths.every((path) => path === 'subjects')) report.identical.sameExceptSubjects += 1;
      for (const path of paths) report.identical.differingPaths[path] = (report.identical.differingPaths[path] ?? 0) + 1;
    } else {
      report.identical.differingPaths['(rejected)'] = (report.identical.differingPaths['(rejected)'] ?? 0) + 1;
    }
  }
  report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return report;
}

/** Share of records right, in percent with two decimals. */
export function share(right: number, total: number): number {
  return total === 0 ? 100 : Math.floor((right / total) * 10000) / 100;
}

const LABELS: Record<Field, string> = {
  authors: 'authors (family/given/suffix, in order)', corporateAuthors: 'collective/corporate authors', contributors: 'editors, translators... (author2 roles)',
  pmid: 'PMID', pmcid: 'PMCID', doi: 'DOI (bad DOIs never written)', isbn: 'ISBN',
  year: 'year', date: 'date (year-month-day)', languages: 'languages', formats: 'formats', publicationTypes: 'publication types (as NLM lists them)',
  journalAbbreviation: 'journal abbreviation (none when the source has none)', pages: 'start page / page range', copyright: 'copyright line',
};

/** The report as a plain-text table (what `npm run accuracy` prints). */
export function formatReport(report: AccuracyReport): string {
  const columns = [report.scrapeWithWorkKeys, report.scrapeWithoutWorkKeys, report.solrJson];
  const header = ['field', `scrape, work keys (n=${columns[0]?.records})`, `scrape, no work keys (n=${columns[1]?.records})`, `Solr JSON (n=${columns[2]?.records})`];
  const rows = FIELDS.map((field) => [LABELS[field], ...columns.map((column) => `${share(column.right[field], column.records).toFixed(2)}%`)]);
  rows.push(['rejected records', ...columns.map((column) => String(column.rejected))]);
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  const out = [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line), ''];
  const { identical } = report;
  out.push(`scrape == Solr JSON (normalized, source and inferred values aside): ${share(identical.same, identical.records).toFixed(2)}% of ${identical.records}`);
  out.push(`  the same but for subjects: ${share(identical.sameExceptSubjects, identical.records).toFixed(2)}%`);
  out.push(`  scrapes with work keys: ${share(identical.workKeySame, identical.workKeyRecords).toFixed(2)}% of ${identical.workKeyRecords}; without: ${share(identical.same - identical.workKeySame, identical.records - identical.workKeyRecords).toFixed(2)}% of ${identical.records - identical.workKeyRecords}`);
  const paths = Object.entries(identical.differingPaths).sort((a, b) => b[1] - a[1]);
  if (paths.length > 0) out.push(`  differing fields: ${paths.map(([path, count]) => `${path} ${count}`).join(', ')}`);
  out.push(`scrapes with wrong authors: ${report.wrongAuthors.total}, of which warned (author.split-ambiguous): ${report.wrongAuthors.warned}`);
  out.push(`scrapes with an author.split-ambiguous warning: ${report.ambiguityWarnings}, of which on right author lists (noise): ${report.ambiguityWarnings - report.wrongAuthors.warned}`);
  out.push('', formatKinds(report));
  out.push(`seed ${report.seed}, ${report.count} records, profile ${report.profile}, ${report.seconds.toFixed(1)} s`);
  return out.join('\n');
}

/**
 * The per-kind table: for every kind of record (name kinds, single-word names, repeated
 * names, collective names, roles, multi-word types, datestamps, pages, missing
 * abbreviations, bad DOIs, copyright lines), how many of its scrapes were right.
 */
export function formatKinds(report: AccuracyReport): string {
  const pct = (right: number, total: number): string => (total === 0 ? '-' : `${share(right, total).toFixed(2)}%`);
  const header = ['kind (records)', 'authors, work keys', 'authors, no work keys', 'authors, Solr JSON', 'types', 'dates', 'identifiers', 'scrape == JSON'];
  const rows = Object.entries(report.kinds).sort((a, b) => a[0].localeCompare(b[0])).map(([kind, tally]) => [
    `${kind} (${tally.records})`,
    pct(tally.authorsWorkKeys, tally.withWorkKeys), pct(tally.authorsNoWorkKeys, tally.records - tally.withWorkKeys), pct(tally.authorsJson, tally.records),
    pct(tally.types, tally.records), pct(tally.dates, tally.records), pct(tally.identifiers, tally.records), pct(tally.identical, tally.records),
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  return ['per kind (scrapes unless named; authors = persons, collective names and roles all right)', line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
