import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { RUN_STATE_BIN, RUN_STATE_JSON } from '../src/model/run-state.js';
import { MANIFEST_NAME } from '../src/pipeline/output-set.js';
import { convert } from '../src/pipeline/convert.js';
import { temporaryDirectory } from './helpers/cli.js';
import { vufindFixtureFields } from './helpers/scale-corpus.js';
import { splitIso2709 } from './helpers/marc.js';
import { HAS_SHARED, PROJECT_ROOT, sharedPath } from './helpers/shared.js';
import { solrXmlResponse } from './helpers/solr-formats.js';
import { standinDoc } from './helpers/solr-standin.js';

const FORMATS = ['medline', 'jsonld', 'csv', 'ndjson', 'nbib'];
let root: string;
const inputs: Record<string, string> = {};

/**
 * The three inputs a shared file system holds, built from real records: the VuFind fixture
 * documents (three times, under new ids) as line-delimited Solr JSON with a broken line and
 * blank lines among them, the same as one Solr XML response, and the project's Staff View
 * record pages (several times, ids renamed) in one text file, record pages of many
 * locales, with and without sorted staff tables.
 */
async function buildInputs(directory: string): Promise<void> {
  const fixtures = await vufindFixtureFields();
  const docs = [0, 1, 2].flatMap((copy) => fixtures.map((fields) => ({ ...fields, id: copy === 0 ? (fields.id as string) : `${fields.id as string}~${copy}` })));
  const lines = docs.map((fields) => standinDoc(fields).json);
  lines.splice(7, 0, '{"id": "broken", "title": ');
  lines.splice(20, 0, '');
  // A record repeated at the very end (inside the last share for every N): the repeat is
  // rejected naming the first, whose ordinal in the whole file merge must put in.
  lines.push(lines[lines.length - 1]!);
  // Ids repeated far apart (in different shares for most N): converted by their share,
  // rejected by the single run; one of them already rejected for another reason too.
  lines.splice(Math.floor(lines.length / 2), 0, lines[0]!);
  lines.splice(Math.floor((lines.length * 3) / 4), 0, standinDoc({ ...docs[1]!, first_indexed: 'yesterday' }).json);
  inputs.ndjson = join(directory, 'catalogue.ndjson');
  writeFileSync(inputs.ndjson, `${lines.join('\n')}\n`);
  inputs.xml = join(directory, 'catalogue.xml');
  // Records rejected in the middle of the file: a date that is not one.
  const xmlDocs = docs.map((fields, index) => (index % 17 === 3 ? { ...fields, first_indexed: 'yesterday' } : fields));
  const repeated = [...xmlDocs];
  repeated.splice(Math.floor(repeated.length / 2), 0, xmlDocs[0]!);
  repeated.splice(Math.floor((repeated.length * 3) / 4), 0, { ...xmlDocs[1]!, first_indexed: 'yesterday' });
  writeFileSync(inputs.xml, solrXmlResponse([...repeated, xmlDocs[xmlDocs.length - 1]!]));
  const samples = readdirSync(join(PROJECT_ROOT, 'samples')).filter((name) => name.endsWith('.txt')).sort();
  const pages: string[] = [];
  for (let copy = 0; copy < 6; copy++) {
    for (const name of samples) {
      const text = readFileSync(join(PROJECT_ROOT, 'samples', name), 'utf8');
      const renamed = copy === 0 ? text : text.replace(/^id \| ([^|]+?) \|$/gm, (_, id: string) => `id | ${id}-${copy} |`);
      // Some pages are rejected: a first_indexed that is not a date.
      pages.push(pages.length % 5 === 2 ? renamed.replace(/^(id \| [^|]+? \|)$/m, '$1\nfirst_indexed | yesterday |') : renamed);
    }
  }
  pages.push(pages[pages.length - 1]!);
  pages.splice(Math.floor(pages.length / 2), 0, pages[0]!);
  inputs.staffView = join(directory, 'pages.txt');
  writeFileSync(inputs.staffView, pages.join('\n'));
  if (HAS_SHARED) writeFileSync((inputs.marc = join(directory, 'catalogue.mrc')), marcCatalogue());
}

