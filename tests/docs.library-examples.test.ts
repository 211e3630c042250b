import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from './helpers/temp.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const examples = [...readFileSync(join(PROJECT_ROOT, 'docs/library.md'), 'utf8').matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1]!);

/**
 * Runs each TypeScript example of docs/library.md as a user would (from the repository
 * root, `import ... from 'bibpipe'` resolving to the library's entry point) and keeps what it printed.
 */
function runExample(code: string): { status: number | null; stdout: string; stderr: string } {
  const dir = temporaryDirectory('bibpipe-library-');
  const file = join(dir, 'example.mts');
  // The example's temp dirs go where this test's helper removes them.
  writeFileSync(file, code.replaceAll("from 'bibpipe'", `from '${join(PROJECT_ROOT, 'src/index.ts')}'`));
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('docs/library.md examples run', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  examples.forEach((code, index) => {
    it(`example ${index + 1}: ${code.split('\n').find((line) => line.startsWith('import {'))?.slice(0, 60)}`, () => {
      const run = runExample(code);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.length, 'prints something').toBeGreaterThan(0);
      if (code.includes('convert(')) expect(run.stdout).toMatch(/^true \d+/);
      if (code.includes("findWriter('csv')")) expect(run.stdout.split('\r\n')[0]).toBe('id,title,authors,year');
      if (code.includes('processRecord(raw)')) expect(run.stdout).toContain("false [ '9780306406157' ]");
    });
  });
});
