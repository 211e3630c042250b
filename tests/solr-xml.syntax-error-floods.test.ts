import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { expectLinearGrowth } from './helpers/growth.js';

/**
 * Bytes that are never XML (a flood of NUL bytes between documents, or /dev/zero read as
 * Solr XML): the reader stops feeding the parser at the first syntax error, so the work is
 * linear in the input, and memory stays bounded however long the flood.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const doc = (id: string): string => `<doc><str name="id">${id}</str><str name="title">T ${id}</str></doc>`;

function flooded(nulBytes: number): Buffer {
  return Buffer.concat([Buffer.from(`<response><result name="response">${doc('a')}${doc('b')}`), Buffer.alloc(nulBytes), Buffer.from(`${doc('c')}</result></response>`)]);
}

async function* chunksOf(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Through split + parseChunk, as the engine reads (the chunk parsed on any thread). */
async function readSplit(input: AsyncIterable<Uint8Array>, onRecord: (record: RawRecord) => void = () => undefined, limits = DEFAULT_READ_LIMITS): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  const context = { file: 'flood.xml', limits };
  for await (const batch of solrXmlReader.split!(input, context, 256 * 1024)) {
    const found = batch.kind === 'records' ? batch.records : solrXmlReader.parseChunk!(batch.chunk, context);
    for (const record of found) {
      records.push(record);
      onRecord(record);
    }
  }
  return records;
}

describe('Solr XML: a flood of bytes that are not XML', () => {
  it('reads the documents before a NUL flood and reports it, in time linear in the flood', async () => {
    const records = await readSplit(chunksOf(flooded(512 * 1024)));
    expect(records.filter((record) => record.issues.length === 0).map((record) => record.fields.id)).toEqual(expect.arrayContaining(['a', 'b']));
    expect(records.some((record) => record.issues.some((issue) => issue.code === 'read.malformed' && /syntax error/.test(issue.message)))).toBe(true);
    await expectLinearGrowth('split over a NUL flood', (size) => readSplit(chunksOf(flooded(size))), { small: 256 * 1024, large: 2 * 1024 * 1024 });
  }, 120_000);

  it('reads /dev/zero as Solr XML in bounded memory: an endless flood is never held (growth ratio)', async () => {
    // The bound is a part and one document of the record size limit (1 MiB here; 64 MiB by default).
    const limits = { ...DEFAULT_READ_LIMITS, maxRecordBytes: 1024 * 1024 };
    const zeros = Buffer.alloc(1024 * 1024);
    /** Most memory retained while `megabytes` MB of zeros are read. */
    const peakOver = async (megabytes: number): Promise<number> => {
      collectGarbage();
      const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      let peak = 0;
      async function* devZero(): AsyncGenerator<Uint8Array> {
        for (let pulled = 0; pulled < megabytes; pulled++) {
          if (pulled % 8 === 0) {
            collectGarbage();
            peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - before);
          }
          yield zeros;
        }
      }
      const records = await readSplit(devZero(), undefined, limits);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((record) => record.issues.length > 0)).toBe(true);
      // A floor of a few record-size limits: below it, a reading is the test runner's own
      // garbage, not the reader's. Holding the flood (24 MB, then 96 MB) stays far above it.
      return Math.max(peak, 8 * limits.maxRecordBytes);
    };
    // The lesser peak of two runs each: a reader that holds the flood holds it every time, while
    // one run's transient spike (an input chunk queued at the moment of sampling) is not holding.
    const small = Math.min(await peakOver(24), await peakOver(24));
    const large = Math.min(await peakOver(96), await peakOver(96));
    // Holding the flood grows with it (4x the input, 4x the memory); a bounded reader keeps a few parts either way.
    expect(large / small, `${(large / 1e6).toFixed(1)} MB over 96 MB vs ${(small / 1e6).toFixed(1)} MB over 24 MB`).toBeLessThan(2);
  }, 120_000);
});
