import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, type CliResult } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * An output that is also an input was silently replaced: `--rejects` naming the export, an
 * export named `records.csv` inside `--out-dir`, a report written over an input. Now the run
 * is refused before any write, naming both paths, whatever way the path is spelled
 * (relative, `..`, a symlink, a hard link).
 */
const EXPORT = '{"id":"a","title":"T"}\n{"title":"no id"}\n';

function folder(): string {
  const dir = temporaryDirectory('bibpipe-overlap-');
  writeFileSync(join(dir, 'export.ndjson'), EXPORT);
  return dir;
}

function expectRefused(run: CliResult, output: string, input: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`${output} is also an input (${input})`);
}

describe('an output that is also an input', () => {
  it('--rejects naming the export, spelled another way, is refused and the export is untouched', async () => {
    const dir = folder();
    const input = join(dir, 'export.ndjson');
    const spelled = join(dir, 'sub', '..', 'export.ndjson');
    mkdirSync(join(dir, 'sub'));
    const run = await runInProcess(['convert', input, '--to', 'ndjson', '--rejects', spelled]);
    expectRefused(run, `The rejects file (--rejects) ${spelled}`, input);
    expect(run.stdout).toBe('');
    expect(readFileSync(input, 'utf8')).toBe(EXPORT);
  });

  it('--rejects through a symlink or a hard link to the export is refused', async () => {
    const dir = folder();
    const input = join(dir, 'export.ndjson');
    symlinkSync(input, join(dir, 'link.ndjson'));
    linkSync(input, join(dir, 'hard.ndjson'));
    for (const name of ['link.ndjson', 'hard.ndjson']) {
      const run = await runInProcess(['convert', input, '--to', 'ndjson', '--rejects', join(dir, name)]);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toContain('is also an input');
    }
    expect(readFileSync(input, 'utf8')).toBe(EXPORT);
  });

  it('an input named like an output inside --out-dir is refused, even one this run would not write', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    mkdirSync(out);
    for (const [name, to] of [['records.ndjson', 'ndjson'], ['records.csv', 'ndjson'], ['rejects.ndjson', 'csv']] as const) {
      const input = join(out, name);
      writeFileSync(input, EXPORT);
      const run = await runInProcess(['convert', relative(process.cwd(), input), '--to', to, '--out-dir', out]);
      expectRefused(run, `The output ${name} of --out-dir ${join(out, name)}`, relative(process.cwd(), input));
      expect(readFileSync(input, 'utf8')).toBe(EXPORT);
    }
  });

  it('a validate report or baseline written over an input is refused', async () => {
    const dir = folder();
    const input = join(dir, 'export.ndjson');
    const report = await runInProcess(['validate', input, '--reporter', `junit:${input}`]);
    expectRefused(report, `The junit report ${input}`, input);
    const baseline = await runInProcess(['validate', input, '--write-baseline', input]);
    expectRefused(baseline, `The baseline (--write-baseline) ${input}`, input);
    expect(readFileSync(input, 'utf8')).toBe(EXPORT);
  });

  it('a folder input with its own out-dir inside is still fine (the out-dir is left out of the walk)', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    expect((await runInProcess(['convert', dir, '--to', 'ndjson', '--out-dir', out, '--workers', '1'])).code).toBe(1);
    expect((await runInProcess(['convert', dir, '--to', 'ndjson', '--out-dir', out, '--workers', '1'])).code).toBe(1);
  });
});
