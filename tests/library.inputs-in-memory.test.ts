import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { convert, validate, type ConvertOptions } from '../src/index.js';
import { PROJECT_ROOT } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * The library reads inputs held in memory as it reads files: the text of an export, a
 * stream of its bytes (a Node Readable, any async iterable, compressed or not), Solr
 * documents as objects (an iterable or async iterable). Same detection, same readers, same
 * records: only the names in the positions differ.
 */

const NDJSON = readFileSync(join(PROJECT_ROOT, 'samples/more-records.ndjson'), 'utf8');
const STAFF_VIEW = readFileSync(join(PROJECT_ROOT, 'samples/a book with an ISBN.txt'), 'utf8');
const DOCS = NDJSON.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

async function csvOf(inputs: ConvertOptions['inputs']): Promise<string> {
  const outDir = temporaryDirectory('bibpipe-memory-');
  await convert({ inputs, to: ['csv'], outDir, workers: 1, writerOptions: { csvColumns: ['id', 'title', 'doi', 'year'] } });
  return readFileSync(join(outDir, 'records.csv'), 'utf8');
}

describe('inputs in memory', () => {
  it('text, a Readable, a gzip stream and documents give the records the files give', async () => {
    const fromFiles = await csvOf(['samples/more-records.ndjson', 'samples/a book with an ISBN.txt']);
    async function* documents(): AsyncGenerator<Record<string, unknown>> {
      for (const doc of DOCS) yield doc;
    }
    expect(await csvOf([{ text: NDJSON }, { text: STAFF_VIEW }])).toBe(fromFiles);
    expect(await csvOf([{ stream: Readable.from([Buffer.from(NDJSON)]) }, { stream: Readable.from([STAFF_VIEW.slice(0, 100), STAFF_VIEW.slice(100)]) }])).toBe(fromFiles);
    expect(await csvOf([{ stream: Readable.from([gzipSync(NDJSON)]) }, 'samples/a book with an ISBN.txt'])).toBe(fromFiles);
    expect(await csvOf([{ records: documents() }, { text: STAFF_VIEW }])).toBe(fromFiles);
    expect(await csvOf([{ records: DOCS }, { text: STAFF_VIEW }])).toBe(fromFiles);
  });

  it('findings name the input in memory and the record\'s line; a broken document is rejected, the run goes on', async () => {
    const result = await validate({ inputs: [{ name: 'harvest', records: [{ id: 'a', title: 'A', format: ['Book'] }, { title: 'no id' }] }, { text: '{"id":"b","title":"B"}\n{broken\n' }], workers: 1 });
    expect(result.summary.read).toBe(4);
    expect(result.summary.read).toBe(result.summary.converted + result.summary.rejected);
    const missing = result.issues.find((issue) => issue.code === 'id.missing');
    expect(missing?.source).toMatchObject({ file: 'harvest', line: 2 });
    const broken = result.issues.find((issue) => issue.code === 'read.malformed');
    expect(broken?.source).toMatchObject({ file: 'memory:2', line: 2 });
  });
});
