import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writers } from '../src/write/index.js';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const GOOD = '{"id":"good-1","title":"A title","title_full":"A title","title_fullStr":"A title","format":["Book"],"language":["English"],"publishDate":["1999"]}';
const NO_ID = '{"title":"No id here","format":["Book"]}';

describe('a run over inputs that hold no record at all', () => {
  const emptyInputs = (): Array<{ what: string; args: string[]; input?: string }> => {
    const emptyDir = temporaryDirectory('bibpipe-empty-');
    const readmeOnly = temporaryDirectory('bibpipe-readme-only-');
    writeFileSync(join(readmeOnly, 'README.md'), '# An export that failed\n');
    return [
      { what: 'an empty directory', args: [emptyDir] },
      { what: 'empty stdin', args: ['-'], input: '' },
      { what: 'a folder holding only a README', args: [readmeOnly] },
    ];
  };

  for (const command of [['validate'], ['stats'], ['convert', '--to', 'ndjson']]) {
    it(`${command[0]} exits 2 with one line, and 0 with --allow-empty`, async () => {
      for (const { what, args, input } of emptyInputs()) {
        const refused = await runBibpipe([...command, ...args], { input });
        expect(refused.code, `${command[0]} on ${what}`).toBe(2);
        // The summary line is left out; convert's engine may log that no output file was written.
        const lines = refused.stderr.trim().split('\n').filter((line) => !line.includes('no record could be written'));
        expect(lines, refused.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(/^bibpipe: error: no records found in .* \(give --allow-empty when an empty export is normal\)$/);
        const allowed = await runBibpipe([...command, ...args, '--allow-empty'], { input });
        expect(allowed.code, `${command[0]} --allow-empty on ${what}: ${allowed.stderr}`).toBe(0);
      }
    });
  }

  it('a run with records but all of them rejected is not "empty": it exits 1', async () => {
    const result = await runBibpipe(['validate', '-'], { input: `${NO_ID}\n` });
    expect(result.code).toBe(1);
  });
});

describe('convert never reads its own outputs', () => {
  it('a second run with --out-dir inside the input directory reads the same records as the first', async () => {
    const dir = temporaryDirectory('bibpipe-own-outputs-');
    writeFileSync(join(dir, 'records.ndjson'), `${GOOD}\n${GOOD.replace('good-1', 'good-2')}\n`);
    const runs = [];
    for (let run = 0; run < 2; run++) {
      const result = await runBibpipe(['convert', '.', '--to', 'ndjson,csv,jsonld', '--out-dir', 'out', '--rejects', 'rejects-elsewhere.ndjson'], { cwd: dir });
      runs.push(result);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'))).toMatchObject({ read: 2, converted: 2, rejected: 0 });
    }
    expect(runs[1]?.stderr).toContain('read 2, converted 2, rejected 0');
  });

  it('a file inside the out-dir named explicitly is still read', async () => {
    const dir = temporaryDirectory('bibpipe-own-outputs-');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'a.ndjson'), `${GOOD}\n`);
    writeFileSync(join(dir, 'out', 'records.ndjson'), `${GOOD.replace('good-1', 'good-9')}\n`);
    const byDirectory = await runBibpipe(['convert', '.', '--to', 'csv', '-o', 'out'], { cwd: dir });
    expect(byDirectory.stderr).toContain('read 1,');
    const named = await runBibpipe(['convert', 'a.ndjson', 'out/records.ndjson', '--to', 'csv', '-o', 'out'], { cwd: dir });
    expect(named.stderr).toContain('read 2,');
  });
});

describe('an output with no record is not written, the same for every format', () => {
  it('writes no format file when every record is rejected, and says so', async () => {
    const dir = temporaryDirectory('bibpipe-no-records-out-');
    const result = await runBibpipe(['convert', '-', '--to', writers.map((writer) => writer.name).join(','), '--out-dir', dir, '--log-level', 'warn'], { input: `${NO_ID}\n` });
    expect(result.code).toBe(1);
    expect(readdirSync(dir).filter((name) => !name.startsWith('.')).sort()).toEqual(['rejects.ndjson', 'skipped.ndjson', 'summary.json']);
    for (const format of writers.map((writer) => writer.name)) expect(result.stderr).toMatch(new RegExp(`${format}: no record could be written`));
  });

  it('writes a format file exactly when the format got at least one record', async () => {
    const dir = temporaryDirectory('bibpipe-some-records-out-');
    // The book has no PMID: MEDLINE and .nbib skip it, the other formats write it.
    const inputs = ['a book with an ISBN.txt', 'a record with one author.txt'].map((name) => join(PROJECT_ROOT, 'samples', name));
    for (const input of inputs) {
      const out = join(dir, input.length.toString());
      const result = await runBibpipe(['convert', input, '--to', writers.map((writer) => writer.name).join(','), '--out-dir', out]);
      expect(result.code, result.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { written: Record<string, number> };
      for (const { name: format, fileName } of writers) {
        expect(existsSync(join(out, fileName)), `${format} for ${input}`).toBe((summary.written[format] ?? 0) > 0);
      }
    }
  });
});
