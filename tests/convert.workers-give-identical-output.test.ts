import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/pipeline/validate.js';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

/**
 * `--workers N` spreads parsing, validation and writing over threads; the output must not
 * depend on N: same bytes in every file, same summary, same exit code. The input mixes what
 * forces the scheduler to re-run batches: duplicate ids and DOIs across batches and files,
 * lines holding several documents (ordinals shift), blank and broken lines.
 */

function doc(index: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const title = `Study ${index} of sleep and glycaemic control in adolescents`;
  return {
    id: `pubmed-${1000 + index}`,
    record_format: 'MEDLINE/PubMed',
    format: ['Online', 'Article', 'Text'],
    language: ['English'],
    author: ['Okafor, Chidinma', `Tester, Number ${index}`],
    author_facet: ['Okafor, Chidinma', `Tester, Number ${index}`],
    author_sort: 'Okafor, Chidinma',
    title,
    title_full: title,
    title_fullStr: title,
    description: `Abstract ${index}. ${'Each additional hour of sleep was associated with lower HbA1c. '.repeat(12)}`,
    publisher: ['BioMed Central'],
    publishDate: ['2021'],
    url: [`https://www.ncbi.nlm.nih.gov/pubmed/${30000000 + index}`, `http://dx.doi.org/10.1186/s12902-021-${String(index).padStart(5, '0')}-1`],
    ...overrides,
  };
}

function ndjsonFixture(): string {
  const lines: string[] = [];
  for (let index = 0; index < 900; index++) {
    lines.push(JSON.stringify(doc(index)).replace('}', ',"_version_":1785071094303031300}'));
    if (index % 97 === 5) lines.push('');
    if (index % 151 === 7) lines.push(JSON.stringify(doc(index - 3))); // duplicate id
    if (index % 211 === 11) lines.push(JSON.stringify(doc(index - 1, { id: `other-${index}` }))); // same DOI, other id
    if (index % 173 === 13) lines.push(`[${JSON.stringify(doc(5000 + index))},${JSON.stringify(doc(6000 + index))}]`);
    if (index % 307 === 17) lines.push('{"id": broken');
  }
  return `${lines.join('\r\n')}\r\n`;
}

function filesOf(directory: string): Record<string, string> {
  return Object.fromEntries(readdirSync(directory).sort().map((name) => [name, readFileSync(join(directory, name), 'utf8')]));
}

describe('convert --workers', () => {
  it('writes byte-identical outputs with one thread and with several', async () => {
    const inputs = temporaryDirectory();
    writeFileSync(join(inputs, 'a.ndjson'), ndjsonFixture());
    writeFileSync(join(inputs, 'b.ndjson'), `${JSON.stringify(doc(3))}\n${JSON.stringify(doc(9999))}\n`); // a duplicate across files
    for (const sample of ['catalogue-response.solr.json', 'three records in one file.txt']) copyFileSync(join(PROJECT_ROOT, 'samples', sample), join(inputs, sample));

    const runs = [];
    for (const workers of ['1', '3']) {
      const out = temporaryDirectory();
      const result = await runBibpipe(['convert', inputs, '--to', 'csv,jsonld,medline,ndjson', '--out-dir', out, '--workers', workers, '--log-level', 'warn']);
      runs.push({ result, files: filesOf(out) });
    }
    const [one, three] = runs;
    expect(three!.result.code).toBe(one!.result.code);
    expect(Object.keys(three!.files)).toEqual(Object.keys(one!.files));
    for (const [name, text] of Object.entries(one!.files)) expect(three!.files[name], name).toBe(text);
    // The logs name the same rejected records in the same order (timestamps aside).
    const logs = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => line.replace(/"time":\d+,/, ''));
    expect(logs(three!.result.stderr)).toEqual(logs(one!.result.stderr));

    // The run-wide checks found what reading record by record finds.
    const summary = JSON.parse(one!.files['summary.json']!);
    const reference = await validate({ inputs: [inputs] });
    expect({ read: summary.read, converted: summary.converted, rejected: summary.rejected }).toEqual({
      read: reference.summary.read,
      converted: reference.summary.converted,
      rejected: reference.summary.rejected,
    });
    for (const [code, count] of Object.entries(reference.summary.issues)) expect(summary.issues[code], code).toBe(count);
    expect(summary.issues['id.duplicate']).toBeGreaterThan(5);
    expect(summary.issues['doi.duplicate']).toBeGreaterThan(2);
  });
});
