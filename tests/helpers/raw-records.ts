import type { RawRecord } from '../../src/model/raw-record.js';
import { records } from '../../src/pipeline/records.js';
import type { RunOptions } from '../../src/pipeline/run.js';

/** The raw records of a run through the engine, in input order (what readers gave, positions included). */
export async function* rawRecords(inputs: readonly string[], options: Omit<RunOptions, 'inputs'> = {}): AsyncGenerator<RawRecord> {
  for await (const record of records({ inputs, ...options })) yield record.raw;
}
