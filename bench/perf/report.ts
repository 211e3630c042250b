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
  const startup = results.find((r) => r.kind === 'startup');
  if (startup && !startup.skipped) console.log(`\nBefore the first record (${startup.name}): peak RSS ${startup.peakRssMb ?? '?'} MB, wall ${fixed(startup.medianWallSeconds, 2)} s, CPU ${fixed(startup.medianCpuSeconds, 2)} s`);
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

/** The targets, on one run's figures (undefined: a case did not run). */
export function evaluateTargets(results: readonly CaseResult[]): Target[] {
  const rate = (key: string): number | undefined => byKey(results, key)?.recordsPerSecond;
  const catmandu = rate('catmandu');
  const atLeast = (target: string, value: number | undefined, base: number | undefined, factor: number): Target => ({
    target,
    met: value === undefined || base === undefined ? undefined : value >= factor * base,
    detail: `${ratio(value, base)} (${value ?? '?'} vs ${base ?? '?'} records/s)`,
  });
  const rssAtMost = (target: string, workers: number, limit: number): Target => {
    const measured = results.filter((r) => r.kind === 'bibpipe' && r.workers === workers && r.peakRssMb !== undefined);
    const largest = measured.length > 0 ? measured.reduce((a, b) => (b.peakRssMb! > a.peakRssMb! ? b : a)) : undefined;
    return { target, met: largest === undefined ? undefined : largest.peakRssMb! <= limit, detail: largest ? `largest ${largest.peakRssMb} MB (${largest.name})` : 'not measured' };
  };
  const startup = results.find((r) => r.kind === 'startup' && !r.skipped);
  return [
    atLeast('NDJSON -> CSV, 1 worker >= 1.2x Catmandu', rate('csv-1'), catmandu, 1.2),
    atLeast('NDJSON -> CSV, 2 workers >= 2.0x Catmandu', rate('csv-2'), catmandu, 2.0),
    atLeast('NDJSON -> CSV, 2 workers >= 1.7x its 1-worker rate', rate('csv-2'), rate('csv-1'), 1.7),
    atLeast('NDJSON -> MEDLINE+JSON-LD+CSV, 1 worker >= 0.6x Catmandu', rate('all-1'), catmandu, 0.6),
    atLeast('NDJSON -> MEDLINE+JSON-LD+CSV, 2 workers >= 1.0x Catmandu', rate('all-2'), catmandu, 1.0),
    atLeast('Solr XML -> CSV >= 0.7x NDJSON -> CSV (1 worker)', rate('xml-1'), rate('csv-1'), 0.7),
    atLeast('Staff View -> CSV, 1 worker >= 0.5x Catmandu', rate('staff-1'), catmandu, 0.5),
    atLeast('.mrc -> CSV, 1 worker >= 1.5x Catmandu::MARC', rate('marc-csv-1'), rate('catmandu-marc'), 1.5),
    atLeast('validate >= convert --to csv, 1 worker', rate('validate-ndjson-1'), rate('csv-1'), 1.0),
    atLeast('validate >= convert --to csv, 2 workers', rate('validate-ndjson-2'), rate('csv-2'), 1.0),
    rssAtMost('peak RSS <= 120 MB, 1 worker (every bibpipe case)', 1, 120),
    rssAtMost('peak RSS <= 220 MB, 2 workers (every bibpipe case)', 2, 220),
    { target: 'peak RSS < 60 MB before the first record', met: startup?.peakRssMb === undefined ? undefined : startup.peakRssMb < 60, detail: `${startup?.peakRssMb ?? '?'} MB` },
  ];
}

export function printTargets(targets: readonly Target[]): void {
  for (const target of targets) console.log(`${target.met === undefined ? '?      ' : target.met ? 'met    ' : 'NOT met'}  ${target.target}: ${target.detail}`);
}
