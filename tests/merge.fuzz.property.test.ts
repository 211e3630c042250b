import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { convert } from '../src/pipeline/convert.js';
import { RUN_STATE_BIN, RUN_STATE_JSON } from '../src/model/run-state.js';
import type { InputFormat } from '../src/read/index.js';
import { readers } from '../src/read/index.js';
import { writers, type OutputFormat } from '../src/write/index.js';
import { expectSameOutputs, outputs } from './helpers/merge-outputs.js';
import { iso2709, marcInJson } from './helpers/marc-serialize.js';
import { PROJECT_ROOT } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * Fuzz targets for merge, driven by the reader registry: for every reader that declares how
 * `--shard` cuts its files, random inputs of that format (records with hostile titles, ids
 * repeated near and far, garbage between records: broken lines, cut-off MARC records,
 * comments and CDATA holding the start tag) cut into N = 1..7 shards; then
 *
 * - N shard runs + merge == one run, byte for byte in every output format and count for count;
 * - a mutated shard set (a shard dropped or given twice, an edited summary, two shards' run
 *   states swapped, bytes added to a shard's file, a bit flipped in a run state) is refused, or (a swap of two shards that
 *   read nothing) merges into the single run's outputs: never a silent loss.
 *
 * Seeds are fixed and printed in the suite's name; FUZZ_SEED=<n> explores others.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_MERGE_RUNS ?? 6);
const FORMATS = writers.map((writer) => writer.name as OutputFormat);

interface Item {
  id: string;
  title: string;
  /** Garbage before the record, of the format's own kind. */
  garbage: boolean;
}

const idText = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,11}$/);
const titleText = fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom(...'abcXYZ 019.,;:-()"\'&<>/é中ß\\'.split('')) }).filter((text) => text.trim() !== '');
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const staffViewPage = readFileSync(join(PROJECT_ROOT, 'samples', 'a record with one author.txt'), 'utf8');

function marcRecord(item: Item): Parameters<typeof iso2709>[0] {
  return {
    leader: '00000nam a2200000 a 4500',
    fields: [{ tag: '001', value: item.id }, { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: item.title }] }],
  };
}

