import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const GOOD = '{"id":"good-1","title":"A title","title_full":"A title","title_fullStr":"A title","format":["Book"],"language":["English"],"publishDate":["1999"]}';
const NO_ID = '{"title":"No id here","format":["Book"]}';

describe('CLI exit codes and streams', () => {
  it('convert to stdout keeps data on stdout and the summary on stderr', async () => {
    const result = await runBibpipe(['convert', '-', '--to', 'ndjson'], { input: `${GOOD}\n` });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim()).id).toBe('good-1');
    expect(result.stderr).toContain('read 1, converted 1, rejected 0');
  });

  it('convert exits 1 when a record is rejected, and the reject keeps its position and reason', async () => {
    const dir = temporaryDirectory();
    const result = await runBibpipe(['convert', '-', '--to', 'csv', '--out-dir', dir], { input: `${GOOD}\n${NO_ID}\n` });
    expect(result.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ read: 2, converted: 1, rejected: 1 });
    const reject = JSON.parse(readFileSync(join(dir, 'rejects.ndjson'), 'utf8').trim());
    expect(reject.source).toMatchObject({ file: '-', line: 2 });
    expect(reject.issues.map((i: { code: string }) => i.code)).toContain('id.missing');
    expect(reject.fields.title).toBe('No id here');
  });

  it('validate exits 0 on clean records and 1 on an error, with a JSON report', async () => {
    const clean = await runBibpipe(['validate', '-', '--reporter', 'json'], { input: `${GOOD}\n` });
    expect(clean.code).toBe(0);
    const bad = await runBibpipe(['validate', '-', '--reporter', 'json'], { input: `${GOOD}\n${NO_ID}\n` });
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.summary.severities.error).toBeGreaterThan(0);
    expect(report.issues.some((i: { code: string }) => i.code === 'id.missing')).toBe(true);
  });

  it('usage errors give one line and exit 2, no stack trace', async () => {
    for (const args of [
      ['convert', 'does-not-exist.json', '--to', 'csv'],
      ['convert', '-', '--to', 'nosuchformat'],
      ['convert', '-', '--to', 'csv,ndjson'],
      ['frobnicate'],
    ]) {
      const result = await runBibpipe(args, { input: `${GOOD}\n` });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('an unwritable --out-dir is a usage error', async () => {
    const dir = temporaryDirectory();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const result = await runBibpipe(['convert', '-', '--to', 'csv', '--out-dir', join(file, 'sub')], { input: `${GOOD}\n` });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an --out-dir that cannot exist fails fast instead of hanging (Node\'s recursive mkdir never settles under /proc)', async () => {
    const result = await runBibpipe(['convert', '-', '--to', 'csv', '--out-dir', '/proc/bibpipe-no-such-dir'], { input: `${GOOD}\n` });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot create output directory');
  });

  it('npm start converts every bundled sample into out/ with nothing rejected', async () => {
    const dir = temporaryDirectory();
    const result = await runBibpipe(['convert', join(PROJECT_ROOT, 'samples'), '--to', 'medline,jsonld,csv,ndjson', '--out-dir', dir]);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.rejected, result.stderr).toBe(0);
    expect(summary.read).toBeGreaterThanOrEqual(8);
    expect(summary.written.medline).toBeGreaterThanOrEqual(2);
    expect(result.code).toBe(0);
  });
});
