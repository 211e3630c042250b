import { temporaryDirectory } from './helpers/temp.js';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { expandInputs, openInput, UsageError } from '../src/sources/inputs.js';
import { rawRecords } from './helpers/raw-records.js';
import { inputFixture } from './helpers/read-input.js';

let directory: string;

beforeEach(async () => {
  directory = temporaryDirectory('bibpipe-inputs-');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function collect(records: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

/** `count` Solr JSON lines with ids `<prefix>-000`... */
function ndjson(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, index) => JSON.stringify({ id: `${prefix}-${String(index).padStart(3, '0')}`, title: `T ${index}` })).join('\n') + '\n';
}

describe('inputs: glob patterns', () => {
  it('expands a pattern to the matching files in path order', async () => {
    await mkdir(join(directory, 'dumps'));
    for (const name of ['b.json.gz', 'a.json.gz', 'c.json', 'notes.md']) await writeFile(join(directory, 'dumps', name), 'x');
    const files = await expandInputs([join(directory, 'dumps', '*.json.gz')]);
    expect(files.map((file) => relative(directory, file))).toEqual([join('dumps', 'a.json.gz'), join('dumps', 'b.json.gz')]);
    const braces = await expandInputs([join(directory, 'dumps', '{c.json,a.json.gz}')]);
    expect(braces.map((file) => relative(directory, file))).toEqual([join('dumps', 'a.json.gz'), join('dumps', 'c.json')]);
  });

  it('takes an existing path literally even when it looks like a pattern', async () => {
    const literal = join(directory, 'odd[1].json');
    await writeFile(literal, '{}');
    expect(await expandInputs([literal])).toEqual([literal]);
  });

  it('fails the run with a usage error when a pattern matches nothing', async () => {
    await expect(expandInputs([join(directory, '*.xml')])).rejects.toBeInstanceOf(UsageError);
  });

  it('passes stdin and live Solr sources through untouched', async () => {
    expect(await expandInputs(['-', 'solr+https://solr.example.org/solr/biblio'])).toEqual(['-', 'solr+https://solr.example.org/solr/biblio']);
  });
});

describe('inputs: compression is detected from the bytes, not the name', () => {
  it('reads a gzip file whose name says .json', async () => {
    const path = join(directory, 'records.json');
    await writeFile(path, gzipSync(ndjson('gz', 3)));
    const input = await openInput(path, undefined);
    expect(input.compression).toBe('gzip');
    expect(input.reader?.name).toBe('solr-json');
    expect((await collect(rawRecords([path]))).map((record) => record.fields.id)).toEqual(['gz-000', 'gz-001', 'gz-002']);
  });

  it('reads a zlib (deflate) stream and a plain file named .gz', async () => {
    const deflated = join(directory, 'records.xml.z');
    await writeFile(deflated, deflateSync(inputFixture('a solr select response with three records.xml')));
    const plain = join(directory, 'not-really.json.gz');
    await writeFile(plain, ndjson('plain', 2));
    expect((await openInput(deflated, undefined)).compression).toBe('deflate');
    expect((await openInput(plain, undefined)).compression).toBe('none');
    const records = await collect(rawRecords([deflated, plain]));
    expect(records.map((record) => [record.format, record.fields.id])).toEqual([
      ['solr-xml', 'oai:repo.example.org:2231'],
      ['solr-xml', 'oai:repo.example.org:2232'],
      ['solr-xml', 'oai:repo.example.org:2240'],
      ['solr-json', 'plain-000'],
      ['solr-json', 'plain-001'],
    ]);
  });

  it('does not take text starting with "x}" for a zlib stream (the header checksum fits, but it would need a preset dictionary)', async () => {
    const path = join(directory, 'text.csv');
    await writeFile(path, 'x}y\n');
    expect((await openInput(path, undefined)).compression).toBe('none');
  });

  it('turns a corrupt gzip file into one rejected record and goes on with the next input', async () => {
    const broken = join(directory, 'broken.json.gz');
    await writeFile(broken, gzipSync(ndjson('lost', 50)).subarray(0, 40));
    const good = join(directory, 'good.json');
    await writeFile(good, ndjson('good', 1));
    const records = await collect(rawRecords([broken, good]));
    expect(records.at(-1)!.fields.id).toBe('good-000');
    expect(records.slice(0, -1).some((record) => record.issues.some((issue) => issue.code === 'read.malformed' && issue.source?.file === broken))).toBe(true);
  });
});

describe('inputs: mixed formats and order', () => {
  async function writeMixedInputs(): Promise<string[]> {
    const files = [
      ['1-response.xml', inputFixture('a solr select response with three records.xml')],
      ['2-export.csv.gz', gzipSync(inputFixture('a solr csv export with multi-valued fields.csv'))],
      ['3-big.ndjson', Buffer.from(ndjson('big', 400))],
      ['4-update.xml', inputFixture('an update document with two records.xml')],
      ['5-small.ndjson.gz', gzipSync(ndjson('small', 5))],
    ] as const;
    for (const [name, bytes] of files) await writeFile(join(directory, name), bytes);
    return files.map(([name]) => join(directory, name));
  }

  it('reads XML, CSV and JSON (plain and gzip) in one run, records in input order', async () => {
    await writeMixedInputs();
    const records = await collect(rawRecords([directory]));
    expect(records.every((record) => record.issues.every((issue) => issue.severity !== 'error'))).toBe(true);
    const formats = records.map((record) => record.format).filter((format, index, all) => format !== all[index - 1]);
    expect(formats).toEqual(['solr-xml', 'solr-csv', 'solr-json', 'solr-xml', 'solr-json']);
    expect(records).toHaveLength(3 + 3 + 400 + 2 + 5);
    expect(records.at(-1)!.fields.id).toBe('small-004');
  });

  it('gives the same records in the same order however many files are open at once', async () => {
    const files = await writeMixedInputs();
    const oneAtATime = await collect(rawRecords(files, { openFiles: 1 }));
    for (const openFiles of [2, 5, 16]) {
      expect(await collect(rawRecords(files, { openFiles }))).toEqual(oneAtATime);
    }
    // Files given in another order come out in that order.
    const reversed = await collect(rawRecords([...files].reverse(), { openFiles: 4 }));
    expect(reversed[0]!.fields.id).toBe('small-000');
  });

  it('stops cleanly when the consumer stops early, with files still being read ahead', async () => {
    const files = await writeMixedInputs();
    const taken: RawRecord[] = [];
    for await (const record of rawRecords(files, { openFiles: 5 })) {
      taken.push(record);
      if (taken.length === 4) break;
    }
    expect(taken.map((record) => record.format)).toEqual(['solr-xml', 'solr-xml', 'solr-xml', 'solr-csv']);
  });

  it('fails the run with a usage error for an unknown --from', async () => {
    const files = await writeMixedInputs();
    await expect(collect(rawRecords(files, { from: 'marc21' }))).rejects.toThrow(/Unknown input format "marc21"/);
  });
});
