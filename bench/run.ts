import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scalingCases, throughputCases, type BenchCase, type CaseContext } from './perf/cases.js';
import { compareOutputs, printComparisons } from './perf/compare-outputs.js';
import { writeInputs, type BenchInputs } from './perf/inputs.js';
import { marcCases, writeMarcBenchInput } from './perf/marc.js';
import { measure, readCounts, type Measurement } from './perf/measure.js';
import { evaluateTargets, mb, printTable, printTargets, ratio, summarize, type CaseResult, type Target } from './perf/report.js';
import { compareCsvHeads } from './perf/same-columns.js';

/**
 * `npm run bench -- [--n 100000] [--runs 3]`: throughput, CPU time and peak memory of bibpipe
 * (the built CLI) against Catmandu, jq and two Node floors, on the same generated export
 * (docs/performance.md). `--rss-scaling`: peak RSS for growing N. `--compare-outputs OLD_CLI`:
 * are an older build's outputs byte-identical to this one's. Nothing here is part of `npm test`.
 */
const USAGE = 'usage: npm run bench -- [--n N] [--runs R] [--seed S] [--dir DIR] [--out FILE] [--only TEXT] [--no-build]\n'
  + '         [--rss-scaling [--scaling-n 10000,100000,1000000] [--scaling-workers 1,2]]\n'
  + '         [--compare-outputs OLD/dist/cli/main.js]';
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: join(tmpdir(), 'bibpipe-bench') },
    out: { type: 'string' },
    only: { type: 'string' },
    'rss-scaling': { type: 'boolean', default: false },
    'scaling-n': { type: 'string', default: '10000,100000,1000000' },
    'scaling-workers': { type: 'string', default: '1,2' },
    'compare-outputs': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(values.n);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
  console.error(USAGE);
  process.exit(2);
}
const oldCli = values['compare-outputs'] === undefined ? undefined : resolve(values['compare-outputs']);
if (oldCli !== undefined && !existsSync(oldCli)) {
  console.error(`--compare-outputs: ${oldCli} does not exist (give the path of another checkout's dist/cli/main.js)`);
  process.exit(2);
}

const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');

/** Runs every case `runs` times, round-robin (A B C A B C), so that a change of load touches all cases alike. */
async function runCases(cases: readonly BenchCase[], records: number, scratch: string): Promise<CaseResult[]> {
  const measurements = cases.map((): Measurement[] => []);
  for (let run = 1; run <= runs; run++) {
    for (const [index, benchCase] of cases.entries()) {
      if (benchCase.skipped) continue;
      const measured = await measure(benchCase.command, scratch);
      if (benchCase.outDir) measured.counts = readCounts(benchCase.outDir);
      measurements[index]!.push(measured);
      process.stderr.write(`  run ${run}/${runs} ${benchCase.name}: ${measured.wallSeconds.toFixed(2)} s wall, ${measured.cpuSeconds?.toFixed(2) ?? '?'} s CPU, ${mb(measured.peakRssBytes) ?? '?'} MB, load ${measured.loadBefore.toFixed(2)}\n`);
    }
  }
  return cases.map((benchCase, index) => summarize(benchCase, measurements[index]!, records));
}

/** The commit measured (and whether the work tree had changes), so that a figure can be traced to its code. */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function machine(): Record<string, unknown> {
  return { cpus: availableParallelism(), cpuModel: cpus()[0]?.model, memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version, platform: `${process.platform} ${process.arch}` };
}

/** The first line of the NDJSON, alone in a file: the input of the startup-cost case. */
function writeOneRecord(inputs: BenchInputs, directory: string): string {
  const path = join(directory, 'one-record.ndjson');
  const fd = openSync(inputs.ndjson, 'r');
  const head = Buffer.alloc(1 << 20);
  const read = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.toString('utf8', 0, read);
  writeFileSync(path, `${text.slice(0, text.indexOf('\n'))}\n`);
  return path;
}

async function throughput(dir: string, scratch: string, report: Record<string, unknown>): Promise<void> {
  process.stderr.write(`writing ${count} records into ${dir} ...\n`);
  const inputs = await writeInputs(dir, { count, seed, shapes: ['ndjson', 'response', 'xml', 'staffView'], repeatIds: true });
  const mrc = writeMarcBenchInput(dir, count);
  let cases = [...throughputCases({ root, inputs, scratch }, writeOneRecord(inputs, dir)), ...marcCases({ root, inputs, scratch }, mrc)];
  if (values.only) cases = cases.filter((c) => c.name.includes(values.only!) || c.kind !== 'bibpipe');
  const loadBefore = load();
  process.stderr.write(`load average before: ${loadBefore}\n`);
  const results = await runCases(cases, count, scratch);
  const loadAfter = load();
  console.log(`\n${count} records (${inputs.ndjson}), median of ${runs} interleaved runs; load average (1, 5, 15 min) before ${loadBefore}, after ${loadAfter}; ${availableParallelism()} cores\n`);
  printTable(results, count);
  const picked = cases.filter((c) => c.pickedCsv && !c.skipped).map((c) => ({ name: c.name, path: c.pickedCsv! }));
  const columnProblems = compareCsvHeads(picked);
  console.log(columnProblems.length === 0
    ? `same columns: ${picked.map((p) => p.name).join(', ')} wrote the same cells (first 2,000 rows compared)`
    : `COLUMNS DIFFER:\n  ${columnProblems.join('\n  ')}`);
  const targets: Target[] = [...evaluateTargets(results), { target: 'peak RSS growth 10k -> 1M records <= 30%', met: undefined, detail: 'measured by --rss-scaling, not in this run' }];
  console.log('');
  printTargets(targets);
  Object.assign(report, { n: count, inputs: { ...inputs, mrc }, loadBefore, loadAfter, sameColumns: columnProblems, results, targets });
}

