import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { AtomicFileSink } from '../src/pipeline/sinks.js';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const CLI = join(PROJECT_ROOT, 'dist/cli/main.js');
const FORMATS = 'ndjson,csv,jsonld';

function record(index: number): string {
  return JSON.stringify({
    id: `gen-${index}`,
    title: `Generated record number ${index} about interrupted runs`,
    author: [`Author${index % 977}, Given`, 'Second, Author'],
    format: ['Book'],
    language: ['English'],
    publishDate: [String(1900 + (index % 120))],
    description: 'An abstract long enough that the outputs grow steadily while the run goes on.',
  });
}

/** 200,000 NDJSON records (about 60 MB), written once for all tests. */
async function writeLargeInput(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let start = 0; start < count; start += 10_000) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(count, start + 10_000); index++) lines.push(record(index));
    if (!out.write(`${lines.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'latin1')]));
}

const partialFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.partial'));

function sizeOfPartials(dir: string): number {
  return partialFiles(dir).reduce((sum, name) => {
    try {
      return sum + statSync(join(dir, name)).size;
    } catch {
      return sum;
    }
  }, 0);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const stderr: Buffer[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr: Buffer.concat(stderr).toString('utf8') })));
}

describe('an interrupted run leaves the previous outputs as they were', () => {
  let dir: string;
  let largeInput: string;
  let smallInput: string;

  beforeAll(async () => {
    dir = temporaryDirectory('bibpipe-interrupt-');
    largeInput = join(dir, 'two hundred thousand records.ndjson');
    smallInput = join(dir, 'three records.ndjson');
    await writeLargeInput(largeInput, 200_000);
    writeFileSync(smallInput, `${[1, 2, 3].map(record).join('\n')}\n`);
  });

  for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: stops, discards the partial outputs, prints a summary and exits ${exitCode}`, async () => {
      const outDir = temporaryDirectory('bibpipe-interrupt-out-');
      const first = await runBibpipe(['convert', smallInput, '--to', FORMATS, '--out-dir', outDir]);
      expect(first.code, first.stderr).toBe(0);
      const before = snapshot(outDir);
      expect(before.has('records.ndjson')).toBe(true);

      const child = spawn(process.execPath, [CLI, 'convert', largeInput, '--to', FORMATS, '--out-dir', outDir], { stdio: ['ignore', 'ignore', 'pipe'] });
      const done = exited(child);
      await waitFor(() => sizeOfPartials(outDir) > 0, 30_000);
      const grownFrom = sizeOfPartials(outDir);
      await waitFor(() => sizeOfPartials(outDir) > grownFrom, 30_000);
      child.kill(signal);
      const result = await done;

      expect(partialFiles(outDir)).toEqual([]);
      expect(snapshot(outDir)).toEqual(before);
      expect(result.stderr).toContain(`interrupted by ${signal}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      if (result.code === null) {
        // Not stopped by itself within the grace period (a loaded machine): ended by the
        // signal after removing its temporary files; a shell reports 128 + the signal.
        expect(result.signal, result.stderr).toBe(signal);
        expect(result.stderr).toContain('stopped without committing any output');
        return;
      }
      expect(result.code, result.stderr).toBe(exitCode);
      expect(result.stderr).toMatch(/bibpipe: read \d+, converted \d+, rejected 0/);
      const read = Number(/read (\d+)/.exec(result.stderr)?.[1]);
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(200_000);
    });
  }

  it('SIGINT while waiting on a silent stdin stops at once', async () => {
    const outDir = temporaryDirectory('bibpipe-interrupt-stdin-');
    const child = spawn(process.execPath, [CLI, 'convert', '-', '--to', 'ndjson', '--out-dir', outDir], { stdio: ['pipe', 'ignore', 'pipe'] });
    const done = exited(child);
    child.stdin?.write(`${record(1)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    const result = await done;
    child.stdin?.destroy();
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('interrupted by SIGINT');
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('a file that cannot grow (EFBIG, as a full disk) stops the run with one line, exit 2, and no partial file', async () => {
    const outDir = temporaryDirectory('bibpipe-enospc-');
    const first = await runBibpipe(['convert', smallInput, '--to', 'ndjson', '--out-dir', outDir]);
    expect(first.code).toBe(0);
    const before = snapshot(outDir);

    // Temporary names are unpredictable and opened without following links, so the full
    // disk is made by a file size limit (SIGXFSZ ignored: writes fail with EFBIG instead).
    const child = spawn('bash', ['-c', `trap '' XFSZ; ulimit -f 256; exec "${process.execPath}" "${CLI}" convert "${largeInput}" --to ndjson --out-dir "${outDir}"`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const result = await exited(child);

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Cannot write');
    expect(result.stderr).toContain('the file is larger than the system allows');
    expect(partialFiles(outDir)).toEqual([]);
    expect(snapshot(outDir)).toEqual(before);
  });
});

describe('AtomicFileSink', () => {
  class FailingStream extends Writable {
    override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
      callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    }
  }

  it('a failed write rejects with the file named and the disk full, and discard removes the partial file', async () => {
    const dir = temporaryDirectory();
    const target = join(dir, 'records.csv');
    writeFileSync(target, 'previous\n');
    const sink = new AtomicFileSink(target, () => new FailingStream());
    writeFileSync(sink.partialPath, 'half');
    await expect(sink.write('a'.repeat(100_000))).rejects.toThrow(`Cannot write ${target}: the disk is full`);
    await expect(sink.commit()).rejects.toThrow('the disk is full');
    await sink.discard();
    expect(readdirSync(dir)).toEqual(['records.csv']);
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
  });

  it('commit renames into place only when everything was written', async () => {
    const dir = temporaryDirectory();
    const target = join(dir, 'records.ndjson');
    const sink = new AtomicFileSink(target);
    await sink.write('one\n');
    expect(readdirSync(dir)).not.toContain('records.ndjson');
    await sink.commit();
    expect(readdirSync(dir)).toEqual(['records.ndjson']);
    expect(readFileSync(target, 'utf8')).toBe('one\n');
  });
});
