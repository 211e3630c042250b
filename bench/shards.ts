/**
 * The scale-out bench line (issue 12), a case of its own:
 *
 *   npx tsx bench/shards.ts [--n 100000] [--shards 4] [--seed 1]
 *
 * On one big NDJSON export of the bench corpus (bench/perf/inputs.ts), times one job
 * (`convert --workers 1`) against N shard jobs started at once (`convert --shard I/N
 * --workers 1`, as GNU parallel runs them) followed by `bibpipe merge`, in the same run,
 * and reports the ratio of wall times (target: 4 jobs <= 0.6x one job). It also checks that
 * the merged outputs are byte-identical to the single run's. Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeInputs } from './perf/inputs.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' }, shards: { type: 'string', default: '4' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.n);
const shards = Number(values.shards);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/main.js');
const scratch = join(tmpdir(), 'bibpipe-bench-shards');
const FORMATS = 'csv,jsonld,medline,ndjson';

function run(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve(code) : reject(new Error(`bibpipe ${args[0]} exited ${code}`))));
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

mkdirSync(scratch, { recursive: true });
try {
  const inputs = await writeInputs(scratch, { count, seed: Number(values.seed), shapes: ['ndjson'], repeatIds: false });
  const single = join(scratch, 'single');
  const shardDirs = Array.from({ length: shards }, (_, index) => join(scratch, `shard-${index + 1}`));
  const merged = join(scratch, 'merged');
  for (const directory of [single, merged, ...shardDirs]) rmSync(directory, { recursive: true, force: true });
  console.log(`${count} records (${inputs.ndjson}), ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}`);

  const one = await timed(() => run(['convert', inputs.ndjson, '--to', FORMATS, '--out-dir', single, '--workers', '1', '--quiet']));
  let jobs = 0;
  const sharded = await timed(async () => {
    jobs = await timed(() => Promise.all(shardDirs.map((directory, index) => run(['convert', inputs.ndjson, '--shard', `${index + 1}/${shards}`, '--to', FORMATS, '--out-dir', directory, '--workers', '1', '--quiet']))));
    await run(['merge', ...shardDirs, '--out-dir', merged, '--quiet']);
  });

  const names = readdirSync(single).sort();
  const identical = names.every((name) => readFileSync(join(single, name)).equals(readFileSync(join(merged, name))));
  console.log(`one job, --workers 1:        ${one.toFixed(1)} s`);
  console.log(`${shards} shard jobs at once:       ${jobs.toFixed(1)} s`);
  console.log(`${shards} shard jobs + merge:       ${sharded.toFixed(1)} s  = ${(sharded / one).toFixed(2)}x one job (target <= 0.60x)`);
  console.log(`merged outputs ${identical ? 'byte-identical to' : 'DIFFER from'} the single run (${names.join(', ')})`);
  if (!identical) process.exitCode = 1;
} finally {
  for (const name of ['single', 'merged', ...Array.from({ length: shards }, (_, index) => `shard-${index + 1}`)]) rmSync(join(scratch, name), { recursive: true, force: true });
}
