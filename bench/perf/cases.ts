import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onPath, type Command } from './measure.js';
import type { BenchInputs } from './inputs.js';

/** One thing the bench times. */
export interface BenchCase {
  name: string;
  kind: 'bibpipe' | 'catmandu' | 'jq' | 'floor';
  command: Command;
  /** Why the case cannot run here (a tool is not installed), or undefined. */
  skipped?: string;
}

export interface CaseContext {
  root: string;
  inputs: BenchInputs;
  scratch: string;
}

/** Solr fields with the content of bibpipe's CSV columns, for the tools that copy fields as they are. */
const RAW_COLUMNS = ['id', 'format', 'title', 'author', 'publishDate', 'language', 'publisher', 'url', 'topic', 'description'];
const MULTI_VALUED = ['format', 'author', 'publishDate', 'language', 'publisher', 'url', 'topic'];

export function bibpipeCase(context: CaseContext, name: string, input: string, formats: string, workers: number, from?: string): BenchCase {
  const outDir = join(context.scratch, `out-${name.replace(/[^a-z0-9]+/gi, '-')}`);
  const args = [join(context.root, 'dist/cli/main.js'), 'convert', input, '--to', formats, '--out-dir', outDir, '--workers', String(workers), '--quiet', '--log-level', 'error'];
  if (from) args.push('--from', from);
  return { name, kind: 'bibpipe', command: { program: process.execPath, args } };
}

/** Every case of the throughput table, in the order it is printed. */
export function throughputCases(context: CaseContext): BenchCase[] {
  const { inputs, scratch } = context;
  const cases: BenchCase[] = [
    bibpipeCase(context, 'bibpipe NDJSON -> CSV (1 worker)', inputs.ndjson, 'csv', 1),
    bibpipeCase(context, 'bibpipe NDJSON -> JSON-LD (1 worker)', inputs.ndjson, 'jsonld', 1),
    bibpipeCase(context, 'bibpipe NDJSON -> MEDLINE XML (1 worker)', inputs.ndjson, 'medline', 1),
    bibpipeCase(context, 'bibpipe NDJSON -> all three (1 worker)', inputs.ndjson, 'csv,jsonld,medline', 1),
    bibpipeCase(context, 'bibpipe Staff View -> CSV (1 worker)', inputs.staffView, 'csv', 1),
    bibpipeCase(context, 'bibpipe NDJSON -> CSV (2 workers)', inputs.ndjson, 'csv', 2),
    bibpipeCase(context, 'bibpipe NDJSON -> all three (2 workers)', inputs.ndjson, 'csv,jsonld,medline', 2),
  ];

  const fix = join(scratch, 'join-fields.fix');
  writeFileSync(fix, `${MULTI_VALUED.map((field) => `join_field(${field},'|')`).join('\n')}\n`);
  cases.push({
    name: 'Catmandu JSON -> CSV (join_field)',
    kind: 'catmandu',
    command: {
      program: 'catmandu',
      args: ['convert', 'JSON', '--line_delimited', '1', 'to', 'CSV', '--fields', RAW_COLUMNS.join(','), '--fix', fix],
      stdinFile: inputs.ndjson,
      stdoutFile: join(scratch, 'catmandu.csv'),
    },
    skipped: onPath('catmandu') ? undefined : 'catmandu is not installed (Debian: apt-get install libcatmandu-perl)',
  });

  const cells = RAW_COLUMNS.map((field) => (MULTI_VALUED.includes(field) ? `((.${field} // []) | if type == "array" then join("|") else . end)` : `(.${field} // "")`));
  cases.push({
    name: 'jq -> CSV (@csv)',
    kind: 'jq',
    command: { program: 'jq', args: ['-r', `[${cells.join(', ')}] | @csv`, inputs.ndjson], stdoutFile: join(scratch, 'jq.csv') },
    skipped: onPath('jq') ? undefined : 'jq is not installed',
  });

  cases.push({
    name: 'floor: Node JSON.parse + stringify',
    kind: 'floor',
    command: { program: process.execPath, args: [join(context.root, 'bench/perf/floor.mjs'), inputs.ndjson, join(scratch, 'floor.ndjson')] },
  });
  return cases;
}

/** Every input kind to every output format, for the RSS-vs-N table. */
export function scalingCases(context: CaseContext, workers: number): BenchCase[] {
  const { inputs } = context;
  const kinds: Array<[string, string, string | undefined]> = [
    ['NDJSON', inputs.ndjson, undefined],
    ['Solr response (streamed)', inputs.response, undefined],
    ['Staff View', inputs.staffView, undefined],
  ];
  const formats: Array<[string, string]> = [['CSV', 'csv'], ['JSON-LD', 'jsonld'], ['MEDLINE XML', 'medline'], ['NDJSON', 'ndjson']];
  return kinds.flatMap(([kind, input, from]) =>
    formats.map(([label, format]) => bibpipeCase(context, `${kind} -> ${label} (${workers} worker${workers > 1 ? 's' : ''})`, input, format, workers, from)),
  );
}
