import type { ReadLimits } from '../read/types.js';
import { applySeverities, hasError } from '../model/rules.js';
import { CrossRecordChecks } from './cross-record.js';
import { processRecord, type ProcessedRecord, type ProcessOptions } from './process.js';
import { readRecords } from './records.js';
import type { SolrReadOptions } from './sources.js';

export interface RunOptions extends ProcessOptions {
  inputs: readonly string[];
  from?: string | undefined;
  limits?: Partial<ReadLimits> | undefined;
  signal?: AbortSignal | undefined;
  /** How `solr+http(s)://` inputs are queried, paged, sharded and resumed. */
  solr?: SolrReadOptions | undefined;
  /** Most input files opened ahead at once (default 4); output order stays input order. */
  openFiles?: number | undefined;
  /** Run-wide checks (duplicates, fill rates); a fresh one per run by default. */
  crossRecord?: CrossRecordChecks | undefined;
}

/**
 * read -> validate -> normalize over all inputs, with the run-wide checks: duplicate ids
 * before normalization, duplicate DOIs/PMIDs after it. A duplicate raised to `error` by the
 * user's severities rejects the record like any other error.
 */
export async function* processRecords(options: RunOptions): AsyncGenerator<ProcessedRecord> {
  const crossRecord = options.crossRecord ?? new CrossRecordChecks();
  for await (const raw of readRecords(options.inputs, { from: options.from, limits: options.limits, solr: options.solr, openFiles: options.openFiles })) {
    const processed = processRecord(raw, options, crossRecord.check(raw));
    if (processed.record) {
      const duplicates = applySeverities(crossRecord.checkNormalized(processed.record), options.severities);
      if (duplicates.length > 0) {
        processed.issues.push(...duplicates);
        if (hasError(duplicates)) {
          processed.rejected = true;
          delete processed.record;
        }
      }
    }
    yield processed;
    if (options.signal?.aborted) return;
  }
}
