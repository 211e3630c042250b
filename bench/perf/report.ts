import type { BenchCase } from './cases.js';
import { median, type Measurement } from './measure.js';

/** One case's runs and what the table shows of them. */
export interface CaseResult {
  key: string;
  name: string;
  kind: BenchCase['kind'];
  workers: number;
  command: string;
  skipped?: string;
  note?: string;
  runs: Measurement[];
  medianWallSeconds?: number;
  medianCpuSeconds?: number;
  recordsPerSecond?: number;
  /** Largest peak RSS over the runs. */
  peakRssMb?: number;
}

export interface Target {
  target: string;
  met: boolean | undefined;
  detail: string;
}

export const mb = (bytes: number | undefined): number | undefined => (bytes === undefined ? undefined : Math.round((bytes / (1024 * 1024)) * 10) / 10);

export function summarize(benchCase: BenchCase, measurements: Measurement[], records: number): CaseResult {
  const result: CaseResult = {
    key: benchCase.key,
    name: benchCase.name,
    kind: benchCase.kind,
    workers: benchCase.workers,
    command: [benchCase.command.program, ...benchCase.command.args].join(' ')
      + (benchCase.command.stdinFile ? ` < ${benchCase.command.stdinFile}` : '')
      + (benchCase.command.stdoutFile ? ` > ${benchCase.command.stdoutFile}` : ''),
    runs: measurements,
  };
  if (benchCase.note) result.note = benchCase.note;
  if (benchCase.skipped) return { ...result, skipped: benchCase.skipped };
  const wall = median(measurements.map((m) => m.wallSeconds));
  const cpu = measurements.map((m) => m.cpuSeconds).filter((value): value is number => value !== undefined);
  const rss = measurements.map((m) => m.peakRssBytes).filter((value): value is number => value !== undefined);
  return {
    ...result,
    medianWallSeconds: wall,
    medianCpuSeconds: cpu.length > 0 ? median(cpu) : undefined,
    recordsPerSecond: Math.round(records / wall),
    peakRssMb: mb(rss.length > 0 ? Math.max(...rss) : undefined),
  };
}

export function ratio(value: number | undefined, base: number | undefined): string {
  return value === undefined || base === undefined || base === 0 ? '-' : `${(value / base).toFixed(2)}x`;
}

const byKey = (results: readonly CaseResult[], key: string): CaseResult | undefined => results.find((r) => r.key === key && !r.skipped);
const fixed = (value: number | undefined, digits: number): string => (value === undefined ? '-' : value.toFixed(digits));

/** The 1-worker twin of a bibpipe case (`csv-2` -> `csv-1`). */
function oneWorkerTwin(results: readonly CaseResult[], result: CaseResult): CaseResult | undefined {
  return result.kind === 'bibpipe' && result.workers > 1 ? byKey(results, result.key.replace(/-\d+$/u, '-1')) : undefined;
}

function countsText(result: CaseResult): string {
  const counts = result.runs.at(-1)?.counts;
  return counts ? `${counts.read} / ${counts.converted} / ${counts.rejected}` : '-';
}

/**
 * Wall-time rates decide the targets. On a shared machine the CPU time (user+sys, all threads)
 * is shown beside them: it moves far less with the load than wall time does.
 */
export function printTable(results: readonly CaseResult[], records: number): void {
  const catmandu = byKey(results, 'catmandu');
  const header = ['case', 'records/s', 'wall s', 'CPU s (user+sys)', 'CPU/wall', 'peak RSS MB', 'rate vs Catmandu', 'CPU per record vs Catmandu', 'rate vs own 1 worker', 'read / converted / rejected'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of results) {
    if (r.kind === 'startup') continue;
    const cells = r.skipped
      ? [r.name, 'skipped', '-', '-', '-', '-', '-', '-', '-', '-']
      : [r.name, String(r.recordsPerSecond), fixed(r.medianWallSeconds, 2), fixed(r.medianCpuSeconds, 2),
          r.medianCpuSeconds === undefined || r.medianWallSeconds === undefined ? '-' : (r.medianCpuSeconds / r.medianWallSeconds).toFixed(2),
          String(r.peakRssMb ?? '?'), ratio(r.recordsPerSecond, catmandu?.recordsPerSecond), ratio(r.medianCpuSeconds, catmandu?.medianCpuSeconds), ratio(r.recordsPerSecond, oneWorkerTwin(results, r)?.recordsPerSecond), countsText(r)];
    console.log(`| ${cells.join(' | ')} |`);
  }
  printStartup(results);
  const rate = (key: string): number | undefined => byKey(results, key)?.recordsPerSecond;
  console.log(`validate vs convert --to csv: 1 worker ${ratio(rate('validate-ndjson-1'), rate('csv-1'))}, 2 workers ${ratio(rate('validate-ndjson-2'), rate('csv-2'))}`);
  console.log(`Solr XML -> CSV vs NDJSON -> CSV (1 worker): ${ratio(rate('xml-1'), rate('csv-1'))}; Staff View -> CSV vs NDJSON -> CSV: ${ratio(rate('staff-1'), rate('csv-1'))}`);
  const marc = byKey(results, 'marc-csv-1');
  const catmanduMarc = byKey(results, 'catmandu-marc');
  // The MARC pair compares with Catmandu::MARC, not with the JSON Catmandu of the column above.
  if (marc && catmanduMarc) console.log(`.mrc -> CSV (1 worker) vs Catmandu::MARC: rate ${ratio(marc.recordsPerSecond, catmanduMarc.recordsPerSecond)}; CPU time, Catmandu::MARC / bibpipe: ${ratio(catmanduMarc.medianCpuSeconds, marc.medianCpuSeconds)}`);
  for (const r of results) if (r.skipped) console.log(`(${r.name}: skipped, ${r.skipped})`);
  for (const r of results) {
    const read = r.runs.find((run) => run.counts !== undefined && run.counts.read !== records)?.counts?.read;
    if (r.kind === 'bibpipe' && read !== undefined) console.log(`WARNING: ${r.name} read ${read} of ${records} records`);
  }
  for (const r of results) if (r.note) console.log(`(${r.name}: ${r.note})`);
}

