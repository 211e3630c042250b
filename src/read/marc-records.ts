import { marcProblemIssues, unparsableIssue, type MarcProblem } from '../marc/index.js';
import type { SourcePosition } from '../model/issue.js';
import type { MarcRecord } from '../model/marc.js';
import type { RawRecord, RawValue } from '../model/raw-record.js';
import { makeIssue } from '../model/rules.js';
import { truncate } from './solr-doc.js';

/**
 * A record of a MARC file (ISO 2709, MARCXML, MARC-in-JSON) as a raw record: the MARC on
 * `marc`, and the Solr fields every record needs before the crosswalk runs, taken as
 * VuFind's SolrMarc takes them (`id = 001`, `record_format = marc`, `title = 245ab`), so
 * that a MARC file validates like a Solr dump of the same records. A record that cannot be
 * parsed has no fields and one `marc.unparsable` error with its byte offset in the file.
 */
export interface ParsedMarc {
  record: MarcRecord;
  problems: MarcProblem[];
}

/** Bytes of a record's text kept for rejects.ndjson. */
const RAW_TEXT_LIMIT = 1 << 20;

export function marcFileRecord(format: string, source: SourcePosition, rawText: string, parse: () => ParsedMarc): RawRecord {
  const site = { source, recordStart: source.byteOffset ?? 0 };
  let parsed: ParsedMarc;
  try {
    parsed = parse();
  } catch (error) {
    return { format, source, fields: {}, issues: [unparsableIssue(error, site)], rawText: truncate(rawText, RAW_TEXT_LIMIT) };
  }
  const fields = indexedFields(parsed.record);
  const recordId = typeof fields.id === 'string' ? fields.id : undefined;
  return { format, source, fields, issues: marcProblemIssues(parsed.problems, { ...site, recordId }), rawText: truncate(rawText, RAW_TEXT_LIMIT), marc: parsed.record };
}

function indexedFields(record: MarcRecord): Record<string, RawValue> {
  const fields: Record<string, RawValue> = Object.create(null) as Record<string, RawValue>;
  const controlNumber = record.fields.find((field) => field.tag === '001');
  if (controlNumber !== undefined && 'value' in controlNumber && controlNumber.value.trim() !== '') fields.id = controlNumber.value.trim();
  fields.record_format = 'marc';
  const title = record.fields.find((field) => field.tag === '245');
  if (title !== undefined && 'subfields' in title) {
    const text = title.subfields
      .filter((subfield) => subfield.code === 'a' || subfield.code === 'b')
      .map((subfield) => subfield.value.trim())
      .join(' ')
      .replace(/\s*[/:;,=.]$/, '');
    if (text !== '') fields.title = text;
  }
  return fields;
}

/** A record larger than the configured limit: rejected unread, the rest of the file goes on. */
export function oversizedMarcRecord(format: string, source: SourcePosition, length: number, limit: number, head: string): RawRecord {
  const message = `The MARC record at byte ${source.byteOffset ?? 0} is ${length} bytes long, over the record size limit of ${limit}; it was not read`;
  return { format, source, fields: {}, issues: [makeIssue('read.limit-exceeded', { message, source })], rawText: truncate(head, RAW_TEXT_LIMIT) };
}
