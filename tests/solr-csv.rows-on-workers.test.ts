import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { readRecords, shiftOrdinals } from '../src/read/chunked.js';
import { readSolrCsv, solrCsvReader, SOLR_CSV_DEFAULTS } from '../src/read/solr-csv.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';

/**
 * Solr CSV is cut into chunks of whole rows on the main thread and parsed on workers. The
 * streamed reader (one csv-parse over the whole input, the way every CSV was read before) is
 * the oracle: for any input, with quoted line breaks, doubled quotes, blank lines, CRLF,
 * faulty quotes and invalid UTF-8, and for any batch size, the records must be the same.
 */

const context = { file: 'export.csv', limits: DEFAULT_READ_LIMITS };

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function streamed(bytes: Buffer): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readSolrCsv(pieces(bytes, 1 << 20), context, SOLR_CSV_DEFAULTS)) records.push(record);
  return records;
}

async function inChunks(bytes: Buffer, pieceSize: number, targetBytes: number): Promise<{ records: RawRecord[]; chunks: number }> {
  const records: RawRecord[] = [];
  let chunks = 0;
  for await (const batch of solrCsvReader.split(pieces(bytes, pieceSize), context, targetBytes)) {
    if (batch.kind === 'chunk') chunks++;
    const parsed = batch.kind === 'records' ? batch.records : solrCsvReader.parseChunk(structuredClone(batch.chunk), context);
    shiftOrdinals(parsed, records.length);
    records.push(...parsed);
  }
  return { records, chunks };
}

const cell = fc.oneof(
  fc.constantFrom('', 'plain', 'two words', 'Müller, Hans', 'a\\,b', '漢字', ' spaced '),
  fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '\\', 'é') }).map((text) => `"${text.replace(/"/g, '""')}"`),
);
const faultyCell = fc.constantFrom('ab"c', '"closed"x', '"never closed', 'x\u0000y');

describe('solr-csv rows on workers', () => {
  it('give the records of the streamed reader, for any rows, line ends, faults and batch size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        fc.boolean(),
        fc.option(fc.tuple(fc.nat(11), faultyCell)),
        fc.option(fc.nat(11)),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 200 }),
        async (rows, crlf, fault, badUtf8Row, pieceSize, targetBytes) => {
          const newline = crlf ? '\r\n' : '\n';
          const lines = rows.map((cells) => cells.join(','));
          if (fault !== null && lines.length > 0) lines[fault[0] % lines.length] = fault[1];
          if (lines.length > 2) lines.splice(2, 0, '');
          const parts = [Buffer.from(`id,title,author${newline}`), ...lines.map((line) => Buffer.from(`${line}${newline}`))];
          if (badUtf8Row !== null && parts.length > 1) parts[1 + (badUtf8Row % (parts.length - 1))] = Buffer.from([0x61, 0xff, 0x0a]);
          const bytes = Buffer.concat(parts);
          const { records } = await inChunks(bytes, pieceSize, targetBytes);
          expect(records).toEqual(await streamed(bytes));
        },
      ),
      { numRuns: Number(process.env.CSV_RUNS ?? 300), seed: Number(process.env.CSV_SEED ?? 20261206) },
    );
  });

  it('cut a plain export into several chunks, never inside a quoted line break', async () => {
    const rows = Array.from({ length: 200 }, (_, index) => `r-${index},"Title ${index}\nsecond line, with ""quotes""","Author ${index}"`);
    const bytes = Buffer.from(`id,title,author\n${rows.join('\n')}\n`);
    const { records, chunks } = await inChunks(bytes, 4096, 2048);
    expect(chunks).toBeGreaterThan(5);
    expect(records.map((record) => record.fields.id)).toEqual(rows.map((_, index) => `r-${index}`));
    expect(records.map((record) => record.source.line)).toEqual(rows.map((_, index) => 2 + index * 2));
    expect(records.map((record) => record.source.ordinal)).toEqual(rows.map((_, index) => index + 1));
    const whole: RawRecord[] = [];
    for await (const record of readRecords(solrCsvReader, pieces(bytes, 1 << 20), context)) whole.push(record);
    expect(records).toEqual(whole);
  });
});
