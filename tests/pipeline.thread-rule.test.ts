import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTO_MIN_BYTES, workersFor } from '../src/pipeline/thread-rule.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * `--workers auto` (the CLI's default) starts worker threads only where they pay off:
 * never for a small input, never on two cores (the main thread's share plus one worker is
 * the calling thread's work with a second isolate's cost), and the cores but one for a
 * large input on more cores. The old default started one worker per core for any input.
 */
describe('--workers auto', () => {
  const directory = temporaryDirectory();
  const small = join(directory, 'small.ndjson');
  writeFileSync(small, '{"id":"a"}\n');
  const large = join(directory, 'large.ndjson');
  writeFileSync(large, '');
  truncateSync(large, AUTO_MIN_BYTES + 1);
  const compressed = join(directory, 'large.ndjson.gz');
  writeFileSync(compressed, '');
  truncateSync(compressed, Math.ceil(AUTO_MIN_BYTES / 4));

  it('runs a small input on the calling thread, whatever the cores', async () => {
    for (const cores of [1, 2, 4, 16]) expect(await workersFor('auto', [small], cores)).toBe(1);
  });

  it('runs a large input on the calling thread on two cores, and on the cores but one beyond', async () => {
    expect(await workersFor('auto', [large], 1)).toBe(1);
    expect(await workersFor('auto', [large], 2)).toBe(1);
    expect(await workersFor('auto', [large], 4)).toBe(3);
    expect(await workersFor('auto', [small, large], 8)).toBe(7);
  });

  it('counts a compressed file at its expanded size, and an input of unknown size as small', async () => {
    expect(await workersFor('auto', [compressed], 4)).toBe(3);
    expect(await workersFor('auto', ['-'], 4)).toBe(1);
    expect(await workersFor('auto', ['solr+http://127.0.0.1:8983/solr/biblio', large], 4)).toBe(1);
  });

  it('keeps a number as given, and the library default of one thread', async () => {
    expect(await workersFor(3, [small], 2)).toBe(3);
    expect(await workersFor(undefined, [large], 16)).toBe(1);
  });
});
