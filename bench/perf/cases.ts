import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onPath, type Command } from './measure.js';
import type { BenchInputs } from './inputs.js';

/** One thing the bench times. */
export interface BenchCase {
  /** Stable key, used by the targets (the printed name may change). */
  key: string;
  name: string;
  kind: 'bibpipe' | 'catmandu' | 'jq' | 'floor' | 'startup';
  /** Threads bibpipe may use (1 for the other tools). */
  workers: number;
  command: Command;
  /** Where a bibpipe convert case writes its outputs. */
  outDir?: string;
  /** The CSV file the case writes with the picked Solr fields (the same-columns check reads it). */
  pickedCsv?: string;
  /** Why the case cannot run here (a tool is not installed), or undefined. */
  skipped?: string;
  /** Said under the table (how this build ran the case). */
  note?: string;
}

export interface CaseContext {
  root: string;
  inputs: BenchInputs;
  scratch: string;
  /** The CLI to run (default: this checkout's dist/cli/main.js). */
  cli?: string;
}

/**
 * The Solr fields Catmandu, jq and the floors copy: the raw fields behind bibpipe's default CSV
 * columns (id, formats/type, title and subtitle, authors, corporate authors, ISBN, ISSN, OCLC
 * from ctrlnum, year/date, languages, publisher, journal, URLs with the DOI/PMID/PMCID links,
 * subjects, abstract). Multi-valued ones are joined with '|', as bibpipe joins its cells.
 */
export const PICKED_FIELDS = ['id', 'format', 'title', 'title_sub', 'author', 'author2', 'author_corporate', 'isbn', 'issn', 'ctrlnum',
  'publishDate', 'language', 'publisher', 'container_title', 'url', 'topic', 'description'] as const;

const cliOf = (context: CaseContext): string => context.cli ?? join(context.root, 'dist/cli/main.js');
const plural = (workers: number): string => `${workers} worker${workers > 1 ? 's' : ''}`;
const slug = (text: string): string => text.replace(/[^a-z0-9]+/gi, '-');

/** A bibpipe convert; `workers: 0` is the default run (no --workers flag: `auto`). */
export function convertCase(context: CaseContext, key: string, label: string, input: string, formats: string, workers: number, from?: string): BenchCase {
  const outDir = join(context.scratch, `out-${slug(key)}`);
  const args = [cliOf(context), 'convert', input, '--to', formats, '--out-dir', outDir, ...(workers > 0 ? ['--workers', String(workers)] : []), '--quiet', '--log-level', 'error'];
  if (from) args.push('--from', from);
  return { key, name: `bibpipe ${label} (${workers > 0 ? plural(workers) : 'default run'})`, kind: 'bibpipe', workers, outDir, command: { program: process.execPath, args } };
}

/** True when the CLI's `validate` takes --workers (the engine redesign adds it). */
function validateTakesWorkers(cli: string): boolean {
  try {
    return execFileSync(process.execPath, [cli, 'validate', '--help'], { encoding: 'utf8' }).includes('--workers');
  } catch {
    return false;
  }
}

function validateCase(context: CaseContext, workers: number, withWorkers: boolean): BenchCase {
  const key = `validate-ndjson-${workers}`;
  const report = join(context.scratch, `${key}.json`);
  const args = [cliOf(context), 'validate', context.inputs.ndjson, '--reporter', `json:${report}`, '--quiet', '--log-level', 'error'];
  const benchCase: BenchCase = { key, name: `bibpipe validate NDJSON (${plural(workers)})`, kind: 'bibpipe', workers, command: { program: process.execPath, args } };
  if (withWorkers) args.push('--workers', String(workers));
  else if (workers === 1) benchCase.note = 'this build\'s validate has no --workers option: it ran inline (one thread)';
  else benchCase.skipped = 'this build\'s validate has no --workers option';
  return benchCase;
}

