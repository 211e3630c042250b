import { Readable } from 'node:stream';
import type { RawRecord } from '../../src/model/raw-record.js';
import { DEFAULT_READ_LIMITS, type ReadLimits, type RecordReader } from '../../src/read/types.js';
import { readRecords } from '../../src/read/chunked.js';

/** Runs a reader over in-memory bytes, delivered in chunks of `chunkSize` to exercise chunk boundaries. */
export async function readAll(
  reader: RecordReader,
  input: string | Buffer,
  options: { chunkSize?: number; file?: string; limits?: Partial<ReadLimits> } = {},
): Promise<RawRecord[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const size = options.chunkSize ?? 65536;
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const records: RawRecord[] = [];
  const context = { file: options.file ?? 'test-input', limits: { ...DEFAULT_READ_LIMITS, ...options.limits } };
  for await (const record of readRecords(reader, Readable.from(chunks), context)) records.push(record);
  return records;
}
