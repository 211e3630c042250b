import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { solrCsvReader } from '../src/read/solr-csv.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { DEFAULT_READ_LIMITS, type RecordReader } from '../src/read/types.js';
import { syntheticSolrCsv, syntheticSolrXml } from './helpers/synthetic-solr.js';
import { readRecords } from '../src/read/chunked.js';

// A full collection before each heap sample, so that the samples show what is retained.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface StreamResult {
  records: number;
  failed: number;
  bytes: number;
  /** Most heap retained (after a full GC) above the start, sampled along the way. */
  retainedGrowth: number;
  lastId: unknown;
}

async function streamThrough(reader: RecordReader, input: AsyncIterable<Uint8Array>, sampleEvery: number): Promise<StreamResult> {
  let bytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let retainedGrowth = 0;
  const result: StreamResult = { records: 0, failed: 0, bytes: 0, retainedGrowth: 0, lastId: undefined };
  for await (const record of readRecords(reader, counted(), { file: 'synthetic', limits: DEFAULT_READ_LIMITS })) {
    result.records++;
    result.lastId = record.fields.id;
    if (record.issues.length > 0) result.failed++;
    if (result.records % sampleEvery === 0) {
      collectGarbage();
      retainedGrowth = Math.max(retainedGrowth, process.memoryUsage().heapUsed - before);
    }
  }
  return { ...result, bytes, retainedGrowth };
}

describe('streaming readers run in bounded memory', () => {
  it('solr-xml reads a 30 MB response while retaining a few MB at most', async () => {
    const result = await streamThrough(solrXmlReader, syntheticSolrXml(100_000), 20_000);
    expect(result).toMatchObject({ records: 100_000, failed: 0, lastId: 'syn-000099999' });
    expect(result.bytes).toBeGreaterThan(30_000_000);
    // Holding the input would retain at least its size; streaming retains one chunk's worth.
    expect(result.retainedGrowth).toBeLessThan(8_000_000);
  });

  it('solr-csv reads a 30 MB export while retaining a few MB at most', async () => {
    const result = await streamThrough(solrCsvReader, syntheticSolrCsv(200_000), 40_000);
    expect(result).toMatchObject({ records: 200_000, failed: 0, lastId: 'syn-000199999' });
    expect(result.bytes).toBeGreaterThan(29_000_000);
    expect(result.retainedGrowth).toBeLessThan(8_000_000);
  });
});
