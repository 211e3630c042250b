import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { guardStdio, STDOUT_EXIT_CODES } from '../src/cli/stdio.js';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

/**
 * A run must stop when asked (SIGTERM within 2 s, whatever it waits for) and when its
 * stdout goes away (a closed pipe, a full device): one line, a documented exit code, never
 * a stack, earlier outputs intact.
 */

const CLI = join(PROJECT_ROOT, 'dist/cli/main.js');
const XML_INPUTS = join(PROJECT_ROOT, 'tests/fixtures/inputs');
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});
function directory(prefix: string): string {
  const path = temporaryDirectory(prefix);
  directories.push(path);
  return path;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}
function exited(child: ChildProcess): Promise<Exit> {
  const stderr: Buffer[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr: Buffer.concat(stderr).toString('utf8') })));
}
/** What a shell reports: the code, or 128 + the signal for a process ended by one. */
const shellStatus = (exit: Exit): number | null => exit.code ?? (exit.signal === 'SIGTERM' ? 143 : exit.signal === 'SIGINT' ? 130 : null);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('signals', () => {
  it('SIGTERM ends a run blocked on a FIFO that has no writer within 2 s, leaving the previous outputs as they were', async () => {
    const work = directory('bibpipe-fifo-');
    const fifo = join(work, 'input.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const outDir = join(work, 'out');
    const first = await runBibpipe(['convert', XML_INPUTS, '--to', 'ndjson', '--out-dir', outDir]);
    expect(first.code).toBe(1);
    const before = new Map(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name), 'utf8')]));

    const child = spawn(process.execPath, [CLI, 'convert', fifo, '--to', 'ndjson', '--out-dir', outDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    const done = exited(child);
    // The outputs are opened before the input: once they exist, the run waits on the FIFO.
    await waitFor(() => readdirSync(outDir).some((name) => name.endsWith('.partial')), 20_000);
    const sent = Date.now();
    child.kill('SIGTERM');
    const result = await done;
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(shellStatus(result)).toBe(143);
    expect(result.stderr).toContain('interrupted by SIGTERM');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(new Map(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name), 'utf8')]))).toEqual(before);
  }, 60_000);
});

describe('stdout that goes away', () => {
  it('`bibpipe rules | head -1`: a closed pipe ends the run quietly with exit 0, every time', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const child = spawn(process.execPath, [CLI, 'rules'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const done = exited(child);
      // Like head -1: take the first chunk and close the pipe.
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      child.stdout!.destroy();
      const result = await done;
      // Whether or not the listing fit in the pipe before it closed: exit 0, nothing on stderr.
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    }
  }, 60_000);

  it('`validate > /dev/full` ends with exit 74 and one line, not "validation failed" and no stack', async () => {
    const out = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [CLI, 'validate', XML_INPUTS, '--reporter', 'json'], { stdio: ['ignore', out, 'pipe'] });
      const result = await exited(child);
      expect(result.code).toBe(STDOUT_EXIT_CODES.ENOSPC);
      expect(result.stderr).toContain('bibpipe: stopped: cannot write to stdout: the disk or device is full (ENOSPC)\n');
      expect(result.stderr).not.toContain('validation failed');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      closeSync(out);
    }
  }, 60_000);

  it('guardStdio: an EPIPE on stdout ends the run quietly with exit 0 (the reader took what it wanted)', () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const codes: number[] = [];
    const remove = guardStdio({ stdout, stderr, exit: (code) => codes.push(code) });
    stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    remove();
    expect(codes).toEqual([0]);
    expect(stderr.read()).toBeNull();
  });
});

