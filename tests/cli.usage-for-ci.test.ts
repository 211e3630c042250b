import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../src/pipeline/validate.js';
import { runInProcess } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * What a new user or a CI job meets first: a typo in a flag, the wrong --from, a folder with
 * notes and photos beside the exports, a CI log (stderr that is not a terminal), a mistyped
 * input next to --out-dir.
 */

const RECORD = '{"id":"r1","title":"T","title_full":"T","title_fullStr":"T","format":["Book"]}';
const REJECTED = '{"title":"no id"}';

function exportFolder(): string {
  const dir = temporaryDirectory('bibpipe-usage-');
  mkdirSync(join(dir, 'exports'));
  writeFileSync(join(dir, 'exports', 'records.ndjson'), `${RECORD}\n`);
  writeFileSync(join(dir, 'exports', 'notes.txt'), 'Exported on Monday; ask Anna about the 2019 batch.\n');
  writeFileSync(join(dir, 'exports', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
  writeFileSync(join(dir, 'exports', 'config.json'), '{"rules": {"doi.invalid": "off"}, "maxWarnings": 3}\n');
  return dir;
}

describe('usage errors name the problem', () => {
  it('an unknown flag is named (with the flag it resembles), not reported as a missing --to', async () => {
    const run = await runInProcess(['convert', 'x.ndjson', '--too', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--too'");
    expect(run.stderr).toContain('--to');
    expect(run.stderr).not.toContain('not specified');
    // Option values that look like flags are values, and help still works.
    expect((await runInProcess(['validate', '--help'])).code).toBe(0);
  });

  it('a --from that does not fit the content says which format it looks like', async () => {
    const dir = temporaryDirectory('bibpipe-usage-');
    writeFileSync(join(dir, 'a.ndjson'), `${RECORD}\n`);
    const run = await runInProcess(['validate', join(dir, 'a.ndjson'), '--from', 'solr-xml', '--workers', '1', '-q']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'a.ndjson')}: read as solr-xml (--from), but the content looks like solr-json: try --from solr-json`);
  });

  it('a missing input with --out-dir is a usage error that creates no output directory', async () => {
    const dir = temporaryDirectory('bibpipe-usage-');
    const run = await runInProcess(['convert', join(dir, 'missing.json'), '--to', 'csv', '--out-dir', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Input not found');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('files in a folder that are not catalogue exports', () => {
  it('are skipped with one counted line, not read as rejected records; named on their own they are read', async () => {
    const dir = exportFolder();
    const run = await runInProcess(['validate', join(dir, 'exports'), '--reporter', 'json', '--workers', '1', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as ValidationResult;
    expect(json.summary.read).toBe(1);
    expect(json.issues).toEqual([]);
    const skipped = run.stderr.split('\n').filter((line) => line.includes('not catalogue exports'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain('skipped 3 files that are not catalogue exports');
    for (const name of ['config.json', 'notes.txt', 'photo.jpg']) expect(skipped[0]).toContain(join(dir, 'exports', name));
    const named = await runInProcess(['validate', join(dir, 'exports', 'notes.txt'), '--workers', '1', '-q', '--reporter', 'json']);
    expect((JSON.parse(named.stdout) as ValidationResult).issues.map((issue) => issue.code)).toEqual(['read.unsupported-input']);
  });

  it('--exclude GLOB leaves files out, by name or by path', async () => {
    const dir = exportFolder();
    writeFileSync(join(dir, 'exports', 'old.ndjson'), `${RECORD.replace('r1', 'old-1')}\n`);
    const all = await runInProcess(['validate', join(dir, 'exports'), '--workers', '1', '-q', '--reporter', 'json']);
    expect((JSON.parse(all.stdout) as ValidationResult).summary.read).toBe(2);
    for (const pattern of ['old.*', '**/exports/old.ndjson']) {
      const run = await runInProcess(['validate', join(dir, 'exports'), '--exclude', pattern, '--exclude', '*.txt', '--workers', '1', '-q', '--reporter', 'json']);
      expect(run.code, pattern).toBe(0);
      expect((JSON.parse(run.stdout) as ValidationResult).summary.read).toBe(1);
    }
  });
});

describe('logs in a CI log (stderr is not a terminal)', () => {
  it('are readable lines; --log-format json gives pino JSON lines', async () => {
    const dir = temporaryDirectory('bibpipe-usage-');
    writeFileSync(join(dir, 'a.ndjson'), `${RECORD}\n${REJECTED}\n`);
    const readable = await runInProcess(['convert', join(dir, 'a.ndjson'), '--to', 'csv', '--workers', '1', '-q']);
    expect(readable.stderr).toContain('bibpipe warn: record rejected: The record has no id');
    expect(readable.stderr).not.toContain('"level"');
    const json = await runInProcess(['convert', join(dir, 'a.ndjson'), '--to', 'csv', '--workers', '1', '-q', '--log-format', 'json']);
    const entry = JSON.parse(json.stderr.trim().split('\n')[0]!) as { level: number; msg: string };
    expect(entry).toMatchObject({ level: 40 });
    expect(entry.msg).toContain('record rejected');
  });
});
