import { Readable } from 'node:stream';
import type { RawRecord } from '../../src/model/raw-record.js';
import { processRecord, type ProcessedRecord } from '../../src/pipeline/process.js';
import { readRecords } from '../../src/read/chunked.js';
import { solrJsonReader } from '../../src/read/solr-json.js';
import { staffViewReader } from '../../src/read/staff-view/reader.js';
import { DEFAULT_READ_LIMITS, type RecordReader } from '../../src/read/types.js';
import type { CorpusRecord } from '../corpus/records.js';
import { renderStaffView } from '../corpus/render.js';
import { indexAsVufind } from './real-pubmed-index.js';
import { loadRealRecords } from './real-pubmed-load.js';
import { nlmFields, ourFields, OUTPUTS, ROUND_TRIP_FIELDS, sameField, type Fields, type Output, type RoundTripField } from './real-pubmed-fields.js';

export { indexAsVufind } from './real-pubmed-index.js';
export { loadRealRecords } from './real-pubmed-load.js';
export { OUTPUTS, type Output, type RoundTripField } from './real-pubmed-fields.js';

/**
 * The real round trip (issues 10 and 19): every real NLM record in a folder (efetch XML,
 * MEDLINE baseline XML, MEDLINE text) is indexed the way VuFind's PubMed/PMC harvest would
 * index it (real-pubmed-index.ts), read back from its Solr JSON and from its Staff View
 * scrape (without work keys), written as MEDLINE XML, .nbib and JSON-LD, and each field
 * NLM's record holds is compared with what each output says. A record an output does not
 * write counts as a miss for every field it holds.
 */

export const INPUTS = ['solr-json', 'scrape'] as const;
export type Input = (typeof INPUTS)[number];
type Cell = `${Input} ${Output}`;

export interface RoundTripRow {
  field: RoundTripField;
  /** Records whose NLM record holds the field. */
  held: number;
  /** Of those, how many each input -> output gives exactly. */
  right: Record<Cell, number>;
}

export interface RoundTripReport {
  records: number;
  files: string[];
  rows: RoundTripRow[];
  /** Per input: records read, converted, rejected (read = converted + rejected), and not written per output. */
  accounting: Record<Input, { read: number; converted: number; rejected: number; notWritten: Record<Output, number> }>;
  /**
   * Scrapes without work keys: author lists right, and of those how many carry
   * `author.split-ambiguous` (noise); wrong lists, how many carry an `author.*` finding, and
   * the records of those that carry none (silently wrong).
   */
  scrapeAuthors: { right: number; rightWarned: number; wrong: number; wrongWarned: number; silent: string[] };
  /** Every differing field, for reading: record, input, output, field, NLM's value, ours. */
  differences: { record: string; input: Input; output: Output; field: RoundTripField; nlm: string; ours: string }[];
}

const cells = (): Record<Cell, number> => Object.fromEntries(INPUTS.flatMap((input) => OUTPUTS.map((output) => [`${input} ${output}`, 0]))) as Record<Cell, number>;

async function convert(reader: RecordReader, input: string, file: string): Promise<ProcessedRecord[]> {
  const processed: ProcessedRecord[] = [];
  for await (const raw of readRecords(reader, Readable.from([Buffer.from(input, 'utf8')]), { file, limits: DEFAULT_READ_LIMITS })) processed.push(processRecord(raw as RawRecord));
  return processed;
}

const show = (fields: Fields, field: RoundTripField): string => (field === 'authors' ? JSON.stringify(fields.authors) : fields[field]) ?? '(not written)';