/** Start-up: whole-process CPU time against `node -e 0` measured in the same interleaved runs. */
function printStartup(results: readonly CaseResult[]): void {
  const node = byKey(results, 'node-e-0');
  const startups = results.filter((r) => r.kind === 'startup' && !r.skipped);
  if (startups.length === 0) return;
  console.log('\n| start-up | CPU s (user+sys) | CPU vs node -e 0 | wall s | peak RSS MB |\n|---|---:|---:|---:|---:|');
  for (const r of startups) console.log(`| ${r.name} | ${fixed(r.medianCpuSeconds, 3)} | ${ratio(r.medianCpuSeconds, node?.medianCpuSeconds)} | ${fixed(r.medianWallSeconds, 3)} | ${r.peakRssMb ?? '?'} |`);
}

/** The targets, on one run's figures (undefined: a case did not run). */
export function evaluateTargets(results: readonly CaseResult[]): Target[] {
  const rate = (key: string): number | undefined => byKey(results, key)?.recordsPerSecond;
  const catmandu = rate('catmandu');
  const atLeast = (target: string, value: number | undefined, base: number | undefined, factor: number): Target => ({
    target,
    met: value === undefined || base === undefined ? undefined : value >= factor * base,
    detail: `${ratio(value, base)} (${value ?? '?'} vs ${base ?? '?'} records/s)`,
  });
  const cpu = (key: string): number | undefined => byKey(results, key)?.medianCpuSeconds;
  const cpuAtMost = (target: string, key: string, factor: number): Target => {
    const value = cpu(key);
    const node = cpu('node-e-0');
    return { target, met: value === undefined || node === undefined ? undefined : value <= factor * node, detail: `${ratio(value, node)} (${fixed(value, 3)} vs ${fixed(node, 3)} s CPU)` };
  };
  const rssOf = (key: string, limit: number, target: string): Target => {
    const peak = byKey(results, key)?.peakRssMb;
    return { target, met: peak === undefined ? undefined : peak <= limit, detail: `${peak ?? '?'} MB` };
  };
  // Issue 18's table; the default run and a worker count are compared on the same input and run.
  return [
    atLeast('NDJSON -> CSV, 1 worker >= 0.5x Catmandu', rate('csv-1'), catmandu, 0.5),
    atLeast('NDJSON -> CSV, default run never slower than --workers 1', rate('csv-auto'), rate('csv-1'), 1.0),
    atLeast('NDJSON -> MEDLINE+JSON-LD+CSV, 1 worker >= 0.33x Catmandu', rate('all-1'), catmandu, 0.33),
    atLeast('Staff View -> CSV, 1 worker >= 0.3x Catmandu', rate('staff-1'), catmandu, 0.3),
    atLeast('Solr XML -> CSV >= 0.8x NDJSON -> CSV (1 worker)', rate('xml-1'), rate('csv-1'), 0.8),
    atLeast('Solr JSON select response -> CSV (on workers) >= 0.9x NDJSON -> CSV (1 worker)', rate('response-1'), rate('csv-1'), 0.9),
    cpuAtMost('bibpipe --version <= 2x node -e 0 CPU', 'version', 2),
    cpuAtMost('convert of a 1-record file, default run <= 3x node -e 0 CPU', 'startup', 3),
    rssOf('startup', 60, 'convert of a 1-record file, default run <= 60 MB peak RSS'),
    rssOf('validate-ndjson-1', 150, 'validate NDJSON, 1 worker, peak RSS <= 150 MB (issue 18 measured it at 20k records)'),
    atLeast('.mrc -> CSV, 1 worker >= 1.5x Catmandu::MARC (issue 21)', rate('marc-csv-1'), rate('catmandu-marc'), 1.5),
  ];
}

export function printTargets(targets: readonly Target[]): void {
  for (const target of targets) console.log(`${target.met === undefined ? '?      ' : target.met ? 'met    ' : 'NOT met'}  ${target.target}: ${target.detail}`);
}
