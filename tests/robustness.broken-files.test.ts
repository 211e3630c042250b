import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from './helpers/cli.js';
import { convertIntoDirectory, errorCodes, expectEveryRecordAccountedFor } from './helpers/run-accounting.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const BROKEN = join(PROJECT_ROOT, 'tests/fixtures/broken');
const fixture = (name: string): string => join(BROKEN, name);

interface BrokenCase {
  file: string;
  read: number;
  converted: number;
  /** Per rejected record, in order: an error code it must carry, and where it is. */
  rejected: Array<{ code: string; line?: number; byteOffset?: number; recordId?: string; field?: string }>;
}

const CASES: BrokenCase[] = [
  { file: 'a record without an id.ndjson', read: 3, converted: 2, rejected: [{ code: 'id.missing', line: 2, field: 'id' }] },
  { file: 'two records with the same id.ndjson', read: 3, converted: 2, rejected: [{ code: 'id.duplicate', line: 3, recordId: 'rec-1', field: 'id' }] },
  { file: 'a truncated last line.ndjson', read: 3, converted: 2, rejected: [{ code: 'read.malformed', line: 3 }] },
  { file: 'a line that is not JSON in the middle.ndjson', read: 3, converted: 2, rejected: [{ code: 'read.malformed', line: 2 }] },
  // `{"id":"rec-2","title":"Bad byte ` is 33 bytes; the line starts at byte 102.
  { file: 'invalid UTF-8 bytes in the second record.ndjson', read: 3, converted: 2, rejected: [{ code: 'read.invalid-utf8', line: 2, byteOffset: 134 }] },
  { file: 'a BOM and CRLF line endings.ndjson', read: 2, converted: 2, rejected: [] },
  { file: 'an empty file.ndjson', read: 0, converted: 0, rejected: [] },
  { file: 'a staff view page cut mid-table.txt', read: 2, converted: 1, rejected: [{ code: 'read.malformed', line: 20, field: 'description' }] },
  { file: 'a solr response whose docs is not an array.json', read: 1, converted: 0, rejected: [{ code: 'read.not-a-record' }] },
  { file: 'a single-valued field given as an array.ndjson', read: 2, converted: 1, rejected: [{ code: 'field.multi-valued-single', line: 2, recordId: 'rec-2', field: 'title' }] },
  // A raw NUL inside a JSON string is a syntax error; an escaped one is data, and converts.
  { file: 'NUL bytes inside a record.ndjson', read: 4, converted: 3, rejected: [{ code: 'read.malformed', line: 2 }] },
  { file: 'a PNG image.png', read: 1, converted: 0, rejected: [{ code: 'read.unsupported-input' }] },
  // Nothing is expanded: the DOCTYPE alone stops the file (byte 22 is where it starts).
  { file: 'a solr XML response with an entity expansion bomb.xml', read: 1, converted: 0, rejected: [{ code: 'read.entity-declaration', byteOffset: 22 }] },
];

describe('broken files: every record is accounted for', () => {
  for (const testCase of CASES) {
    it(testCase.file, async () => {
      const file = fixture(testCase.file);
      const run = await convertIntoDirectory([file]);
      expectEveryRecordAccountedFor(run, file);
      expect(run.summary).toMatchObject({ read: testCase.read, converted: testCase.converted, rejected: testCase.rejected.length });
      testCase.rejected.forEach((expected, index) => {
        const reject = run.rejects[index];
        expect(errorCodes(reject), JSON.stringify(reject?.issues)).toContain(expected.code);
        const issue = reject?.issues.find((candidate) => candidate.code === expected.code);
        const position = { ...reject?.source, ...issue?.source };
        if (expected.line !== undefined) expect(position.line ?? reject?.source.line).toBe(expected.line);
        if (expected.byteOffset !== undefined) expect(issue?.message).toContain(String(expected.byteOffset));
        if (expected.byteOffset !== undefined) expect(position.byteOffset).toBe(expected.byteOffset);
        if (expected.recordId !== undefined) expect(reject?.recordId).toBe(expected.recordId);
        if (expected.field !== undefined) expect(issue?.field).toBe(expected.field);
      });
    });
  }

  it('keeps the raw text of a line that is not JSON, exactly as it was', async () => {
    const file = fixture('a line that is not JSON in the middle.ndjson');
    const run = await convertIntoDirectory([file]);
    expect(run.rejects[0]?.rawText).toBe('this line is not JSON at all');
    expect(run.rejects[0]?.issues.map((issue) => issue.code)).toEqual(['read.malformed']);
  });

  it('reads a BOM and CRLF line endings as if they were not there', async () => {
    const run = await convertIntoDirectory([fixture('a BOM and CRLF line endings.ndjson')]);
    expect(run.converted.map((record) => [record.id, record.title])).toEqual([['rec-1', 'First record'], ['rec-2', 'Second record']]);
  });

  it('writes an escaped NUL into every format without breaking the XML', async () => {
    const run = await convertIntoDirectory([fixture('NUL bytes inside a record.ndjson')]);
    expect(run.summary.written.medline).toBe(1);
    const xml = readFileSync(join(run.outDir, 'medline.xml'), 'utf8');
    expect(xml).toContain('<PMID');
    expect(xml).not.toContain('\u0000');
  });

  it('several broken files in one run: the totals add up across files', async () => {
    const files = CASES.map((testCase) => fixture(testCase.file));
    const run = await convertIntoDirectory(files);
    expect(run.summary.read).toBe(CASES.reduce((sum, testCase) => sum + testCase.read, 0));
    const alone = CASES.reduce((sum, testCase) => sum + testCase.rejected.length, 0);
    expect(run.summary.read).toBe(run.summary.converted + run.summary.rejected);
    expect(run.rejects).toHaveLength(run.summary.rejected);
    // Ids such as rec-1 recur across the fixtures: in one run the later ones are duplicates.
    const duplicates = run.rejects.filter((reject) => errorCodes(reject).join() === 'id.duplicate');
    expect(run.summary.rejected).toBe(alone + duplicates.length - 1);
    expect(duplicates.length).toBeGreaterThan(1);
  });
});

