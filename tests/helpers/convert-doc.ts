import { Readable } from 'node:stream';
import type { Issue } from '../../src/model/issue.js';
import type { RawRecord } from '../../src/model/raw-record.js';
import type { BibRecord } from '../../src/model/record.js';
import { processRecord } from '../../src/pipeline/process.js';
import { solrJsonReader } from '../../src/read/solr-json.js';
import { staffViewReader } from '../../src/read/staff-view/reader.js';
import { DEFAULT_READ_LIMITS, type RecordReader } from '../../src/read/types.js';
import { renderStaffView, type StaffViewOptions } from '../../bench/corpus/render.js';
import type { CorpusRecord } from '../../bench/corpus/records.js';
import { readRecords } from '../../src/read/chunked.js';

/** A Solr document as a test writes it: field -> value or values. */
export type SolrDoc = Record<string, string | string[]>;

export interface Converted {
  record: BibRecord | undefined;
  issues: Issue[];
}

async function convertText(reader: RecordReader, text: string, file: string): Promise<Converted> {
  const raws: RawRecord[] = [];
  for await (const raw of readRecords(reader, Readable.from([Buffer.from(text, 'utf8')]), { file, limits: DEFAULT_READ_LIMITS })) raws.push(raw);
  if (raws.length !== 1) throw new Error(`${file}: expected one record, read ${raws.length}`);
  const processed = processRecord(raws[0] as RawRecord);
  return { record: processed.record, issues: processed.issues };
}

/** The document as one line of Solr JSON, through reader -> validate -> normalize. */
export function fromSolrJson(doc: SolrDoc): Promise<Converted> {
  return convertText(solrJsonReader, `${JSON.stringify(doc)}\n`, 'doc.ndjson');
}

/**
 * The same document as its VuFind record page scraped to text (the generator's renderer:
 * core table with lost author links, flattened staff table), through the Staff View reader.
 */
export function fromScrape(doc: SolrDoc, layout: StaffViewOptions = { sorted: true, withCoreTable: true }): Promise<Converted> {
  const corpus = { doc, locale: 'en', hasWorkKeys: doc.work_keys_str_mv !== undefined } as unknown as CorpusRecord;
  return convertText(staffViewReader, renderStaffView(corpus, layout), 'page.txt');
}

/** VuFind's work keys for a PubMed-harvest record: one `AT author title` per author (Latin script). */
export function workKeysFor(authors: readonly string[], title: string): string[] {
  const key = (text: string): string => text.normalize('NFD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').normalize('NFKC');
  return [...new Set(authors.map((author) => `AT ${key(author)} ${key(title)}`))];
}

export const codesOf = (issues: readonly Issue[]): string[] => issues.map((issue) => issue.code);
