import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scalingCases, throughputCases, type BenchCase, type CaseContext } from './perf/cases.js';
import { writeInputs } from './perf/inputs.js';
import { measure, median, type Measurement } from './perf/measure.js';

/**
 * `npm run bench -- [--n 100000] [--runs 3] [--rss-scaling]`: throughput and peak memory of
 * bibpipe convert (the built CLI) against Catmandu, jq and a Node floor, on the same
 * generated records (docs/performance.md). Nothing here is part of `npm test`.
 */
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: join(tmpdir(), 'bibpipe-bench') },
    out: { type: 'string', default: 'bench/results.json' },
    only: { type: 'string' },
    'rss-scaling': { type: 'boolean', default: false },
    'scaling-n': { type: 'string', default: '10000,100000,1000000' },
    'scaling-workers': { type: 'string', default: '1,2' },
    'no-build': { type: 'boolean', default: false },
  },
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(values.n);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(runs) || runs <= 0) {
  console.error('usage: npm run bench -- [--n N] [--runs R] [--seed S] [--dir DIR] [--out FILE] [--only TEXT] [--rss-scaling [--scaling-n 10000,100000,1000000] [--scaling-workers 1,2]]');
  process.exit(2);
}

interface CaseResult {
  name: string;
  kind: BenchCase['kind'];
  command: string;
  skipped?: string;
  runs: Measurement[];
  medianSeconds?: number;
  recordsPerSecond?: number;
  peakRssMb?: number;
}

const mb = (bytes: number | undefined): number | undefined => (bytes === undefined ? undefined : Math.round((bytes / (1024 * 1024)) * 10) / 10);
const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');

function summarize(benchCase: BenchCase, measurements: Measurement[], records: number): CaseResult {
  const result: CaseResult = { name: benchCase.name, kind: benchCase.kind, command: [benchCase.command.program, ...benchCase.command.args].join(' '), runs: measurements };
  if (benchCase.skipped) return { ...result, skipped: benchCase.skipped };
  const seconds = median(measurements.map((m) => m.wallSeconds));
  const rss = measurements.map((m) => m.peakRssBytes).filter((value): value is number => value !== undefined);
  return { ...result, medianSeconds: seconds, recordsPerSecond: Math.round(records / seconds), peakRssMb: mb(rss.length > 0 ? Math.max(...rss) : undefined) };
}

/** Runs every case `runs` times, round-robin, so that a change of load touches all cases alike. */
async function runCases(cases: BenchCase[], records: number, scratch: string): Promise<CaseResult[]> {
  const measurements = cases.map((): Measurement[] => []);
  for (let run = 1; run <= runs; run++) {
    for (const [index, benchCase] of cases.entries()) {
      if (benchCase.skipped) continue;
      const measured = await measure(benchCase.command, scratch);
      measurements[index]!.push(measured);
      process.stderr.write(`  run ${run}/${runs} ${benchCase.name}: ${measured.wallSeconds.toFixed(2)} s, ${mb(measured.peakRssBytes) ?? '?'} MB\n`);
    }
  }
  return cases.map((benchCase, index) => summarize(benchCase, measurements[index]!, records));
}

function ratio(value: number | undefined, base: number | undefined): string {
  return value === undefined || base === undefined || base === 0 ? '-' : `${(value / base).toFixed(2)}x`;
}

