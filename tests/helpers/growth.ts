import { expect } from 'vitest';

/** CPU time (user + system) of one call, in ms: less sensitive than wall time to a busy machine. */
async function cpuMs(work: () => unknown): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The best of `runs` CPU times of `work(size)`. */
async function bestOf(work: (size: number) => unknown, size: number, runs: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) best = Math.min(best, await cpuMs(() => work(size)));
  return best;
}

/**
 * Asserts that `work` grows linearly with its input, not faster: no wall-clock threshold
 * (a loaded machine slows both sizes alike), only the ratio of the CPU times at `large` and
 * `small`. Linear work gives about large/small (8 by default); a quadratic path gives its
 * square (64), well past the bound of three times the size ratio.
 */
export async function expectLinearGrowth(label: string, work: (size: number) => unknown, options: { small?: number; large?: number; runs?: number } = {}): Promise<number> {
  const small = options.small ?? 128 * 1024;
  const large = options.large ?? 1024 * 1024;
  const runs = options.runs ?? 2;
  const sizeRatio = large / small;
  // The best of at least three small runs, and a floor: a few milliseconds are mostly timer and GC noise.
  const smallMs = Math.max(await bestOf(work, small, Math.max(runs, 3)), 20);
  const largeMs = await bestOf(work, large, runs);
  const ratio = largeMs / smallMs;
  expect(ratio, `${label}: ${largeMs.toFixed(1)} ms at ${large} vs ${smallMs.toFixed(1)} ms at ${small} (ratio ${ratio.toFixed(1)}, linear ~${sizeRatio})`).toBeLessThan(sizeRatio * 3);
  return largeMs;
}
