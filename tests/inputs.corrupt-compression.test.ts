import { temporaryDirectory } from './helpers/temp.js';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { CompressedInputError, decompressed } from '../src/sources/decompress.js';
import { emptyInputMessage, openInput } from '../src/sources/inputs.js';
import { rawRecords } from './helpers/raw-records.js';
import { PROJECT_ROOT } from './helpers/shared.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { readRecords } from '../src/read/chunked.js';

/**
 * Compressed inputs cut off by a failed download, damaged on disk, or built to explode:
 * the records before the fault are read, the fault becomes one rejected record that says
 * what happened and where, and the run goes on with the next input.
 */

const SHARED_SEARCH = join(PROJECT_ROOT, '../shared/data/vufind/fixtures/search.json');
let directory: string;
beforeEach(async () => {
  directory = temporaryDirectory('bibpipe-compression-');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function collect(records: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

/** Real VuFind documents (the shared search fixture) as NDJSON, repeated with fresh ids to be long enough. */
async function realNdjson(copies: number): Promise<string> {
  const docs = (JSON.parse(await readFile(SHARED_SEARCH, 'utf8')) as { response: { docs: Array<Record<string, unknown>> } }).response.docs;
  const lines: string[] = [];
  for (let copy = 0; copy < copies; copy++) for (const doc of docs) lines.push(JSON.stringify({ ...doc, id: `${String(doc.id)}-${copy}` }));
  return `${lines.join('\n')}\n`;
}

/** A file read as Node reads it: in chunks, so that the compressed bytes consumed grow as it expands. */
async function* chunked(bytes: Buffer, size = 16 * 1024): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const rejectMessages = (records: RawRecord[]): string[] => records.filter((record) => record.issues.some((issue) => issue.severity === 'error' && issue.code.startsWith('read.'))).map((record) => record.issues[0]!.message);

describe.skipIf(!existsSync(SHARED_SEARCH))('corrupt compressed inputs', () => {
  const cases: Array<[string, (bytes: Buffer) => Buffer, RegExp]> = [
    ['a gzip cut off mid-stream', (text) => { const gz = gzipSync(text); return gz.subarray(0, Math.floor(gz.length * 0.6)); }, /the gzip data ends early \(truncated\) after \d+ decompressed bytes, by compressed byte \d+/],
    ['a zlib stream cut off', (text) => { const z = deflateSync(text); return z.subarray(0, Math.floor(z.length * 0.6)); }, /the zlib data ends early \(truncated\)/],
    ['a gzip with a damaged block', (text) => { const gz = Buffer.from(gzipSync(text)); for (let i = 0; i < 64; i++) gz[Math.floor(gz.length * 0.5) + i]! ^= 0x5a; return gz; }, /(corrupt gzip data|gzip data ends early)/],
    ['a brotli cut off', (text) => { const br = brotliCompressSync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } }); return br.subarray(0, Math.floor(br.length * 0.6)); }, /the brotli data ends early \(truncated\)/],
  ];
  for (const [name, damage, expected] of cases) {
    it(`${name}: the records before the fault are read, one reject names it, the next input is read`, async () => {
      const text = Buffer.from(await realNdjson(40));
      const extension = name.includes('brotli') ? 'br' : name.includes('zlib') ? 'zz' : 'gz';
      const broken = join(directory, `broken.ndjson.${extension}`);
      const next = join(directory, 'next.ndjson');
      await writeFile(broken, damage(text));
      await writeFile(next, `${JSON.stringify({ id: 'after-the-broken-file', title: 'Still read' })}\n`);
      const records = await collect(rawRecords([broken, next]));
      const messages = rejectMessages(records);
      expect(messages.length).toBeGreaterThanOrEqual(1);
      expect(messages[messages.length - 1]).toMatch(expected);
      expect(messages[messages.length - 1]).toContain(broken);
      const good = records.filter((record) => record.issues.length === 0 && record.fields.id !== 'after-the-broken-file');
      expect(good.length).toBeGreaterThan(0);
      expect(records[records.length - 1]!.fields.id).toBe('after-the-broken-file');
    });
  }
});

describe('decompression bombs', () => {
  it('a gzip of zeros stops once it expands past the ratio cap, long before its full size', async () => {
    const zeros = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    let produced = 0;
    const run = async (): Promise<void> => {
      for await (const chunk of decompressed(chunked(zeros), 'gzip', { maxCompressionRatio: 200, ratioCheckAfterBytes: 1024 * 1024 })) produced += chunk.byteLength;
    };
    const failure = await run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CompressedInputError);
    expect((failure as CompressedInputError).kind).toBe('bomb');
    expect((failure as CompressedInputError).message).toMatch(/gzip data expands more than 200 times .*decompression bomb/);
    // The cap times the compressed bytes read so far (a few 16 KiB chunks are read ahead): far below 64 MiB.
    expect(produced).toBeLessThan(8 * 1024 * 1024);
  });

  it('a brotli bomb (ratios in the millions) is refused the same way', async () => {
    const zeros = brotliCompressSync(Buffer.alloc(32 * 1024 * 1024), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } });
    expect(zeros.length).toBeLessThan(16 * 1024);
    let produced = 0;
    const failure = await (async () => {
      for await (const chunk of decompressed(chunked(zeros), 'brotli', { maxCompressionRatio: 200, ratioCheckAfterBytes: 1024 * 1024 })) produced += chunk.byteLength;
    })().catch((error: unknown) => error);
    expect((failure as CompressedInputError).kind).toBe('bomb');
    expect(produced).toBeLessThan(4 * 1024 * 1024);
  });

  it('openInput applies the cap: a bomb read as staff-view ends with one reject naming it', async () => {
    const bomb = join(directory, 'zeros.txt.gz');
    const compressed = gzipSync(Buffer.alloc(32 * 1024 * 1024));
    await writeFile(bomb, compressed);
    const input = await openInput(bomb, 'staff-view', { decompression: { maxCompressionRatio: 200, ratioCheckAfterBytes: 256 * 1024 } });
    let bytes = 0;
    const failure = await (async () => {
      for await (const chunk of input.bytes) bytes += chunk.byteLength;
    })().catch((error: unknown) => error);
    expect((failure as CompressedInputError).kind).toBe('bomb');
    // At most the cap times what was read (the file is read in 64 KiB chunks), far below 32 MiB.
    expect(bytes).toBeLessThanOrEqual(Math.max(256 * 1024, compressed.length * 200) + 64 * 1024);
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('a stream of ordinary records is never taken for a bomb', async () => {
    const text = Buffer.from(await realNdjson(100));
    let produced = 0;
    for await (const chunk of decompressed(chunked(gzipSync(text)), 'gzip', { maxCompressionRatio: 200, ratioCheckAfterBytes: 64 * 1024 })) produced += chunk.byteLength;
    expect(produced).toBe(text.length);
  });
});

