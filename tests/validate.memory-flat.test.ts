import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runValidate } from '../src/cli/validate-command.js';
import type { ProgressDisplay } from '../src/cli/progress.js';
import { temporaryDirectory } from './helpers/temp.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * `bibpipe validate` keeps its findings in a temporary file, not in memory: the heap it
 * holds while it runs does not grow with the number of findings. Measured as a ratio (the
 * heap held at 80,000 records against 20,000, one finding a record), never as a number of
 * bytes or seconds, with the garbage collected before each reading and the largest reading
 * of the run taken. When the findings were kept in memory the heap grew by ~0.7 KB a
 * finding: about twice the heap at 80,000 records as at 20,000.
 */

async function writeRecords(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let index = 0; index < count; index++) {
    // One finding each (a DOI without a "/"): findings grow with the records.
    const line = `{"id":"rec-${index}","title":"A title of record ${index}","format":["Article"],"doi_str_mv":["10.x${index}"],"publishDate":["2001"]}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The largest heap (after a collection) seen every `every` records of a validate run through the CLI's command. */
async function heapHeld(input: string, reportDir: string, every: number): Promise<number> {
  let largest = 0;
  let next = every;
  const progress: ProgressDisplay = {
    update(snapshot) {
      if (snapshot.records < next) return;
      next += every;
      collectGarbage();
      largest = Math.max(largest, process.memoryUsage().heapUsed);
    },
    log() {},
    stop() {},
  };
  const stdout = new Writable({ write: (_chunk, _encoding, done) => done() });
  const { result } = await runValidate([input], { from: 'auto', workers: 1, reporter: ['json:' + join(reportDir, 'report.json'), 'text'] }, stdout, { progress });
  expect(result.summary.issues['doi.invalid']).toBe(result.summary.read);
  collectGarbage();
  return Math.max(largest, process.memoryUsage().heapUsed);
}

describe('validate: memory flat in the number of findings', () => {
  it('holds about the same heap at 80,000 records as at 20,000 (best of two, garbage collected first)', async () => {
    const dir = temporaryDirectory('bibpipe-validate-memory-');
    const small = join(dir, 'small.ndjson');
    const large = join(dir, 'large.ndjson');
    await writeRecords(small, 20_000);
    await writeRecords(large, 80_000);
    // Warm-up: the modules and the first compilations are not a cost of the records.
    await heapHeld(small, dir, 5_000);
    const smallHeap = Math.min(await heapHeld(small, dir, 5_000), await heapHeld(small, dir, 5_000));
    const largeHeap = Math.min(await heapHeld(large, dir, 5_000), await heapHeld(large, dir, 5_000));
    const ratio = largeHeap / smallHeap;
    // 80,000 fingerprints of the run-wide checks (~48 bytes each, docs/performance.md) are a few MB.
    expect(ratio, `heap held ${(largeHeap / 1e6).toFixed(1)} MB at 80,000 records vs ${(smallHeap / 1e6).toFixed(1)} MB at 20,000`).toBeLessThan(1.35);
  }, 600_000);
});