/** The bytes of a file of each shard-cut format: one encoder per reader name. A reader the registry gains without one fails the suite. */
const ENCODERS: Record<string, (items: readonly Item[]) => Buffer> = {
  'solr-json': (items) => Buffer.from(items.map((item) => `${item.garbage ? `{"id": "${item.id}", "title": \n` : ''}${JSON.stringify({ id: item.id, title: item.title, format: ['Article'] })}\n`).join('')),
  'solr-xml': (items) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<result name="response" numFound="${items.length}" start="0">\n${items
    .map((item) => `${item.garbage ? '<!-- <doc><str name="id">x</str></doc> <doc -->\n' : ''}<doc><str name="id">${xml(item.id)}</str><str name="title">${item.garbage ? `<![CDATA[${item.title.replace(/]]>/g, '')} <doc>]]>` : xml(item.title)}</str></doc>\n`)
    .join('')}</result>\n</response>\n`),
  'staff-view': (items) => Buffer.from(items.map((item) => `${item.garbage ? 'id | | broken |\n' : ''}${staffViewPage.replace(/^id \| [^|]+ \|$/m, `id | ${item.id} |`)}`).join('\n')),
  marc: (items) => Buffer.concat(items.flatMap((item) => [...(item.garbage ? [Buffer.from('00100nam a22\x1d', 'latin1')] : []), Buffer.from(iso2709(marcRecord(item)))])),
  'marc-json': (items) => Buffer.from(items.map((item) => `${item.garbage ? '{"leader": \n' : ''}${marcInJson(marcRecord(item)).trimEnd()}\n`).join('')),
  marcxml: (items) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n${items
    .map((item) => `${item.garbage ? '<!-- <record> -->\n' : ''}<record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">${xml(item.id)}</controlfield><datafield tag="245" ind1="1" ind2="0"><subfield code="a">${xml(item.title)}</subfield></datafield></record>\n`)
    .join('')}</collection>\n`),
};

const SHARDED = readers.filter((reader) => reader.shards !== undefined);

/** Records with ids that repeat (an earlier id, near or far) and garbage here and there. */
const itemsArbitrary: fc.Arbitrary<Item[]> = fc
  .array(fc.record({ id: idText, title: titleText, garbage: fc.boolean(), repeat: fc.option(fc.nat(), { freq: 5 }) }), { minLength: 1, maxLength: 24 })
  .map((drafts) => drafts.map(({ repeat, ...item }, index) => (repeat !== null && index > 0 ? { ...item, id: drafts[repeat % index]!.id } : item)));

let root: string;
let caseNumber = 0;
beforeAll(() => {
  root = temporaryDirectory('bibpipe-merge-fuzz-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The single run and N shard runs of one input, in a folder of their own. */
async function runCase(reader: string, items: readonly Item[], count: number): Promise<{ folder: string; single: string; shards: string[] }> {
  const folder = join(root, `case-${++caseNumber}`);
  const input = join(folder, 'input');
  mkdirSync(folder);
  writeFileSync(input, ENCODERS[reader]!(items));
  const from = reader as InputFormat;
  const single = join(folder, 'single');
  await convert({ inputs: [input], from, to: FORMATS, outDir: single });
  const shards: string[] = [];
  for (let index = 1; index <= count; index++) {
    const outDir = join(folder, `shard-${index}`);
    await convert({ inputs: [input], from, to: FORMATS, outDir, runState: { shard: { kind: 'file-range', index, count } } });
    shards.push(outDir);
  }
  return { folder, single, shards };
}

const summaryOf = (directory: string): Record<string, unknown> => JSON.parse(readFileSync(join(directory, 'summary.json'), 'utf8'));

describe(`merge fuzzing (${RUNS} cases per reader and target, seed ${SEED})`, () => {
  it('every reader that declares shard cuts has an input encoder here', () => {
    expect(SHARDED.map((reader) => reader.name).filter((name) => ENCODERS[name] === undefined)).toEqual([]);
  });

  for (const reader of SHARDED) {
    it(`${reader.name}: N = 1..7 shards + merge == one run, byte for byte and count for count`, async () => {
      await fc.assert(
        fc.asyncProperty(itemsArbitrary, fc.integer({ min: 1, max: 7 }), async (items, count) => {
          const { folder, single, shards } = await runCase(reader.name, items, count);
          const read = shards.reduce((sum, shard) => sum + (summaryOf(shard).read as number), 0);
          expect(read, 'records read over the shards').toBe(summaryOf(single).read);
          const merged = join(folder, 'merged');
          const result = await mergeShards({ shards, outDir: merged });
          expect(result.summary).toEqual(summaryOf(single));
          expectSameOutputs(merged, outputs(single), `${reader.name} N=${count}`);
          await rm(folder, { recursive: true, force: true });
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  const mutations = ['drop a shard', 'give a shard twice', 'edit a summary', 'swap two run states', 'add bytes to a file', 'flip a bit of a run state'] as const;
  it('a mutated shard set is refused, or merges into the single run: never a silent loss', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SHARDED.map((reader) => reader.name)), itemsArbitrary, fc.integer({ min: 2, max: 5 }), fc.constantFrom(...mutations), fc.nat(), fc.nat(), async (reader, items, count, mutation, pickA, pickB) => {
        const { folder, single, shards } = await runCase(reader, items, count);
        const a = pickA % count;
        const b = (a + 1 + (pickB % (count - 1))) % count;
        let set = [...shards];
        if (mutation === 'drop a shard') set.splice(a, 1);
        if (mutation === 'give a shard twice') set = [...shards, shards[a]!];
        if (mutation === 'edit a summary') {
          for (const name of [RUN_STATE_JSON, 'summary.json']) {
            const path = join(shards[a]!, name);
            const json = JSON.parse(readFileSync(path, 'utf8'));
            const summary = name === RUN_STATE_JSON ? json.summary : json;
            summary.read += 1;
            summary.converted += 1;
            writeFileSync(path, JSON.stringify(json));
          }
        }
        if (mutation === 'swap two run states') {
          for (const name of [RUN_STATE_JSON, RUN_STATE_BIN]) {
            renameSync(join(shards[a]!, name), join(folder, 'swap'));
            renameSync(join(shards[b]!, name), join(shards[a]!, name));
            renameSync(join(folder, 'swap'), join(shards[b]!, name));
          }
        }
        if (mutation === 'add bytes to a file') appendFileSync(join(shards[a]!, 'rejects.ndjson'), '{"x":1}\n');
        if (mutation === 'flip a bit of a run state') {
          const path = join(shards[a]!, RUN_STATE_BIN);
          const bytes = readFileSync(path);
          // A shard that read nothing has no entries: its run-state.json is flipped instead (a digit of a count).
          if (bytes.length > 0) bytes[pickB % bytes.length]! ^= 1 << (pickB % 8);
          writeFileSync(path, bytes);
          if (bytes.length === 0) writeFileSync(join(shards[a]!, RUN_STATE_JSON), readFileSync(join(shards[a]!, RUN_STATE_JSON), 'utf8').replace('"records": 0', '"records": 1'));
        }
        const merged = join(folder, 'merged');
        const outcome = await mergeShards({ shards: set, outDir: merged }).then(() => 'merged', (error: Error) => error.message);
        if (outcome === 'merged') {
          expect(mutation, 'only a swap of two shards can be harmless').toBe('swap two run states');
          expectSameOutputs(merged, outputs(single), `${reader} N=${count} ${mutation}`);
        } else {
          expect(outcome).toMatch(/merge|run-state|belong together|ends at byte/);
        }
        await rm(folder, { recursive: true, force: true });
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  });
});