describe('empty inputs', () => {
  it('openInput says an input is empty, compressed or not, with --from or detected', async () => {
    const empty = join(directory, 'empty.ndjson');
    const emptyGz = join(directory, 'empty.ndjson.gz');
    const blank = join(directory, 'blank.ndjson');
    await writeFile(empty, '');
    await writeFile(emptyGz, gzipSync(Buffer.alloc(0)));
    await writeFile(blank, '\n');
    expect((await openInput(empty, undefined)).empty).toBe(true);
    expect((await openInput(empty, 'solr-json')).empty).toBe(true);
    expect((await openInput(emptyGz, undefined)).empty).toBe(true);
    expect((await openInput(blank, undefined)).empty).toBe(false);
    expect(emptyInputMessage(empty)).toBe(`${empty}: empty input (0 bytes): no records`);
  });
});

describe('Solr CSV over hostile bytes', () => {
  it('a gzip bomb read as solr-csv ends with one bomb reject instead of hanging', async () => {
    const bomb = join(directory, 'zeros.csv.gz');
    await writeFile(bomb, gzipSync(Buffer.alloc(128 * 1024 * 1024), { level: 1 }));
    const records = await collect(rawRecords([bomb], { from: 'solr-csv' }));
    expect(records).toHaveLength(1);
    // The header row check comes first: a MiB without a line end.
    expect(records[0]!.issues[0]!.message).toMatch(/The header row \(line 1\) has no line end in its first 1048576 bytes/);
  }, 60_000);

  it('after a record over the size limit the rest of the input is not read', async () => {
    let pulled = 0;
    async function* input(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('id,title\na,A\nb,');
      for (let chunk = 0; chunk < 1000; chunk++) {
        pulled += 64 * 1024;
        yield Buffer.alloc(64 * 1024, 0x78);
      }
    }
    const { solrCsvReader } = await import('../src/read/solr-csv.js');
    const records: RawRecord[] = [];
    for await (const record of readRecords(solrCsvReader, input(), { file: 'x.csv', limits: { ...DEFAULT_READ_LIMITS, maxRecordBytes: 1024 * 1024 } })) records.push(record);
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['a', 'read.limit-exceeded']);
    expect(pulled).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('a cut-off compressed input keeps every whole record before the cut', () => {
  it('NDJSON and Solr XML: as many records as whole ones in the bytes that could be decompressed', async () => {
    const { gunzipSync, constants } = await import('node:zlib');
    // Small enough that the whole cut-off part is one pending chunk: none of it may be lost with the fault.
    const docs = Array.from({ length: 800 }, (_, index) => ({ id: `cut-${index}`, title: `Record ${index} ${'x'.repeat(index % 97)}`, format: ['Book'] }));
    const ndjson = Buffer.from(`${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`);
    const xml = Buffer.from(`<?xml version="1.0"?>\n<response>\n<result name="response" numFound="${docs.length}" start="0">\n${docs.map((doc) => `<doc><str name="id">${doc.id}</str><str name="title">${doc.title}</str><arr name="format"><str>Book</str></arr></doc>`).join('\n')}\n</result>\n</response>\n`);
    for (const [extension, text, wholeRecords] of [
      ['ndjson', ndjson, (prefix: Buffer) => prefix.toString().split('\n').length - 1],
      ['xml', xml, (prefix: Buffer) => prefix.toString().split('</doc>').length - 1],
    ] as const) {
      const gz = gzipSync(text);
      const cut = gz.subarray(0, Math.floor(gz.length * 0.5));
      const prefix = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH });
      const file = join(directory, `cut.${extension}.gz`);
      await writeFile(file, cut);
      const records = await collect(rawRecords([file]));
      const good = records.filter((record) => record.issues.length === 0);
      // Every whole record decompressed before the cut, give or take the last decompressed block.
      expect(good.length).toBeGreaterThan(wholeRecords(prefix) - 5);
      expect(good.length).toBeLessThanOrEqual(wholeRecords(prefix));
      expect(rejectMessages(records)).toHaveLength(1);
      expect(records.at(-1)!.source.byteOffset).toBeTypeOf('number');
    }
  });
});
