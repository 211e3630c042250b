import type { BibRecord } from '../../src/model/record.js';
import { CSV_COLUMNS } from '../../src/write/csv.js';
import { writerOptionsOf, writers } from '../../src/write/index.js';

/**
 * "The same record from its fullrecord, its Staff View scrape and its .mrc gives identical
 * outputs" (issue 21), measured on what the writers write: each record's text in every
 * output format (MEDLINE XML, JSON-LD, CSV, NDJSON, .nbib, and any added writer), compared
 * across the inputs it was read from.
 *
 * Left out, because they say where a record was read from rather than what it is (README,
 * "What a scrape can and cannot give back"): where it was read (`source`: CSV's
 * `source_file`/`source_line` columns, NDJSON's `source`), the Solr `_version_` that only a
 * Solr input has (NDJSON's `solrVersion`), and the leader's record length (00-04),
 * character coding (09) and base address (12-16), which describe the bytes as stored
 * (a `fullrecord` is SolrMarc's UTF-8 re-encoding of a MARC-8 .mrc; a scrape shows no bytes).
 */

/** CSV's default columns but the two that say where the record was read. */
const CSV_COLUMNS_ACROSS_INPUTS = CSV_COLUMNS.map((column) => column.id).filter((id) => id !== 'source_file' && id !== 'source_line');

const OPTIONS = writerOptionsOf(writers, { csvColumns: CSV_COLUMNS_ACROSS_INPUTS });

/** The leader with its storage positions (00-04, 09, 12-16) blanked. */
function leaderContent(leader: string): string {
  return `${'_'.repeat(5)}${leader.slice(5, 9)}_${leader.slice(10, 12)}${'_'.repeat(5)}${leader.slice(17)}`;
}

/** The record without what only tells which input it came from. */
export function withoutInputTraces(record: BibRecord): BibRecord {
  const { solrVersion: _version, ...rest } = record;
  const copy: BibRecord = { ...rest, source: { file: '', format: '' } };
  if (record.marc) copy.marc = { ...record.marc, leader: leaderContent(record.marc.leader) };
  return copy;
}

/** Each output format's text for one record ("not written: <rule>" where the writer does not take it). */
export function outputTexts(record: BibRecord): Record<string, string> {
  const comparable = withoutInputTraces(record);
  const texts: Record<string, string> = {};
  for (const writer of writers) {
    const refused = writer.accepts(comparable, OPTIONS);
    texts[writer.name] = refused ? `not written: ${refused.code}` : writer.open(OPTIONS).write(comparable);
  }
  return texts;
}

/** The output formats whose text differs between any two inputs (empty: identical outputs). */
export function differingOutputs(texts: ReadonlyArray<Record<string, string>>): string[] {
  const [first, ...others] = texts;
  if (!first) return [];
  return Object.keys(first).filter((name) => others.some((other) => other[name] !== first[name]));
}
