import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { convert } from '../src/index.js';
import { describeWhen } from './helpers/shared.js';
import { runBibpipe } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * A subfolder that cannot be listed (mode 000) aborted a folder walk with a raw EACCES, and a
 * pattern's walk (tinyglobby) passed over it without a word: the files in it were lost
 * silently. Now it is one rejected input (`read.unreadable`) naming the folder; the rest is
 * read and the exit code says there was a problem. As root, mode 000 does not stop reading,
 * so the in-process tests fail the listing of folders named `locked` through a mocked fs;
 * the process test uses a real mode-000 folder where the tests do not run as root.
 */
const LOCKED = 'locked';

function permissionDenied(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES', errno: -13, syscall: 'scandir', path });
}

const isLocked = (path: unknown): boolean => basename(String(path).replace(/\/+$/, '')) === LOCKED;

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = ((path: string, ...rest: unknown[]) => (isLocked(path) ? Promise.reject(permissionDenied(path)) : (actual.readdir as (...args: unknown[]) => unknown)(path, ...rest))) as typeof actual.readdir;
  return { ...actual, readdir, default: { ...actual, readdir } };
});

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readdir = ((path: string, options: unknown, callback: (error: Error | null, entries?: unknown) => void) => {
    if (isLocked(path)) {
      process.nextTick(() => callback(permissionDenied(path)));
      return;
    }
    (actual.readdir as (...args: unknown[]) => void)(path, options, callback);
  }) as typeof actual.readdir;
  return { ...actual, readdir, default: { ...actual, readdir } };
});

function tree(): { dir: string; input: string } {
  const dir = temporaryDirectory('bibpipe-unreadable-');
  const input = join(dir, 'exports');
  for (const folder of ['a', LOCKED, 'z']) mkdirSync(join(input, folder), { recursive: true });
  writeFileSync(join(input, 'a', 'one.ndjson'), '{"id":"one","title":"T"}\n');
  writeFileSync(join(input, LOCKED, 'hidden.ndjson'), '{"id":"hidden","title":"T"}\n');
  writeFileSync(join(input, 'z', 'two.ndjson'), '{"id":"two","title":"T"}\n');
  return { dir, input };
}

describe('a folder that cannot be listed', () => {
  it.each([
    ['a folder walk', (input: string) => input],
    ['a pattern', (input: string) => `${input}/**/*.ndjson`],
  ])('in %s: one rejected input naming the folder, and the rest is read', async (_, inputOf) => {
    const { dir, input } = tree();
    const out = join(dir, 'out');
    const summary = await convert({ inputs: [inputOf(input)], to: ['ndjson'], outDir: out, workers: 1 });
    expect(summary.read).toBe(3);
    expect(summary.converted).toBe(2);
    expect(summary.rejected).toBe(1);
    expect(summary.issues['read.unreadable']).toBe(1);
    const written = readFileSync(join(out, 'records.ndjson'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(written).toEqual(['one', 'two']);
    const reject = JSON.parse(readFileSync(join(out, 'rejects.ndjson'), 'utf8')) as { reason: string; source: { file: string } };
    expect(reject.source.file).toBe(join(input, LOCKED));
    expect(JSON.stringify(reject)).toContain(`${join(input, LOCKED)}: the folder cannot be read (permission denied, EACCES): the files in it are not read`);
  });
});

const ROOT = process.getuid?.() === 0;
describeWhen('a mode-000 folder through the CLI', !ROOT && process.platform !== 'win32', 'tests run as root (mode 000 does not stop root from reading); the mocked-fs tests above cover the walk', () => {
  it('exits 1 with the folder named in rejects.ndjson, the other files converted', async () => {
    const { dir, input } = tree();
    chmodSync(join(input, LOCKED), 0o000);
    try {
      const run = await runBibpipe(['convert', input, '--to', 'ndjson', '--out-dir', join(dir, 'out'), '--workers', '1']);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/^bibpipe: error/m);
      expect(readFileSync(join(dir, 'out', 'rejects.ndjson'), 'utf8')).toContain('the folder cannot be read (permission denied');
    } finally {
      chmodSync(join(input, LOCKED), 0o755);
    }
  });
});
