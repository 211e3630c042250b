import { marcProblemIssues, readFullrecord, unparsableIssue } from '../marc/index.js';
import type { RawRecord, RawValue } from '../model/raw-record.js';

/**
 * The MARC record behind a Solr document: its `fullrecord` decoded (MARC-in-JSON, MARCXML or
 * ISO 2709, told apart by the first character as VuFind does) and attached as
 * `RawRecord.marc`. One step for every Solr reader (NDJSON, JSON response, Solr XML, CSV,
 * live Solr): the engine runs it on each batch where the batch is parsed (a worker thread
 * when there are workers), so no reader repeats it.
 *
 * VuFind reads `fullrecord` as MARC only for `record_format` (formerly `recordtype`)
 * `marc`; other formats keep their own full record (EAD, Dublin Core...). Without either
 * field a value that decodes as MARC is taken, and one that does not is left as it is. A
 * MARC record that cannot be decoded is an error naming the id, the field and the byte
 * inside the value: the record is rejected with that reason, the run goes on.
 */
export function attachFullrecordMarc(raw: RawRecord): RawRecord {
  if (raw.marc !== undefined) return raw;
  const value = raw.fields.fullrecord;
  if (typeof value !== 'string') return raw;
  const format = firstValue(raw.fields.record_format) ?? firstValue(raw.fields.recordtype);
  const declared = format?.trim().toLowerCase();
  if (declared !== undefined && declared !== 'marc') return raw;
  const site = { source: raw.source, recordId: firstValue(raw.fields.id), field: 'fullrecord' };
  try {
    const { record, problems } = readFullrecord(value);
    raw.marc = record;
    if (problems.length > 0) raw.issues.push(...marcProblemIssues(problems, site));
  } catch (error) {
    if (declared !== undefined) raw.issues.push(unparsableIssue(error, site));
  }
  return raw;
}

function firstValue(value: RawValue | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
