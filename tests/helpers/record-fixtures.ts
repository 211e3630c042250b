import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BibRecordSchema, type BibRecord } from '../../src/model/record.js';
import type { RecordWriter, WriterOptions } from '../../src/write/types.js';
import { PROJECT_ROOT } from './shared.js';

/** Hand-written BibRecord fixtures (tests/fixtures/records), checked against the model schema on load. */
export const RECORD_FIXTURES = {
  seed: 'the seed article.json',
  book: 'a book with an ISBN and no PMID.json',
  awkward: 'a record with awkward characters and 40 authors.json',
  minimal: 'a minimal article without date, pages, DOI or journal abbreviation.json',
} as const;

export function loadRecord(name: keyof typeof RECORD_FIXTURES): BibRecord {
  const text = readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'records', RECORD_FIXTURES[name]), 'utf8');
  return BibRecordSchema.parse(JSON.parse(text));
}

export function loadAllRecords(): BibRecord[] {
  return (Object.keys(RECORD_FIXTURES) as (keyof typeof RECORD_FIXTURES)[]).map(loadRecord);
}

/** A whole output file as the pipeline would write it: start, each accepted record, end. */
export function render(writer: RecordWriter, records: readonly BibRecord[], options: WriterOptions = {}): string {
  const session = writer.open(options);
  let text = session.start();
  for (const record of records) if (writer.accepts(record, options) === undefined) text += session.write(record);
  return text + session.end();
}
