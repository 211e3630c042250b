import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { convertCase, type CaseContext } from './cases.js';
import { measure } from './measure.js';

/**
 * `--compare-outputs OLD_CLI`: an older build and this one convert the bench corpus to every
 * format with 1 and 2 workers; every output file (summary.json, rejects and skipped included)
 * must be byte-identical between the builds, and between worker counts.
 */

export const COMPARED_FORMATS = 'medline,jsonld,csv,ndjson,nbib';

export interface Comparison {
  input: string;
  left: string;
  right: string;
  files: number;
  /** One line per file that is missing on one side or differs (with the first differing byte). */
  differences: string[];
}

const CHUNK = 4 << 20;

/** Undefined when the files are byte-identical, else where they first differ. */
function firstDifference(left: string, right: string): string | undefined {
  const [a, b] = [openSync(left, 'r'), openSync(right, 'r')];
  try {
    const [bufferA, bufferB] = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let offset = 0;
    let line = 1;
    for (;;) {
      const readA = readSync(a, bufferA, 0, CHUNK, offset);
      const readB = readSync(b, bufferB, 0, CHUNK, offset);
      const length = Math.min(readA, readB);
      for (let index = 0; index < length; index += 1) {
        if (bufferA[index] !== bufferB[index]) {
          return `first difference at byte ${offset + index} (line ${line + countLines(bufferA, index)}):\n`
            + `             left:  ${excerpt(bufferA, index, readA)}\n             right: ${excerpt(bufferB, index, readB)}`;
        }
      }
      if (readA !== readB) return `sizes differ (${statSync(left).size} vs ${statSync(right).size} bytes)`;
      if (readA === 0) return undefined;
      line += countLines(bufferA, readA);
      offset += readA;
    }
  } finally {
    closeSync(a);
    closeSync(b);
  }
}

/** Up to 60 bytes either side of a position, as JSON so that control characters show. */
function excerpt(buffer: Buffer, at: number, end: number): string {
  return JSON.stringify(buffer.toString('utf8', Math.max(0, at - 60), Math.min(end, at + 60)));
}

function countLines(buffer: Buffer, end: number): number {
  let lines = 0;
  for (let index = buffer.indexOf(10); index >= 0 && index < end; index = buffer.indexOf(10, index + 1)) lines += 1;
  return lines;
}

function compareDirectories(input: string, left: { name: string; dir: string }, right: { name: string; dir: string }): Comparison {
  const names = [...new Set([...readdirSync(left.dir), ...readdirSync(right.dir)])].sort();
  const differences: string[] = [];
  for (const name of names) {
    const [a, b] = [join(left.dir, name), join(right.dir, name)];
    if (!existsSync(a) || !existsSync(b)) differences.push(`${name}: only in ${existsSync(a) ? left.name : right.name}`);
    else {
      const difference = firstDifference(a, b);
      if (difference) differences.push(`${name}: ${difference}`);
    }
  }
  return { input, left: left.name, right: right.name, files: names.length, differences };
}

export async function compareOutputs(context: CaseContext, oldCli: string, workerCounts: readonly number[]): Promise<Comparison[]> {
  const { inputs } = context;
  const kinds: Array<[string, string, string | undefined]> = [
    ['NDJSON', inputs.ndjson, undefined],
    ['Solr XML', inputs.xml, 'solr-xml'],
    ['Staff View', inputs.staffView, 'staff-view'],
  ];
  const comparisons: Comparison[] = [];
  for (const [kind, input, from] of kinds) {
    const dirs = new Map<string, { name: string; dir: string }>();
    for (const workers of workerCounts) {
      for (const [build, cli] of [['old', oldCli], ['new', context.cli ?? join(context.root, 'dist/cli/main.js')]] as const) {
        const key = `compare-${build}-${kind}-${workers}`;
        const benchCase = convertCase({ ...context, cli }, key, kind, input, COMPARED_FORMATS, workers, from);
        const dir = benchCase.outDir!;
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const measured = await measure(benchCase.command, context.scratch);
        process.stderr.write(`  ${build} build, ${kind}, ${workers} worker(s): ${measured.wallSeconds.toFixed(1)} s, exit ${measured.exitCode}\n`);
        dirs.set(`${build}-${workers}`, { name: `${build} build, ${workers} worker(s)`, dir });
      }
      comparisons.push(compareDirectories(kind, dirs.get(`old-${workers}`)!, dirs.get(`new-${workers}`)!));
    }
    const [firstWorkers, ...otherWorkers] = workerCounts;
    for (const workers of otherWorkers) comparisons.push(compareDirectories(kind, dirs.get(`new-${firstWorkers}`)!, dirs.get(`new-${workers}`)!));
  }
  return comparisons;
}

export function printComparisons(comparisons: readonly Comparison[]): boolean {
  let identical = true;
  for (const comparison of comparisons) {
    const same = comparison.differences.length === 0;
    identical &&= same;
    console.log(`${same ? 'identical' : 'DIFFERENT'}  ${comparison.input}: ${comparison.left} vs ${comparison.right} (${comparison.files} files)`);
    for (const difference of comparison.differences) console.log(`           ${difference}`);
  }
  return identical;
}