/** Catmandu, jq and the two Node floors, each writing the same picked columns as CSV. */
function baselineCases(context: CaseContext): BenchCase[] {
  const { inputs, scratch, root } = context;
  const fields = PICKED_FIELDS.join(',');
  const fix = join(scratch, 'join-fields.fix');
  // join_field leaves a field that is not an array as it is, so every field can be listed.
  writeFileSync(fix, `${PICKED_FIELDS.map((field) => `join_field(${field},'|')`).join('\n')}\n`);
  const cells = PICKED_FIELDS.map((field) => `((.${field}) // "" | if type == "array" then join("|") else tostring end)`);
  const floor = (key: string, name: string, script: string): BenchCase => {
    const pickedCsv = join(scratch, `${key}.csv`);
    return { key, name, kind: 'floor', workers: 1, pickedCsv, command: { program: process.execPath, args: [join(root, 'bench/perf', script), inputs.ndjson, pickedCsv, fields] } };
  };
  return [
    {
      key: 'catmandu',
      name: 'Catmandu JSON -> CSV (join_field)',
      kind: 'catmandu',
      workers: 1,
      pickedCsv: join(scratch, 'catmandu.csv'),
      command: { program: 'catmandu', args: ['convert', 'JSON', '--line_delimited', '1', 'to', 'CSV', '--fields', fields, '--fix', fix], stdinFile: inputs.ndjson, stdoutFile: join(scratch, 'catmandu.csv') },
      skipped: onPath('catmandu') ? undefined : 'catmandu is not installed (Debian: apt-get install libcatmandu-perl)',
    },
    {
      key: 'jq',
      name: 'jq -> CSV (@csv)',
      kind: 'jq',
      workers: 1,
      pickedCsv: join(scratch, 'jq.csv'),
      command: { program: 'jq', args: ['-nr', `("${fields}" | split(",")), (inputs | [${cells.join(', ')}]) | @csv`, inputs.ndjson], stdoutFile: join(scratch, 'jq.csv') },
      skipped: onPath('jq') ? undefined : 'jq is not installed',
    },
    floor('floor', 'floor: Node readSync + JSON.parse + pick + CSV', 'floor.mjs'),
    floor('lazy-floor', 'floor: Node readSync + lazy field scanner + CSV', 'lazy-floor.mjs'),
  ];
}

/** Every case of the throughput table, in the order it is printed. */
export function throughputCases(context: CaseContext, startupInput: string): BenchCase[] {
  const { inputs } = context;
  const withWorkers = validateTakesWorkers(cliOf(context));
  const startup = convertCase(context, 'startup', 'startup: 1 record', startupInput, 'csv', 0);
  return [
    convertCase(context, 'csv-1', 'NDJSON -> CSV', inputs.ndjson, 'csv', 1),
    convertCase(context, 'csv-2', 'NDJSON -> CSV', inputs.ndjson, 'csv', 2),
    convertCase(context, 'csv-auto', 'NDJSON -> CSV', inputs.ndjson, 'csv', 0),
    convertCase(context, 'response-1', 'Solr JSON select response -> CSV', inputs.response, 'csv', 1),
    convertCase(context, 'all-1', 'NDJSON -> MEDLINE+JSON-LD+CSV', inputs.ndjson, 'medline,jsonld,csv', 1),
    convertCase(context, 'all-2', 'NDJSON -> MEDLINE+JSON-LD+CSV', inputs.ndjson, 'medline,jsonld,csv', 2),
    convertCase(context, 'xml-1', 'Solr XML -> CSV', inputs.xml, 'csv', 1, 'solr-xml'),
    convertCase(context, 'staff-1', 'Staff View -> CSV', inputs.staffView, 'csv', 1, 'staff-view'),
    validateCase(context, 1, withWorkers),
    validateCase(context, 2, withWorkers),
    ...baselineCases(context),
    { ...startup, kind: 'startup', name: 'bibpipe convert, 1-record input, default run (startup cost)' },
    { key: 'version', name: 'bibpipe --version', kind: 'startup', workers: 1, command: { program: process.execPath, args: [cliOf(context), '--version'] } },
    { key: 'node-e-0', name: 'node -e 0 (Node\'s own start-up)', kind: 'startup', workers: 1, command: { program: process.execPath, args: ['-e', '0'] } },
  ];
}

/** NDJSON -> CSV and validate (JSON report) with the given worker counts, for the RSS-vs-N table. */
export function scalingCases(context: CaseContext, workerCounts: readonly number[]): BenchCase[] {
  const withWorkers = validateTakesWorkers(cliOf(context));
  return workerCounts.flatMap((workers) => [
    convertCase(context, `scaling-csv-${workers}`, 'NDJSON -> CSV', context.inputs.ndjson, 'csv', workers),
    { ...validateCase(context, workers, withWorkers), key: `scaling-validate-${workers}` },
  ]);
}
