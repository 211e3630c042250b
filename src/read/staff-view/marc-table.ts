import type { Issue, SourcePosition } from '../../model/issue.js';
import type { MarcField, MarcRecord } from '../../model/marc.js';
import { makeIssue } from '../../model/rules.js';
import { parseMarcRow } from './marc-rows.js';

/**
 * The MARC record behind a scraped MARC Staff View: the rows of VuFind's `record-marc.xsl`
 * table, from its `LEADER` row on, in page order. What a scrape cannot give back (runs of
 * spaces outside the LEADER/006/007/008 rows, empty subfields, the directory, leader
 * lengths of the record as stored) is listed in README.md.
 */

export interface MarcTableLine {
  text: string;
  /** 1-based line in the input. */
  line: number;
}

export interface MarcTable {
  record: MarcRecord;
  issues: Issue[];
}

/** A MARC record from its table rows; a row that cannot be read is an issue naming its line and tag. */
export function readMarcTable(rows: readonly MarcTableLine[], source: SourcePosition): MarcTable {
  const issues: Issue[] = [];
  let leader = '';
  const fields: MarcField[] = [];
  for (const row of rows) {
    const parsed = parseMarcRow(row.text);
    if ('reason' in parsed) {
      issues.push(makeIssue('read.malformed', {
        message: `The MARC row of ${parsed.tag} (line ${row.line}) cannot be read: ${parsed.reason}`,
        source: { ...source, line: row.line }, field: parsed.tag, expected: 'a row of VuFind\'s MARC Staff View table',
      }));
      continue;
    }
    if (parsed.kind === 'leader') leader = parsed.value;
    else fields.push(parsed.field);
  }
  return { record: { leader, fields }, issues };
}

/** VuFind indexes `id` from 001: the id of a page that shows the MARC table only. */
export function controlNumber(record: MarcRecord): string | undefined {
  for (const field of record.fields) if (field.tag === '001' && 'value' in field && field.value !== '') return field.value;
  return undefined;
}
