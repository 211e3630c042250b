import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { shiftOrdinals } from '../src/read/chunked.js';
import { readStreamed, solrJsonReader } from '../src/read/solr-json.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';

/**
 * A Solr JSON select response (the most common VuFind dump) is cut at the documents array's
 * element boundaries on the main thread and its documents are parsed on workers. The
 * token-by-token streamed reader, which read every response before, is the oracle: the
 * records (fields, exact numbers, issues, lines, byte offsets, ordinals) must be the same
 * for any documents, layout, BOM and batch size.
 */

const context = { file: 'select.json', limits: DEFAULT_READ_LIMITS };

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function streamed(bytes: Buffer): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readStreamed(pieces(bytes, 1 << 20), context, 0, 1)) records.push(record);
  return records;
}

async function inChunks(bytes: Buffer, pieceSize: number, targetBytes: number): Promise<{ records: RawRecord[]; chunks: number }> {
  const records: RawRecord[] = [];
  let chunks = 0;
  for await (const batch of solrJsonReader.split(pieces(bytes, pieceSize), context, targetBytes)) {
    if (batch.kind === 'chunk') chunks++;
    const parsed = batch.kind === 'records' ? batch.records : solrJsonReader.parseChunk(structuredClone(batch.chunk), context);
    shiftOrdinals(parsed, records.length);
    records.push(...parsed);
  }
  return { records, chunks };
}

const text = fc.string({ maxLength: 10, unit: fc.constantFrom('a', 'é', '漢', '"', '\\', ',', '[', ']', '{', '}', '\n', ' ', '😀') });
const scalar = fc.oneof(text, fc.constantFrom(1785071094303031300n, 12, -3.5, 1.0e5, 0, true, null).map((value) => (typeof value === 'bigint' ? { raw: value.toString() } : value)));
const doc = fc.record(
  { id: fc.stringMatching(/^[a-z0-9-]{1,8}$/), title: text, author: fc.array(text, { maxLength: 3 }), _version_: scalar, extra: fc.array(scalar, { maxLength: 2 }) },
  { requiredKeys: ['id'] },
);

/** JSON text with big integers written as literals (the way Solr writes `_version_`). */
function render(value: unknown, indent: number | undefined): string {
  return JSON.stringify(value, (_, item: unknown) => (item !== null && typeof item === 'object' && 'raw' in item ? `@@${(item as { raw: string }).raw}@@` : item), indent).replace(/"@@(\d+)@@"/g, '$1');
}

describe('a Solr JSON response on workers', () => {
  it('gives the records of the streamed reader, for any documents, layout and batch size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { maxLength: 12 }),
        fc.constantFrom(undefined, 1, 2),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 300 }),
        async (docs, indent, bare, bom, pieceSize, targetBytes) => {
          const value = bare ? docs : { responseHeader: { status: 0, params: { q: '*:*', 'json.nl': '[x]' } }, response: { numFound: docs.length, start: 0, docs }, facet_counts: { facet_fields: { format: ['Book', 3] } } };
          const body = Buffer.from(render(value, indent));
          const bytes = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
          const { records } = await inChunks(bytes, pieceSize, targetBytes);
          expect(records).toEqual(await streamed(bytes));
        },
      ),
      { numRuns: Number(process.env.JSON_RUNS ?? 300), seed: Number(process.env.JSON_SEED ?? 20261206) },
    );
  });

  it('cuts a large response into several chunks of whole documents', async () => {
    const docs = Array.from({ length: 300 }, (_, index) => ({ id: `d-${index}`, title: `Title, with "quotes" and ] brackets ${index}`, _version_: '1' }));
    const bytes = Buffer.from(JSON.stringify({ responseHeader: { status: 0 }, response: { numFound: 300, start: 0, docs } }, null, 1));
    const { records, chunks } = await inChunks(bytes, 8192, 4096);
    expect(chunks).toBeGreaterThan(5);
    expect(records.map((record) => record.fields.id)).toEqual(docs.map((item) => item.id));
    expect(records).toEqual(await streamed(bytes));
  });
});
