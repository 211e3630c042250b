import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runBibpipe, temporaryDirectory, type CliResult } from './cli.js';

export interface RejectLine {
  recordId?: string;
  format: string;
  source: { file: string; line?: number; byteOffset?: number; ordinal?: number };
  issues: Array<{ code: string; severity: string; message: string; recordId?: string; field?: string; source?: { file: string } }>;
  fields: Record<string, string | string[]>;
  rawText?: string;
}

export interface ConvertRun {
  result: CliResult;
  /** The arguments the run was given. */
  args: readonly string[];
  outDir: string;
  summary: { read: number; converted: number; rejected: number; written: Record<string, number>; issues: Record<string, number> };
  rejects: RejectLine[];
  /** The normalized records written to records.ndjson. */
  converted: Array<Record<string, unknown>>;
}

const FORMATS = 'ndjson,csv,jsonld,medline';

/** Runs `bibpipe convert` into a fresh --out-dir and reads back what the run says it did. */
export async function convertIntoDirectory(inputs: readonly string[], extraArgs: readonly string[] = []): Promise<ConvertRun> {
  const outDir = temporaryDirectory('bibpipe-broken-');
  const args = ['convert', ...inputs, '--to', FORMATS, '--out-dir', outDir, '--log-level', 'silent', ...extraArgs];
  const result = await runBibpipe(args);
  const summaryPath = join(outDir, 'summary.json');
  expect(existsSync(summaryPath), `no summary.json; stderr: ${result.stderr}`).toBe(true);
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as ConvertRun['summary'];
  const lines = (name: string): string[] => {
    const path = join(outDir, name);
    return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line !== '') : [];
  };
  const rejects = lines('rejects.ndjson').map((line) => JSON.parse(line) as RejectLine);
  const converted = lines('records.ndjson').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { result, args, outDir, summary, rejects, converted };
}

/**
 * The run's books balance: read = converted + rejected, every rejected record is in
 * rejects.ndjson with its file, a position, its issues and what was read of it, and the
 * exit code says whether anything was rejected.
 */
export function expectEveryRecordAccountedFor(run: ConvertRun, file: string): void {
  const { summary, rejects, result } = run;
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(summary.read).toBe(summary.converted + summary.rejected);
  expect(rejects).toHaveLength(summary.rejected);
  expect(run.converted).toHaveLength(summary.written.ndjson ?? 0);
  expect(summary.written.ndjson).toBe(summary.converted);
  // An input holding no record at all is refused like a usage error (exit 2; --allow-empty passes).
  expect(result.code).toBe(summary.read === 0 && !run.args.includes('--allow-empty') ? 2 : summary.rejected > 0 ? 1 : 0);
  for (const reject of rejects) {
    expect(reject.source.file).toBe(file);
    // Refusals of a whole input (not a format bibpipe reads, a DOCTYPE) stand for the file.
    const wholeFile = reject.issues.some((issue) => issue.code === 'read.unsupported-input' || issue.code === 'read.entity-declaration');
    if (!wholeFile) expect(reject.source.line ?? reject.source.byteOffset, JSON.stringify(reject.source)).toBeTypeOf('number');
    const errors = reject.issues.filter((issue) => issue.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const issue of errors) expect(issue.source?.file).toBe(file);
    if (reject.recordId !== undefined) for (const issue of errors) expect(issue.recordId).toBe(reject.recordId);
    expect(reject.rawText !== undefined || Object.keys(reject.fields).length > 0 || wholeFile, 'a reject keeps what was read').toBe(true);
  }
}

export const errorCodes = (reject: RejectLine | undefined): string[] =>
  (reject?.issues ?? []).filter((issue) => issue.severity === 'error').map((issue) => issue.code);
