import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * .nbib kept raw NUL, ESC, U+202E (bidi override) and U+0085 (NEL): a NEL or a NUL breaks a
 * tagged line for some readers, an override reorders what a reader shows. No output writes
 * them raw now: MEDLINE XML, .nbib and CSV leave them out (NEL becomes a space), NDJSON and
 * JSON-LD escape them (the value read back is the value given), and the record says so
 * with one rule, value.control-character.
 */
const CONTROLS = ['\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066'];
const TITLE = `Ketamine${CONTROLS.join('x')} and depression`;
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const RECORD = {
  id: 'pubmed-1',
  record_format: 'MEDLINE/PubMed',
  format: ['Article'],
  language: ['English'],
  author: [`Tanaka\u0085, Hiroshi\u202e`],
  title: TITLE,
  title_full: TITLE,
  publishDate: ['2018'],
  container_title: `Heart\u001b[2J Journal`,
  url: ['https://pubmed.ncbi.nlm.nih.gov/29000001/'],
};

describe('control and bidi characters in every output', () => {
  it('are never written raw; the text outputs leave them out, the JSON outputs keep them escaped', async () => {
    const out = join(temporaryDirectory('bibpipe-controls-'), 'out');
    const summary = await convert({ inputs: [{ name: 'r.ndjson', text: `${JSON.stringify(RECORD)}\n` }], to: ['medline', 'nbib', 'csv', 'ndjson', 'jsonld'], outDir: out, workers: 1 });
    expect(summary.converted).toBe(1);
    expect(summary.issues['value.control-character']).toBeGreaterThanOrEqual(1);
    for (const name of ['medline.xml', 'records.nbib', 'records.csv', 'records.ndjson', 'records.jsonld']) {
      const text = readFileSync(join(out, name), 'utf8');
      expect(RAW.exec(text)?.[0], name).toBeUndefined();
    }
    const nbib = readFileSync(join(out, 'records.nbib'), 'utf8');
    expect(nbib).toContain('TI  - Ketaminexxx xxx and depression.');
    for (const line of nbib.split('\n')) expect(line === '' || /^[A-Z ]{4}- |^ {6}\S/.test(line), line).toBe(true);
    expect(nbib).toMatch(/^FAU - Tanaka ?, Hiroshi$/m);
    expect(readFileSync(join(out, 'medline.xml'), 'utf8')).toContain('<ArticleTitle>Ketaminexxx xxx and depression.</ArticleTitle>');
    expect(readFileSync(join(out, 'records.csv'), 'utf8')).toContain('Ketaminexxx xxx and depression');
    const ndjson = JSON.parse(readFileSync(join(out, 'records.ndjson'), 'utf8')) as { title: string };
    expect(ndjson.title).toBe(TITLE);
    const jsonld = JSON.parse(readFileSync(join(out, 'records.jsonld'), 'utf8')) as Array<{ name?: string; headline?: string }>;
    expect(JSON.stringify(jsonld)).toContain(JSON.stringify(TITLE).slice(1, -1));
  });
});