/**
 * VuFind's MARC test records (ISO 2709) with two of them repeated far from their first
 * (rejected as duplicates naming it) and a cut-off record (no leader) in the middle:
 * shares are cut after record terminators.
 */
function marcCatalogue(): Buffer {
  const folder = sharedPath('data/marc/vufind-tests');
  const inFileOrder = readdirSync(folder).filter((name) => name.endsWith('.mrc')).sort().flatMap((name) => splitIso2709(readFileSync(join(folder, name))));
  // Interleaved (a fixed permutation) so that small and large records mix and byte shares hold similar counts.
  const records = inFileOrder.map((_, index) => inFileOrder[(index * 7919) % inFileOrder.length]!);
  const half = Math.floor(records.length / 2);
  return Buffer.concat([...records.slice(0, half), Buffer.from('00100nam a22\x1d', 'latin1'), records[0]!, ...records.slice(half), records[5]!]);
}

function outputs(directory: string): Map<string, Buffer> {
  const skip = new Set([RUN_STATE_JSON, RUN_STATE_BIN, MANIFEST_NAME]);
  return new Map(readdirSync(directory).filter((name) => !skip.has(name)).sort().map((name) => [name, readFileSync(join(directory, name))]));
}

beforeAll(async () => {
  root = temporaryDirectory('bibpipe-file-shards-');
  await buildInputs(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each([
  ['line-delimited Solr JSON', 'ndjson'],
  ['Solr XML', 'xml'],
  ['Staff View text', 'staffView'],
  ...(HAS_SHARED ? [['MARC ISO 2709 (.mrc)', 'marc']] : []),
])('--shard I/N on one big %s file', (_label, kind) => {
  it('N = 1..7 shares partition the records exactly, and merge gives the single run byte for byte', async () => {
    const input = inputs[kind]!;
    const single = join(root, `${kind}-single`);
    await convert({ inputs: [input], to: FORMATS, outDir: single });
    const expected = outputs(single);
    const singleIds = readFileSync(join(single, 'records.ndjson'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(singleIds.length).toBeGreaterThan(20);
    expect(readFileSync(join(single, 'rejects.ndjson'), 'utf8').length, 'the single run rejects records').toBeGreaterThan(0);
    expect(readFileSync(join(single, 'rejects.ndjson'), 'utf8'), 'a repeated id names its first record').toMatch(/"code":"id.duplicate".*"related":\{[^}]*"ordinal":\d+/);
    for (let count = 1; count <= 7; count++) {
      const directories: string[] = [];
      for (let index = 1; index <= count; index++) {
        const outDir = join(root, `${kind}-${count}-${index}`);
        directories.push(outDir);
        // Even N on two worker threads (chunks parsed off the main thread), odd N on one.
        await convert({ inputs: [input], to: FORMATS, outDir, workers: count % 2 === 0 ? 2 : 1, runState: { shard: { kind: 'file-range', index, count } } });
      }
      // Every record in exactly one share: converted or rejected, each position once.
      const positions = (directory: string): string[] =>
        ['records.ndjson', 'rejects.ndjson'].flatMap((name) =>
          readFileSync(join(directory, name), 'utf8').split('\n').filter(Boolean).map((line) => {
            const { source } = JSON.parse(line) as { source: { line?: number; byteOffset?: number } };
            return `${source.line}:${source.byteOffset}`;
          }),
        );
      expect(directories.flatMap(positions).sort(), `N=${count}`).toEqual(positions(single).sort());
      // Really cut: with N shares no share holds nearly everything.
      const perShare = directories.map((directory) => readFileSync(join(directory, 'records.ndjson'), 'utf8').split('\n').filter(Boolean).length);
      expect(Math.max(...perShare), `N=${count}: ${perShare.join(',')}`).toBeLessThanOrEqual(Math.ceil((2 * singleIds.length) / count) + 8);
      const merged = join(root, `${kind}-${count}-merged`);
      await mergeShards({ shards: directories, outDir: merged });
      const actual = outputs(merged);
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      for (const [name, bytes] of expected) {
        if (!actual.get(name)!.equals(bytes)) expect(actual.get(name)!.toString('utf8'), `N=${count} ${name}`).toBe(bytes.toString('utf8'));
      }
      for (const directory of [...directories, merged]) await rm(directory, { recursive: true, force: true });
    }
  });
});
