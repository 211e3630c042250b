import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isControlField, type MarcRecord } from '../../src/model/marc.js';
import { loadCorpus } from '../../tests/helpers/marc-corpus.js';
import { iso2709 } from '../../tests/helpers/marc-serialize.js';
import { convertCase, type BenchCase, type CaseContext } from './cases.js';
import { onPath } from './measure.js';

/**
 * The MARC speed case: a `.mrc` file of real records (tests/fixtures/marc/dev, repeated to N
 * with distinct 001s) converted to CSV by bibpipe on one worker and by Catmandu::MARC
 * (`catmandu convert MARC to CSV` with `marc_map` fixes for the same columns), in the same
 * run so that their CPU times compare under the same load.
 */

/** ISO 2709 caps lengths at 99,999 bytes; Catmandu's ISO reader trusts them, so larger records stay out of the speed input. */
const ISO_LIMIT = 99_999;

function withControlNumber(record: MarcRecord, id: string): MarcRecord {
  const fields = record.fields.filter((field) => field.tag !== '001');
  // SolrMarc's output is UTF-8 (leader/09 a): what both tools read here.
  return { leader: `${record.leader.slice(0, 9)}a${record.leader.slice(10)}`, fields: [{ tag: '001', value: id }, ...fields] };
}

/** `count` records cycled from the dev corpus, each with its own 001. */
export function writeMarcBenchInput(directory: string, count: number): string {
  const records = loadCorpus('dev').map((entry) => entry.record)
    .filter((record) => iso2709(record).length <= ISO_LIMIT && record.fields.some((field) => field.tag === '245' && !isControlField(field)));
  const path = join(directory, 'records.mrc');
  const parts: Uint8Array[] = [];
  for (let index = 0; index < count; index += 1) parts.push(iso2709(withControlNumber(records[index % records.length] as MarcRecord, `bench-${index + 1}`)));
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/**
 * The columns of bibpipe's default CSV that a MARC record fills, as `marc_map` fixes: id,
 * title, authors, corporate authors, ISBN, ISSN, OCLC, LCCN, year, languages, publisher,
 * place, edition, series, URLs, subjects. Repeated values are joined with `|` as bibpipe
 * joins its cells.
 */
const MARC_FIX = `marc_map(001,id)
marc_map(245ab,title,join:' ')
marc_map(100abcdq,authors.$append,join:' ')
marc_map(700abcdq,authors.$append,join:' ')
marc_map(110ab,corporate_authors.$append,join:' ')
marc_map(710ab,corporate_authors.$append,join:' ')
marc_map(020a,isbn.$append)
marc_map(022a,issn.$append)
marc_map(035a,oclc.$append)
marc_map(010a,lccn)
marc_map(008/7-10,year)
marc_map(008/35-37,languages.$append)
marc_map(041a,languages.$append)
marc_map(260b,publisher)
marc_map(264b,publisher)
marc_map(260a,place_of_publication)
marc_map(264a,place_of_publication)
marc_map(250a,edition)
marc_map(490a,series.$append)
marc_map(830a,series.$append)
marc_map(856u,urls.$append)
marc_map(6**avxyz,subjects.$append,join:' -- ')
${['authors', 'corporate_authors', 'isbn', 'issn', 'oclc', 'languages', 'series', 'urls', 'subjects'].map((field) => `join_field(${field},'|')`).join('\n')}
`;
const MARC_COLUMNS = 'id,title,authors,corporate_authors,isbn,issn,oclc,lccn,year,languages,publisher,place_of_publication,edition,series,urls,subjects';

export function marcCases(context: CaseContext, input: string): BenchCase[] {
  const fix = join(context.scratch, 'marc-columns.fix');
  writeFileSync(fix, MARC_FIX);
  return [
    convertCase(context, 'marc-csv-1', '.mrc -> CSV', input, 'csv', 1),
    {
      key: 'catmandu-marc',
      name: 'Catmandu::MARC .mrc -> CSV (marc_map)',
      kind: 'catmandu',
      workers: 1,
      command: { program: 'catmandu', args: ['convert', 'MARC', '--type', 'ISO', 'to', 'CSV', '--fields', MARC_COLUMNS, '--fix', fix], stdinFile: input, stdoutFile: join(context.scratch, 'catmandu-marc.csv') },
      skipped: onPath('catmandu') ? undefined : 'catmandu is not installed (Debian: apt-get install libcatmandu-marc-perl)',
    },
  ];
}
