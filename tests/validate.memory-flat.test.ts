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
 * heap held at 20,000 records against 5,000, five findings a record: 100,000 findings, the
 * most a report lists, against 25,000), never as a number of bytes or seconds, with the
 * garbage collected before each reading and the largest reading of the run taken. With the
 * findings kept in memory the heap held grew with them.
 */

async function writeRecords(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let index = 0; index < count; index++) {
    // Five findings each (four DOIs without a "/", a date without a year): findings grow with the records.
    const line = `{"id":"rec-${index}","title":"A title of record ${index}","format":["Article"],"doi_str_mv":["10.a${index}","10.b${index}","10.c${index}","10.d${index}"],"publishDate":["someday"]}\n`;
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
  expect(result.summary.issues['doi.invalid']).toBe(4 * result.summary.read);
  collectGarbage();
  return Math.max(largest, process.memoryUsage().heapUsed);
}

describe('validate: memory flat in the number of findings', () => {
  it('holds about the same heap at 20,000 records (100,000 findings) as at 5,000 (best of two, garbage collected first)', async () => {
    const dir = temporaryDirectory('bibpipe-validate-memory-');
    const small = join(dir, 'small.ndjson');
    const large = join(dir, 'large.ndjson');
    await writeRecords(small, 5_000);
    await writeRecords(large, 20_000);
    // Warm-up: the modules and the first compilations are not a cost of the records.
    await heapHeld(small, dir, 1_000);
    const smallHeap = Math.min(await heapHeld(small, dir, 1_000), await heapHeld(small, dir, 1_000));
    const largeHeap = Math.min(await heapHeld(large, dir, 1_000), await heapHeld(large, dir, 1_000));
    const ratio = largeHeap / smallHeap;
    // 20,000 fingerprints of the run-wide checks (~48 bytes each, docs/performance.md) are about a MB.
    expect(ratio, `heap held ${(largeHeap / 1e6).toFixed(1)} MB at 20,000 records vs ${(smallHeap / 1e6).toFixed(1)} MB at 5,000`).toBeLessThan(1.25);
  }, 600_000);
});
