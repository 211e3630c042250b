import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';

/**
 * convert writes its output directory as one set (src/pipeline/output-set.ts): every file,
 * summary.json included, is put in place together, never through a planted link, and a
 * file an earlier run wrote but this run does not is removed.
 */
const withPmid = JSON.stringify({ id: 'p1', title: 'An article', format: ['Article'], url: ['https://pubmed.ncbi.nlm.nih.gov/37424412/'], container_title: 'Clinical Psychopharmacology and Neuroscience' });
const book = JSON.stringify({ id: 'b1', title: 'A book', format: ['Book'] });

describe('convert commits its output directory as one set', () => {
  it('removes a medline.xml an earlier run wrote when this run writes none, and says medline 0', async () => {
    const dir = temporaryDirectory();
    const out = join(dir, 'out');
    const first = await runBibpipe(['convert', '-', '--to', 'medline,csv', '--out-dir', out], { input: `${withPmid}\n` });
    expect(first.code).toBe(0);
    expect(existsSync(join(out, 'medline.xml'))).toBe(true);
    const second = await runBibpipe(['convert', '-', '--to', 'medline,csv', '--out-dir', out], { input: `${book}\n` });
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).written.medline).toBe(0);
    expect(existsSync(join(out, 'medline.xml'))).toBe(false);
    expect(readFileSync(join(out, 'records.csv'), 'utf8')).toContain('b1');
  });

  it('never writes through a link planted at an output name', async () => {
    const dir = temporaryDirectory();
    const out = join(dir, 'out');
    await runBibpipe(['convert', '-', '--to', 'csv', '--out-dir', out], { input: `${book}\n` });
    const target = join(dir, 'precious.txt');
    writeFileSync(target, 'keep me');
    const { rmSync } = await import('node:fs');
    rmSync(join(out, 'summary.json'));
    symlinkSync(target, join(out, 'summary.json'));
    const run = await runBibpipe(['convert', '-', '--to', 'csv', '--out-dir', out], { input: `${book}\n` });
    expect(run.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).read).toBe(1);
  });
});

describe('an empty input among others', () => {
  it('is named in the run log as empty, and the other inputs are read', async () => {
    const dir = temporaryDirectory();
    const empty = join(dir, 'empty.ndjson');
    const full = join(dir, 'full.ndjson');
    writeFileSync(empty, '');
    writeFileSync(full, `${book}\n`);
    const run = await runBibpipe(['convert', empty, full, '--to', 'csv', '--out-dir', join(dir, 'out'), '--log-level', 'info']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${empty}: empty input (0 bytes): no records`);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')).read).toBe(1);
  });
});