describe('generated hostile records', () => {
  const article = (fields: Record<string, unknown>): string =>
    JSON.stringify({ id: 'big-1', title: 'A large record', format: ['Article'], pmid_str: '23456789', container_title: 'Journal', ...fields });

  it('a 5 MB field value converts under the default limits and is rejected under --max-field-length', async () => {
    const dir = temporaryDirectory();
    const file = join(dir, 'a record with a 5 MB abstract.ndjson');
    const abstract = 'Lorem ipsum dolor sit amet, '.repeat(190_000).slice(0, 5 * 1024 * 1024);
    writeFileSync(file, `${article({ description: abstract })}\n${article({ id: 'small-2' })}\n`);

    const roomy = await convertIntoDirectory([file]);
    expectEveryRecordAccountedFor(roomy, file);
    expect(roomy.summary).toMatchObject({ read: 2, converted: 2, rejected: 0 });
    expect(String(roomy.converted[0]?.abstract).length).toBeGreaterThan(5_000_000);

    const strict = await convertIntoDirectory([file], ['--max-field-length', '1M']);
    expectEveryRecordAccountedFor(strict, file);
    expect(strict.summary).toMatchObject({ read: 2, converted: 1, rejected: 1 });
    const issue = strict.rejects[0]?.issues.find((candidate) => candidate.code === 'read.limit-exceeded');
    expect(issue).toMatchObject({ field: 'description', recordId: 'big-1', source: { file, line: 1 } });
  });

  it('a record with 10,000 authors keeps them all, in order, and --max-values rejects it', async () => {
    const dir = temporaryDirectory();
    const file = join(dir, 'a record with ten thousand authors.ndjson');
    const authors = Array.from({ length: 10_000 }, (_, index) => `Author${index}, Given${index}`);
    writeFileSync(file, `${article({ author: authors })}\n`);

    const roomy = await convertIntoDirectory([file]);
    expectEveryRecordAccountedFor(roomy, file);
    const written = roomy.converted[0]?.authors as Array<{ family: string }>;
    expect(written).toHaveLength(10_000);
    expect(written[9_999]?.family).toBe('Author9999');
    expect(readFileSync(join(roomy.outDir, 'records.csv'), 'utf8')).toContain('Author9999, Given9999');

    const strict = await convertIntoDirectory([file], ['--max-values', '5000']);
    expectEveryRecordAccountedFor(strict, file);
    expect(strict.rejects[0]?.issues.find((issue) => issue.code === 'read.limit-exceeded')).toMatchObject({ field: 'author', recordId: 'big-1' });
  });

  it('a record over --max-record-bytes in a streamed Solr response is skipped, and the next one read', async () => {
    const dir = temporaryDirectory();
    const file = join(dir, 'a solr response with one oversized document.json');
    const docs = [JSON.parse(article({ id: 'huge', description: 'x'.repeat(50_000) })), JSON.parse(article({ id: 'fine' }))];
    // Non-ASCII before the documents, so that byte offsets and character offsets differ.
    const text = JSON.stringify({ responseHeader: { status: 0, params: { q: 'Zürich – Köln' } }, response: { numFound: 2, start: 0, docs } }, null, 2);
    writeFileSync(file, text);
    const run = await convertIntoDirectory([file], ['--max-record-bytes', '10k']);
    expectEveryRecordAccountedFor(run, file);
    expect(run.summary).toMatchObject({ read: 2, converted: 1, rejected: 1 });
    expect(run.rejects[0]?.issues[0]).toMatchObject({ code: 'read.limit-exceeded', recordId: 'huge' });
    expect(run.converted[0]?.id).toBe('fine');
    const startOf = (id: string): { line: number; byteOffset: number } => {
      const at = text.lastIndexOf('{', text.indexOf(`"id": "${id}"`));
      return { line: text.slice(0, at).split('\n').length, byteOffset: Buffer.byteLength(text.slice(0, at)) };
    };
    expect(run.rejects[0]?.source).toMatchObject(startOf('huge'));
    expect(run.converted[0]?.source).toMatchObject(startOf('fine'));
  });
});