export async function measureRealRoundTrip(dir: string): Promise<RoundTripReport> {
  const { records, files } = loadRealRecords(dir);
  const rows: RoundTripRow[] = ROUND_TRIP_FIELDS.map((field) => ({ field, held: 0, right: cells() }));
  const accounting = Object.fromEntries(INPUTS.map((input) => [input, { read: 0, converted: 0, rejected: 0, notWritten: { medline: 0, nbib: 0, jsonld: 0 } }])) as RoundTripReport['accounting'];
  const report: RoundTripReport = { records: records.length, files, rows, accounting, scrapeAuthors: { right: 0, rightWarned: 0, wrong: 0, wrongWarned: 0, silent: [] }, differences: [] };
  for (const nlm of records) {
    const doc = indexAsVufind(nlm);
    const page = renderStaffView({ doc, locale: 'en', hasWorkKeys: false, truth: undefined } as unknown as CorpusRecord, { sorted: true, withCoreTable: true });
    const converted: Record<Input, ProcessedRecord[]> = {
      'solr-json': await convert(solrJsonReader, `${JSON.stringify(doc)}\n`, `${nlm.file}.ndjson`),
      scrape: await convert(staffViewReader, page, `${nlm.file}.txt`),
    };
    for (const row of rows) if (nlmFields(nlm, 'medline')[row.field] !== undefined) row.held += 1;
    for (const input of INPUTS) {
      const processed = converted[input];
      const count = accounting[input];
      count.read += processed.length;
      count.rejected += processed.filter((each) => each.rejected).length;
      count.converted += processed.filter((each) => !each.rejected).length;
      const ours = ourFields(processed.length === 1 ? processed[0]?.record : undefined);
      for (const output of OUTPUTS) {
        const got = ours[output];
        if (got === undefined) count.notWritten[output] += 1;
        const want = nlmFields(nlm, output);
        for (const row of rows) {
          if (want[row.field] === undefined) continue;
          if (got !== undefined && sameField(row.field, want, got)) row.right[`${input} ${output}`] += 1;
          else report.differences.push({ record: `${nlm.file} PMID ${nlm.pmid}`, input, output, field: row.field, nlm: show(want, row.field), ours: got === undefined ? '(record not written)' : show(got, row.field) });
        }
      }
      if (input === 'scrape' && nlm.authors.length > 0) countScrapeAuthors(report, `${nlm.file} PMID ${nlm.pmid}`, ours.medline !== undefined && sameField('authors', nlmFields(nlm, 'medline'), ours.medline), processed);
    }
  }
  return report;
}

function countScrapeAuthors(report: RoundTripReport, record: string, right: boolean, processed: ProcessedRecord[]): void {
  const warned = processed.some((each) => each.issues.some((issue) => issue.code === 'author.split-ambiguous'));
  const tally = report.scrapeAuthors;
  if (right) {
    tally.right += 1;
    if (warned) tally.rightWarned += 1;
  } else {
    tally.wrong += 1;
    if (warned || processed.some((each) => each.issues.some((issue) => issue.code.startsWith('author.')))) tally.wrongWarned += 1;
    else tally.silent.push(record);
  }
}

/** Share of held fields right, over all fields, for one input and output. */
export function roundTripShare(report: RoundTripReport, input: Input, output: Output): number {
  const held = report.rows.reduce((sum, row) => sum + row.held, 0);
  const right = report.rows.reduce((sum, row) => sum + row.right[`${input} ${output}`], 0);
  return held === 0 ? 100 : (right / held) * 100;
}

export function formatRoundTrip(report: RoundTripReport): string {
  const columns = INPUTS.flatMap((input) => OUTPUTS.map((output) => [input, output] as const));
  const header = ['field (NLM record holds it)', 'held', ...columns.map(([input, output]) => `${input === 'solr-json' ? 'JSON' : 'scrape'}->${output}`)];
  const rows = report.rows.map((row) => [row.field, String(row.held), ...columns.map(([input, output]) => String(row.right[`${input} ${output}`]))]);
  const held = report.rows.reduce((sum, row) => sum + row.held, 0);
  rows.push(['all fields', String(held), ...columns.map(([input, output]) => `${roundTripShare(report, input, output).toFixed(2)}%`)]);
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  const accounting = INPUTS.map((input) => {
    const count = report.accounting[input];
    return `${input}: read ${count.read} = converted ${count.converted} + rejected ${count.rejected}; not written: MEDLINE XML ${count.notWritten.medline}, .nbib ${count.notWritten.nbib}, JSON-LD ${count.notWritten.jsonld}`;
  });
  const authors = report.scrapeAuthors;
  return [
    `real PubMed round trip: ${report.records} NLM records from ${report.files.length} files -> VuFind index -> Solr JSON / Staff View scrape -> MEDLINE XML, .nbib, JSON-LD`,
    line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line), ...accounting,
    `scrapes without work keys: ${authors.right} author lists right (${authors.rightWarned} with an author.split-ambiguous warning: noise), ${authors.wrong} wrong (${authors.wrongWarned} with an author.* finding)`,
    ...(authors.silent.length > 0 ? [`wrong without an author.* finding: ${authors.silent.join('; ')}`] : []),
  ].join('\n');
}
