import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, OutputSet } from '../src/pipeline/output-set.js';
import { AtomicFileSink, openExclusive, removePartialFilesNow } from '../src/pipeline/sinks.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});
function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'bibpipe-output-set-'));
  directories.push(directory);
  return directory;
}
const visible = (dir: string): string[] => readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
const hidden = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('.') && name !== MANIFEST_NAME);

async function run(dir: string, files: Record<string, string | null>): Promise<void> {
  const set = await OutputSet.open(dir, Object.keys(files));
  for (const [name, text] of Object.entries(files)) {
    const sink = set.file(name);
    if (text === null) await sink.discard();
    else {
      await sink.write(text);
      await sink.commit();
    }
  }
  await set.commitAll();
}

describe('OutputSet', () => {
  it('puts every file in place at once, and nothing before commitAll', async () => {
    const dir = temporaryDirectory();
    const set = await OutputSet.open(dir, ['records.csv', 'summary.json']);
    await set.file('records.csv').write('a,b\n');
    await set.file('summary.json').write('{}\n');
    expect(visible(dir)).toEqual([]);
    await set.commitAll();
    expect(visible(dir)).toEqual(['records.csv', 'summary.json']);
    expect(readFileSync(join(dir, 'records.csv'), 'utf8')).toBe('a,b\n');
    expect(hidden(dir)).toEqual([]);
  });

  it('removes a medline.xml an earlier run wrote when this run writes none (discarded, or not asked for)', async () => {
    const dir = temporaryDirectory();
    await run(dir, { 'medline.xml': '<x/>', 'records.csv': 'one\n', 'summary.json': '{"medline":1}' });
    await run(dir, { 'medline.xml': null, 'records.csv': 'two\n', 'summary.json': '{"medline":0}' });
    expect(visible(dir)).toEqual(['records.csv', 'summary.json']);

    await run(dir, { 'medline.xml': '<y/>', 'records.csv': 'three\n', 'summary.json': '{}' });
    await run(dir, { 'records.csv': 'four\n', 'summary.json': '{}' });
    expect(visible(dir)).toEqual(['records.csv', 'summary.json']);
    expect(readFileSync(join(dir, 'records.csv'), 'utf8')).toBe('four\n');
  });

  it('a file that cannot be finished leaves the previous run\'s set whole (no new records.csv beside an old summary.json)', async () => {
    const dir = temporaryDirectory();
    await run(dir, { 'records.csv': 'old\n', 'summary.json': 'old summary\n' });
    class FailsAtEnd extends Writable {
      override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
        callback();
      }
      override _final(callback: (error?: Error | null) => void): void {
        callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
      }
    }
    let opened = 0;
    const set = await OutputSet.open(dir, ['records.csv', 'summary.json'], {
      openFile: (path) => (opened++ === 1 ? new FailsAtEnd() : openExclusive(path)),
    });
    await set.file('records.csv').write('new\n');
    await set.file('summary.json').write('new summary\n');
    await expect(set.commitAll()).rejects.toThrow(/Cannot write .*summary\.json: the disk is full/);
    expect(readFileSync(join(dir, 'records.csv'), 'utf8')).toBe('old\n');
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('old summary\n');
    expect(hidden(dir)).toEqual([]);
  });

  it('a rename that fails midway puts the files already renamed back', async () => {
    const dir = temporaryDirectory();
    await run(dir, { 'records.csv': 'old\n', 'summary.json': 'old summary\n' });
    const set = await OutputSet.open(dir, ['records.csv', 'summary.json']);
    await set.file('records.csv').write('new\n');
    await set.file('summary.json').write('new summary\n');
    // Take away the second temporary file: its rename fails after the first one's succeeded.
    const partial = readdirSync(dir).find((name) => name.startsWith('.summary.json.') && name.endsWith('.partial'))!;
    unlinkSync(join(dir, partial));
    await expect(set.commitAll()).rejects.toThrow(/ENOENT/);
    expect(readFileSync(join(dir, 'records.csv'), 'utf8')).toBe('old\n');
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('old summary\n');
    expect(hidden(dir)).toEqual([]);
  });

  it('replaces a planted symbolic link instead of writing through it', async () => {
    const dir = temporaryDirectory();
    const victim = join(temporaryDirectory(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'summary.json'));
    await run(dir, { 'summary.json': '{}\n' });
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'summary.json')).isSymbolicLink()).toBe(false);
  });

  it('refuses an output asked for twice with a usage error, creating nothing', async () => {
    const dir = temporaryDirectory();
    await expect(OutputSet.open(dir, ['records.csv', 'records.csv'])).rejects.toThrow(/records\.csv is asked for twice/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('AtomicFileSink temporary files', () => {
  it('are not named after the process id, and differ for the same target', () => {
    const dir = temporaryDirectory();
    const target = join(dir, 'records.ndjson');
    const one = new AtomicFileSink(target);
    const two = new AtomicFileSink(target);
    expect(one.partialPath).not.toBe(two.partialPath);
    expect(one.partialPath).not.toContain(String(process.pid));
    removePartialFilesNow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a link planted under the old predictable name is never written through', async () => {
    const dir = temporaryDirectory();
    const victim = join(temporaryDirectory(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, `.records.ndjson.${process.pid}.partial`));
    const sink = new AtomicFileSink(join(dir, 'records.ndjson'));
    await sink.write('record\n');
    await sink.commit();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('opening refuses an existing file or link (exclusive, no-follow)', async () => {
    const dir = temporaryDirectory();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const link = join(dir, 'link');
    symlinkSync(victim, link);
    const stream = openExclusive(link);
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => stream.on('error', resolve));
    expect(['EEXIST', 'ELOOP']).toContain(error.code);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(existsSync(link)).toBe(true);
  });
});