function printTable(results: CaseResult[]): void {
  const catmandu = results.find((r) => r.kind === 'catmandu');
  const floor = results.find((r) => r.kind === 'floor');
  const rows = results.map((r) =>
    r.skipped
      ? [r.name, 'skipped', '-', '-', '-', '-', '-']
      : [r.name, String(r.recordsPerSecond), `${r.peakRssMb ?? '?'}`, ratio(r.recordsPerSecond, catmandu?.recordsPerSecond), ratio(r.recordsPerSecond, floor?.recordsPerSecond), ratio(r.peakRssMb, catmandu?.peakRssMb), ratio(r.peakRssMb, floor?.peakRssMb)],
  );
  const header = ['case', 'records/s', 'peak RSS MB', 'rate vs Catmandu', 'rate vs floor', 'RSS vs Catmandu', 'RSS vs floor'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  for (const r of results) if (r.skipped) console.log(`(${r.name}: ${r.skipped})`);
}

interface Target {
  target: string;
  met: boolean | undefined;
  detail: string;
}

function evaluateTargets(results: CaseResult[]): Target[] {
  const rate = (name: string): number | undefined => results.find((r) => r.name === name)?.recordsPerSecond;
  const catmandu = results.find((r) => r.kind === 'catmandu')?.recordsPerSecond;
  const csv1 = rate('bibpipe NDJSON -> CSV (1 worker)');
  const all1 = rate('bibpipe NDJSON -> all three (1 worker)');
  const staff = rate('bibpipe Staff View -> CSV (1 worker)');
  const csv2 = rate('bibpipe NDJSON -> CSV (2 workers)');
  const all2 = rate('bibpipe NDJSON -> all three (2 workers)');
  const check = (target: string, value: number | undefined, minimum: number | undefined, detail: string): Target => ({
    target,
    met: value === undefined || minimum === undefined ? undefined : value >= minimum,
    detail,
  });
  const maxRss = Math.max(...results.filter((r) => r.kind === 'bibpipe' && r.peakRssMb !== undefined).map((r) => r.peakRssMb!));
  return [
    check('CSV, 1 worker >= 2x Catmandu CSV', csv1, catmandu === undefined ? undefined : 2 * catmandu, `${csv1} vs ${catmandu === undefined ? '?' : 2 * catmandu} records/s`),
    check('all three formats, 1 worker >= Catmandu CSV', all1, catmandu, `${all1} vs ${catmandu} records/s`),
    check('Staff View -> CSV, 1 worker >= 30,000 records/s', staff, 30_000, `${staff} records/s`),
    check('CSV, 2 workers >= 1.8x 1 worker', csv2, csv1 === undefined ? undefined : 1.8 * csv1, `${ratio(csv2, csv1)}`),
    check('all three, 2 workers >= 1.8x 1 worker', all2, all1 === undefined ? undefined : 1.8 * all1, `${ratio(all2, all1)}`),
    { target: 'peak RSS <= 150 MB (every bibpipe case)', met: Number.isFinite(maxRss) ? maxRss <= 150 : undefined, detail: `largest ${maxRss} MB` },
  ];
}

function machine(): Record<string, unknown> {
  return { cpus: availableParallelism(), cpuModel: cpus()[0]?.model, memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version, platform: `${process.platform} ${process.arch}` };
}

if (!values['no-build']) {
  process.stderr.write('building dist/ ...\n');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
const dir = values.dir;
mkdirSync(dir, { recursive: true });
const scratch = join(dir, 'scratch');
const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machine(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), seed, runs };

if (values['rss-scaling']) {
  const sizes = values['scaling-n'].split(',').map(Number);
  const workerCounts = values['scaling-workers'].split(',').map(Number);
  const rows: Array<{ n: number; case: string; peakRssMb?: number; recordsPerSecond?: number }> = [];
  for (const size of sizes) {
    process.stderr.write(`writing ${size} records into ${dir} ...\n`);
    const inputs = await writeInputs(dir, size, seed);
    const context: CaseContext = { root, inputs, scratch };
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    let cases = workerCounts.flatMap((workers) => scalingCases(context, workers));
    if (values.only) cases = cases.filter((c) => c.name.includes(values.only!));
    process.stderr.write(`load average before N=${size}: ${load()}\n`);
    for (const result of await runCases(cases, size, scratch)) rows.push({ n: size, case: result.name, peakRssMb: result.peakRssMb, recordsPerSecond: result.recordsPerSecond });
  }
  const names = [...new Set(rows.map((row) => row.case))];
  console.log(`| case | ${sizes.map((size) => `peak RSS MB at N=${size}`).join(' | ')} |`);
  console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
  for (const name of names) console.log(`| ${name} | ${sizes.map((size) => rows.find((row) => row.case === name && row.n === size)?.peakRssMb ?? '-').join(' | ')} |`);
  report.rssScaling = { sizes, rows, loadAfter: load() };
} else {
  process.stderr.write(`writing ${count} records into ${dir} ...\n`);
  const inputs = await writeInputs(dir, count, seed);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  let cases = throughputCases({ root, inputs, scratch });
  if (values.only) cases = cases.filter((c) => c.name.includes(values.only!) || c.kind !== 'bibpipe');
  const loadBefore = load();
  process.stderr.write(`load average before: ${loadBefore}\n`);
  const results = await runCases(cases, count, scratch);
  const loadAfter = load();
  console.log(`\n${count} records, median of ${runs} runs; load average before ${loadBefore}, after ${loadAfter}; ${availableParallelism()} cores\n`);
  printTable(results);
  const targets = evaluateTargets(results);
  console.log('');
  for (const target of targets) console.log(`${target.met === undefined ? '?' : target.met ? 'met    ' : 'NOT met'}  ${target.target}: ${target.detail}`);
  Object.assign(report, { n: count, loadBefore, loadAfter, results, targets });
}
rmSync(scratch, { recursive: true, force: true });
writeFileSync(resolve(values.out), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nresults written to ${values.out}`);