async function rssScaling(dir: string, scratch: string, report: Record<string, unknown>): Promise<void> {
  const sizes = values['scaling-n'].split(',').map(Number);
  const workerCounts = values['scaling-workers'].split(',').map(Number);
  const rows: Array<{ n: number; key: string; name: string; workers: number; peakRssMb?: number; recordsPerSecond?: number; runs: Measurement[] }> = [];
  for (const size of sizes) {
    process.stderr.write(`writing ${size} records (distinct ids) into ${dir} ...\n`);
    const inputs = await writeInputs(dir, { count: size, seed, shapes: ['ndjson'], repeatIds: false });
    const context: CaseContext = { root, inputs, scratch };
    process.stderr.write(`load average before N=${size}: ${load()}\n`);
    for (const result of await runCases(scalingCases(context, workerCounts), size, scratch)) {
      rows.push({ n: size, key: result.key, name: result.name, workers: result.workers, peakRssMb: result.peakRssMb, recordsPerSecond: result.recordsPerSecond, runs: result.runs });
    }
  }
  const [first, last] = [sizes[0]!, sizes[sizes.length - 1]!];
  console.log(`\npeak RSS (largest of ${runs} runs), records with distinct ids; load average after ${load()}\n`);
  console.log(`| case | ${sizes.map((size) => `MB at N=${size}`).join(' | ')} | growth ${first} -> ${last} |`);
  console.log(`|---|${sizes.map(() => '---:').join('|')}|---:|`);
  const targets: Target[] = [];
  // One row per case (convert and validate at each worker count), in the order they ran.
  for (const key of [...new Set(rows.map((row) => row.key))]) {
    const of = (size: number): number | undefined => rows.find((row) => row.key === key && row.n === size)?.peakRssMb;
    const { name, workers } = rows.find((row) => row.key === key)!;
    const growth = of(first) === undefined || of(last) === undefined ? undefined : of(last)! / of(first)! - 1;
    console.log(`| ${name} | ${sizes.map((size) => of(size) ?? '-').join(' | ')} | ${growth === undefined ? '-' : `${(growth * 100).toFixed(0)}% (${ratio(of(last), of(first))})`} |`);
    targets.push({ target: `peak RSS growth ${first} -> ${last} <= 30% (${name})`, met: growth === undefined ? undefined : growth <= 0.3, detail: growth === undefined ? 'not measured' : `${(growth * 100).toFixed(1)}%` });
    // Issue 18: validate of 20,000 records within 150 MB; issue 13: convert within 120 MB (1 worker), 220 MB (2).
    const limit = key.startsWith('scaling-validate') ? (workers === 1 ? 150 : undefined) : workers === 1 ? 120 : workers === 2 ? 220 : undefined;
    const largest = Math.max(...sizes.map((size) => of(size) ?? 0));
    if (limit !== undefined) targets.push({ target: `peak RSS <= ${limit} MB at every N (${name})`, met: largest > 0 ? largest <= limit : undefined, detail: `largest ${largest} MB` });
  }
  console.log('');
  printTargets(targets);
  Object.assign(report, { rssScaling: { sizes, workerCounts, rows, loadAfter: load() }, targets });
}

async function compare(dir: string, scratch: string, report: Record<string, unknown>): Promise<boolean> {
  process.stderr.write(`writing ${count} records into ${dir} ...\n`);
  const inputs = await writeInputs(dir, { count, seed, shapes: ['ndjson', 'response', 'xml', 'staffView'], repeatIds: true });
  const comparisons = await compareOutputs({ root, inputs, scratch }, oldCli!, [1, 2]);
  console.log(`\n${count} records; ${oldCli} (old) vs ${join(root, 'dist/cli/main.js')} (new)\n`);
  const identical = printComparisons(comparisons);
  console.log(identical ? '\nevery output byte-identical' : '\nOUTPUTS DIFFER');
  Object.assign(report, { n: count, oldCli, comparisons, identical });
  return identical;
}

if (!values['no-build']) {
  process.stderr.write('building dist/ ...\n');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
const dir = values.dir;
mkdirSync(dir, { recursive: true });
// Per process: two checkouts benching into the same --dir must not delete each other's outputs.
const scratch = join(dir, `scratch-${process.pid}`);
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const mode = oldCli !== undefined ? 'compare-outputs' : values['rss-scaling'] ? 'rss-scaling' : 'throughput';
const report: Record<string, unknown> = { mode, date: new Date().toISOString(), machine: machine(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), revision: revision(), seed, runs, loadAtStart: load() };
let exitCode = 0;
if (mode === 'compare-outputs') exitCode = (await compare(dir, scratch, report)) ? 0 : 1;
else if (mode === 'rss-scaling') await rssScaling(dir, scratch, report);
else await throughput(dir, scratch, report);
rmSync(scratch, { recursive: true, force: true });
const out = resolve(values.out ?? (mode === 'throughput' ? 'bench/results.json' : `bench/results-${mode}.json`));
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nresults written to ${out}`);
process.exitCode = exitCode;
