import type { ProcessedRecord } from './process.js';
import { runCommand, type RunOptions } from './run.js';

/**
 * Every record of the inputs, validated and normalized with the run-wide checks, in input
 * order, as an async iterable: the engine's records for library users. Reading waits while
 * the caller has not taken a batch (bounded memory); leaving the loop early stops the run.
 */
export async function* records(options: RunOptions): AsyncGenerator<ProcessedRecord> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let handOver: ((batch: ProcessedRecord[] | undefined) => void) | undefined;
  let taken: (() => void) | undefined;
  let failure: unknown;
  let done = false;
  const next = (): Promise<ProcessedRecord[] | undefined> => new Promise((resolve) => (handOver = resolve));
  let waiting = next();
  const run = runCommand({ ...options, signal }, { collect: { records: true } }, async (batch) => {
    const wasTaken = new Promise<void>((resolve) => (taken = resolve));
    handOver?.(batch.records);
    await wasTaken;
  }).then(
    () => {
      done = true;
      handOver?.(undefined);
    },
    (error: unknown) => {
      failure = error;
      done = true;
      handOver?.(undefined);
    },
  );
  try {
    for (;;) {
      const batch = await waiting;
      if (batch === undefined) break;
      waiting = next();
      yield* batch;
      // Only a batch taken whole counts as delivered (a live source then saves its cursor).
      taken?.();
    }
    if (failure !== undefined) throw failure;
  } finally {
    if (!done) {
      stop.abort();
      taken?.();
    }
    await run;
  }
}
