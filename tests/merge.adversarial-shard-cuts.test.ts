import { writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { convert } from '../src/pipeline/convert.js';
import { expectSameOutputs, outputs } from './helpers/merge-outputs.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * The merge invariant (N shards + merge == one run, byte for byte and count for count) on
 * Solr XML that a byte search for `<doc` cuts wrongly: `<doc` inside CDATA sections and
 * comments, child documents nested in their parent (Solr's [child] transformer), and more
 * than 64 KB of facets after the last document. N = 1..7.
 */

const FORMATS = ['ndjson', 'csv'] as const;
let root: string;
const inputs: Record<string, string> = {};

const field = (name: string, value: string): string => `<str name="${name}">${value}</str>`;
const doc = (id: string, extra = ''): string => `<doc>${field('id', id)}${field('title', `Title ${id}`)}<arr name="format"><str>Article</str></arr>${extra}</doc>\n`;

function response(body: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<lst name="responseHeader"><int name="status">0</int></lst>\n<result name="response" numFound="0" start="0">\n${body}</result>\n${after}</response>\n`;
}

beforeAll(() => {
  root = temporaryDirectory('bibpipe-adversarial-cuts-');
  const cdata = Array.from({ length: 300 }, (_, index) => doc(`c${index}`, field('note', `<![CDATA[ <doc><str name="id">fake-${index}</str></doc> <doc ]]>`))).join('');
  inputs.cdata = join(root, 'cdata.xml');
  writeFileSync(inputs.cdata, response(cdata));
  const comments = Array.from({ length: 300 }, (_, index) => `<!-- <doc> a commented-out record ${index} <doc id="x"> -->\n${doc(`m${index}`)}`).join('');
  inputs.comments = join(root, 'comments.xml');
  writeFileSync(inputs.comments, response(comments));
  // Each parent holds child documents, as Solr writes them with fl=*,[child].
  const nested = Array.from({ length: 200 }, (_, index) => {
    const children = Array.from({ length: 3 }, (_, child) => `<doc>${field('id', `p${index}-child${child}`)}${field('title', 'A child')}</doc>`).join('');
    return doc(`p${index}`, children);
  }).join('');
  inputs.nested = join(root, 'nested.xml');
  writeFileSync(inputs.nested, response(nested));
  const facets = `<lst name="facet_counts"><lst name="facet_fields"><lst name="format">${Array.from({ length: 4000 }, (_, index) => `<int name="value-${index}">${index}</int>`).join('')}</lst></lst></lst>\n`;
  inputs.facets = join(root, 'facets.xml');
  writeFileSync(inputs.facets, response(Array.from({ length: 300 }, (_, index) => doc(`f${index}`)).join(''), facets));
});


describe.each([
  ['<doc inside CDATA sections', 'cdata', 300],
  ['<doc inside comments', 'comments', 300],
  ['child documents nested in their parent', 'nested', 200],
  ['more than 64 KB of facets after the last document', 'facets', 300],
])('--shard I/N on Solr XML with %s', (_label, kind, records) => {
  it('N = 1..7: merge gives the single run byte for byte and count for count', async () => {
    const input = inputs[kind]!;
    const single = join(root, `${kind}-single`);
    const summary = await convert({ inputs: [input], to: FORMATS, outDir: single });
    expect(summary.read).toBe(records);
    expect(summary.converted + summary.rejected).toBe(records);
    const expected = outputs(single);
    for (let count = 1; count <= 7; count++) {
      const directories: string[] = [];
      let read = 0;
      for (let index = 1; index <= count; index++) {
        const outDir = join(root, `${kind}-${count}-${index}`);
        directories.push(outDir);
        read += (await convert({ inputs: [input], to: FORMATS, outDir, runState: { shard: { kind: 'file-range', index, count } } })).read;
      }
      // Count for count: no record lost, none invented (an empty share reads nothing).
      expect(read, `N=${count}: records read over the shares`).toBe(records);
      const merged = join(root, `${kind}-${count}-merged`);
      await mergeShards({ shards: directories, outDir: merged });
      expectSameOutputs(merged, expected, `N=${count}`);
      for (const directory of [...directories, merged]) await rm(directory, { recursive: true, force: true });
    }
  });
});
