import type { ReadLimits } from '../read/types.js';
import { CrossRecordChecks } from './cross-record.js';
import { processRecord, type ProcessedRecord, type ProcessOptions } from './process.js';
import { readRecords } from './records.js';

export interface RunOptions extends ProcessOptions {
  inputs: readonly string[];
  from?: string | undefined;
  limits?: Partial<ReadLimits> | undefined;
  signal?: AbortSignal | undefined;
}

/** read -> validate -> normalize over all inputs, with the run-wide checks (duplicate ids). */
export async function* processRecords(options: RunOptions): AsyncGenerator<ProcessedRecord> {
  const crossRecord = new CrossRecordChecks();
  for await (const raw of readRecords(options.inputs, { from: options.from, limits: options.limits })) {
    yield processRecord(raw, options, crossRecord.check(raw));
    if (options.signal?.aborted) return;
  }
}
