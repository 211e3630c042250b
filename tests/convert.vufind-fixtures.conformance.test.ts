import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory, type CliResult } from './helpers/cli.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { checkJsonLd, parseCsvStrict } from './helpers/validators.js';

/** VuFind's own Solr test fixtures: real MARC-derived books and articles, none with a PMID. */
const FIXTURES = ['search.json', 'search-title.json', 'search-author.json', 'testbug1.json', 'testbug2.json', 'single-record', 'multi-record', 'morelikethis'];
const DOCS = 40 + 5 + 2 + 1 + 1 + 1 + 3 + 5;
/** search-title.json and search-author.json repeat 7 of search.json's documents (same ids). */
const REPEATED = 7;
const CONVERTED = DOCS - REPEATED;

describeWithShared('convert: the real VuFind Solr fixtures', () => {
  const outDir = temporaryDirectory();
  let run: CliResult;
  const read = (name: string): string => readFileSync(join(outDir, name), 'utf8');

  beforeAll(async () => {
    const inputs = FIXTURES.map((name) => sharedPath('data/vufind/fixtures', name));
    run = await runBibpipe(['convert', ...inputs, '--to', 'medline,jsonld,csv,ndjson', '--out-dir', outDir]);
  });

  it('every record converts but the repeated ids; MEDLINE skips each one with a reason and writes no invalid empty file', () => {
    const summary = JSON.parse(read('summary.json'));
    expect(summary.read).toBe(DOCS);
    expect(summary.converted).toBe(CONVERTED);
    expect(summary.rejected).toBe(REPEATED);
    expect(summary.issues['id.duplicate']).toBe(REPEATED);
    expect(summary.written).toMatchObject({ jsonld: CONVERTED, csv: CONVERTED, ndjson: CONVERTED, medline: 0 });
    expect(summary.skipped).toMatchObject({ medline: CONVERTED });
    expect(summary.issues['medline.no-pmid']).toBe(CONVERTED);
    expect(existsSync(join(outDir, 'medline.xml'))).toBe(false);
    const skipped = read('skipped.ndjson').trim().split('\n').map((line) => JSON.parse(line));
    expect(skipped).toHaveLength(CONVERTED);
    expect(skipped[0]).toMatchObject({ format: 'medline', code: 'medline.no-pmid' });
    const rejects = read('rejects.ndjson').trim().split('\n').map((line) => JSON.parse(line));
    expect(rejects.map((r) => r.issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { code: string }) => i.code))).toEqual(Array(REPEATED).fill(['id.duplicate']));
    expect(run.code).toBe(1);
  });

  it('the JSON-LD expands with only schema.org terms', async () => {
    const docs = JSON.parse(read('records.jsonld'));
    expect(docs).toHaveLength(CONVERTED);
    expect(await checkJsonLd(docs)).toEqual([]);
  });

  it('the CSV parses strictly: a header and one row per record, all the same width', () => {
    const rows = parseCsvStrict(read('records.csv'));
    expect(rows).toHaveLength(CONVERTED + 1);
    const width = rows[0]?.length;
    expect(rows.every((row) => row.length === width)).toBe(true);
  });

  it('the NDJSON has one model record per document, typed by their format, with ISBNs validated', () => {
    const records = read('records.ndjson').trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(CONVERTED);
    const expectedType: Record<string, string> = { Book: 'book', 'Book Chapter': 'chapter', Journal: 'journal' };
    for (const record of records) expect(record.type, record.id).toBe(expectedType[record.formats[0]]);
    for (const record of records) for (const isbn of record.identifiers.isbn) expect(isbn).toMatch(/^97[89]\d{10}$/);
  });
});
