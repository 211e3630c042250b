import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawRecord } from '../../src/model/raw-record.js';
import { DEFAULT_READ_LIMITS, type ReadLimits, type RecordReader } from '../../src/read/types.js';
import { PROJECT_ROOT } from './shared.js';
import { readRecords } from '../../src/read/chunked.js';

export function inputFixture(name: string): Buffer {
  return readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'inputs', name));
}

/** The bytes as a stream of chunks of one size (1 byte finds every boundary bug). */
export async function* chunked(bytes: Uint8Array | string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

export async function readAll(
  reader: RecordReader,
  bytes: Uint8Array | string,
  options: { file?: string; chunkSize?: number; limits?: Partial<ReadLimits> } = {},
): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  const context = { file: options.file ?? 'input', limits: { ...DEFAULT_READ_LIMITS, ...options.limits } };
  for await (const record of readRecords(reader, chunked(bytes, options.chunkSize), context)) records.push(record);
  return records;
}
