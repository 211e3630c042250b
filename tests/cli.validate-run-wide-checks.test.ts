import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';

const article = (id: string, doi?: string): string =>
  JSON.stringify({ id, title: `Article ${id}`, format: ['Article'], language: ['English'], publishDate: ['2020'], ...(doi ? { url: [`https://doi.org/${doi}`] } : {}) });

describe('validate: checks over the whole run', () => {
  it('reports a DOI shared by two different ids, and a config can make it an error', async () => {
    const input = [article('a1', '10.1000/same'), article('a2', '10.1000/SAME'), article('a3', '10.1000/other')].join('\n');
    const plain = await runBibpipe(['validate', '-', '--reporter', 'json'], { input });
    const report = JSON.parse(plain.stdout);
    expect(report.issues.filter((i: { code: string }) => i.code === 'doi.duplicate').map((i: { recordId: string }) => i.recordId)).toEqual(['a2']);
    expect(plain.code).toBe(0);

    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'bibpipe.config.json'), JSON.stringify({ rules: { 'doi.duplicate': 'error' } }));
    const strict = await runBibpipe(['validate', '-', '--reporter', 'json'], { input, cwd: dir });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).summary.rejected).toBe(1);
  });

  it('fails when a configured fill rate is not reached', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'bibpipe.config.json'), JSON.stringify({ fillRates: [{ field: 'doi', type: 'article', minimum: 0.95 }] }));
    const input = [article('b1', '10.1000/x1'), article('b2'), article('b3', '10.1000/x3'), article('b4')].join('\n');
    const result = await runBibpipe(['validate', '-', '--reporter', 'json'], { input, cwd: dir });
    const report = JSON.parse(result.stdout);
    const fill = report.issues.filter((i: { code: string }) => i.code === 'fill-rate.below-minimum');
    expect(fill).toHaveLength(1);
    expect(fill[0].message).toMatch(/50/);
    expect(result.code).toBe(1);
  });
});

describe('convert applies the same run-wide config as validate', () => {
  it('counts a fill rate below its minimum and leaves ignored records out of the counts', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'bibpipe.config.json'), JSON.stringify({ fillRates: [{ field: 'doi', type: 'article', minimum: 0.95 }], ignore: ['c2'] }));
    // c2 and c3 share a DOI: the finding is c3's, and c2's own findings are ignored.
    const input = [article('c1', '10.1000/y1'), article('c2', '10.1000/dup'), article('c3', '10.1000/dup'), article('c4')].join('\n');
    const validated = JSON.parse((await runBibpipe(['validate', '-', '--reporter', 'json'], { input, cwd: dir })).stdout);
    const converted = await runBibpipe(['convert', '-', '--to', 'csv', '--out-dir', join(dir, 'out')], { input, cwd: dir });
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.issues['fill-rate.below-minimum']).toBe(1);
    expect(summary.issues['doi.duplicate']).toBe(1);
    expect(summary.severities).toEqual(validated.summary.severities);
    expect(summary.issues).toEqual(validated.summary.issues);
    expect(converted.code).toBe(0);
  });

  it('validate gives the same report with one thread and with two', async () => {
    const input = Array.from({ length: 400 }, (_, index) => article(`d${index % 350}`, `10.1000/z${index % 300}`)).join('\n');
    const one = await runBibpipe(['validate', '-', '--reporter', 'json', '--workers', '1'], { input });
    const two = await runBibpipe(['validate', '-', '--reporter', 'json', '--workers', '2'], { input });
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
  });
});
