import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { isSolrSource } from '../sources/solr-http.js';

/**
 * How many worker threads `--workers auto` (the default) starts: threads only where they
 * pay off, measured rather than taken from the core count (docs/performance.md, "Threads").
 *
 * - Every worker is a second V8 isolate: it loads the reader, rule and writer code again and
 *   warms V8's optimizing compiler again (~1.3 s of CPU, measured on the bench machine), so
 *   an input smaller than AUTO_MIN_BYTES (about 18,000 records of a VuFind export) runs on
 *   the calling thread.
 * - The main thread keeps one core busy with reading, cutting, the run-wide checks and
 *   writing: workers get the other cores, never more. On two cores that leaves one worker,
 *   which is the calling thread's work moved to another thread plus the isolate's cost: it
 *   runs on the calling thread too.
 *
 * Inputs of unknown size (stdin, live Solr) run on the calling thread; a compressed file
 * counts AUTO_COMPRESSION_RATIO times its size.
 */
export const AUTO_MIN_BYTES = 64 * 1024 * 1024;
export const AUTO_COMPRESSION_RATIO = 5;

export type WorkerCount = number | 'auto';

async function knownSize(files: readonly string[]): Promise<number | undefined> {
  let total = 0;
  for (const file of files) {
    if (file === '-' || isSolrSource(file)) return undefined;
    try {
      const { size } = await stat(file);
      total += /\.(gz|gzip|z|zz|br)$/i.test(file) ? size * AUTO_COMPRESSION_RATIO : size;
    } catch {
      // A file that cannot be read is reported by the run itself.
    }
  }
  return total;
}

/** The worker threads for a run over `files` (expanded inputs): a number as given, or the rule's for `auto`. */
export async function workersFor(requested: WorkerCount | undefined, files: readonly string[], cores = availableParallelism()): Promise<number> {
  if (requested !== undefined && requested !== 'auto') return requested;
  if (requested === undefined) return 1;
  const size = await knownSize(files);
  if (size === undefined || size < AUTO_MIN_BYTES) return 1;
  const workers = cores - 1;
  return workers >= 2 ? workers : 1;
}
