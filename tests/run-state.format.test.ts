import { execFileSync } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RUN_STATE_BIN, RUN_STATE_JSON, type RunStateRecord } from '../src/model/run-state.js';
import { checkStateBytes, readRunState, RunStateReader, RunStateWriter } from '../src/pipeline/run-state/codec.js';
import { fingerprint, loadFingerprints } from '../src/pipeline/fingerprint-table.js';
import { OutputSet } from '../src/pipeline/output-set.js';
import { temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

const HEADER = {
  shard: { kind: 'solr-hash' as const, index: 2, count: 3 },
  cwd: '/work',
  inputs: [{ name: 'solr+http://127.0.0.1:1/solr/biblio', kind: 'solr' as const, query: '[]' }, { name: 'b.ndjson', kind: 'file' as const, size: 10 }],
  settings: { formats: ['csv', 'ndjson'], writerOptions: {} },
};

const recordArbitrary: fc.Arbitrary<RunStateRecord> = fc.record({
  input: fc.integer({ min: 0, max: 1 }),
  ordinal: fc.nat({ max: 2 ** 40 }),
  line: fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: undefined }),
  byteOffset: fc.option(fc.nat({ max: 2 ** 52 }), { nil: undefined }),
  id: fc.option(fc.string({ unit: 'binary', maxLength: 300 }), { nil: undefined }),
  idKey: fc.option(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })), { nil: undefined }),
  doiKey: fc.option(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })), { nil: undefined }),
  pmidKey: fc.option(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })), { nil: undefined }),
  converted: fc.boolean(),
  idDuplicate: fc.boolean(),
  doiDuplicate: fc.boolean(),
  pmidDuplicate: fc.boolean(),
  outputBytes: fc.tuple(fc.nat({ max: 2 ** 31 }), fc.nat({ max: 2 ** 20 })),
  rejectBytes: fc.nat({ max: 2 ** 31 }),
  skippedBytes: fc.nat(),
  issues: fc.array(fc.tuple(fc.constantFrom('id.duplicate', 'doi.duplicate', 'medline.no-pmid', 'field.unknown'), fc.constantFrom('error' as const, 'warning' as const, 'info' as const)), { maxLength: 5 }),
  fillCounted: fc.nat({ max: 2 ** 30 }),
  fillFilled: fc.nat({ max: 2 ** 30 }),
}).map(({ issues, ...record }) => ({ ...record, issueCodes: issues.map(([code]) => code), issueSeverities: issues.map(([, severity]) => severity) }));

async function roundTrip(records: readonly RunStateRecord[]): Promise<{ directory: string; back: ReturnType<RunStateReader['next']>[] }> {
  const directory = temporaryDirectory('bibpipe-state-');
  directories.push(directory);
  const set = await OutputSet.open(directory, [RUN_STATE_BIN, RUN_STATE_JSON]);
  const writer = RunStateWriter.toSinks(set.file(RUN_STATE_BIN), set.file(RUN_STATE_JSON), HEADER);
  for (const record of records) await writer.add(record);
  await writer.finish({ read: records.length }, [{ field: 'doi', minimum: 0.5, records: 3, filled: 1 }]);
  await set.commitAll();
  const state = await readRunState(directory);
  const reader = new RunStateReader(directory, state);
  const back: ReturnType<RunStateReader['next']>[] = [];
  for (let entry = reader.next(); entry !== undefined; entry = reader.next()) back.push(entry);
  reader.close();
  return { directory, back };
}

describe('run state: run-state.json + run-state.bin', () => {
  it('gives back every entry exactly, in order (property, seed fixed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArbitrary, { maxLength: 60 }), async (records) => {
        const { back } = await roundTrip(records);
        expect(back).toHaveLength(records.length);
        expect(back).toEqual(records.map((record) => ({ ...record, outputBytes: [...record.outputBytes], issueCodes: [...record.issueCodes], issueSeverities: [...record.issueSeverities] })));
      }),
      { seed: 20261129, numRuns: 40 },
    );
  });

  it('streams entries across its 1 MB read blocks (50,000 entries with long ids)', async () => {
    const records: RunStateRecord[] = Array.from({ length: 50_000 }, (_, n) => ({
      input: 0, ordinal: n + 1, id: `record-${n}-${'x'.repeat(n % 97)}`, idKey: [n, n * 7], converted: n % 7 !== 0, idDuplicate: false, doiDuplicate: false, pmidDuplicate: false,
      outputBytes: [n, 3 * n], rejectBytes: n % 7 === 0 ? 120 : 0, skippedBytes: 0, issueCodes: n % 5 === 0 ? ['field.unknown'] : [], issueSeverities: n % 5 === 0 ? ['warning' as const] : [], fillCounted: 0, fillFilled: 0,
    }));
    const { directory, back } = await roundTrip(records);
    expect(back.map((entry) => entry!.id)).toEqual(records.map((record) => record.id));
    expect(back[49_999]!.outputBytes).toEqual([49_999, 149_997]);
    const state = JSON.parse(readFileSync(join(directory, RUN_STATE_JSON), 'utf8')) as { stateBytes: number; records: number };
    expect(state.records).toBe(50_000);
    expect(readFileSync(join(directory, RUN_STATE_BIN)).length).toBe(state.stateBytes);
  });

  it('a cut-short run-state.bin is an error, not a short run', async () => {
    const { directory } = await roundTrip([{ input: 0, ordinal: 1, id: 'a', converted: true, idDuplicate: false, doiDuplicate: false, pmidDuplicate: false, outputBytes: [1, 2], rejectBytes: 0, skippedBytes: 0, issueCodes: [], issueSeverities: [], fillCounted: 0, fillFilled: 0 }]);
    truncateSync(join(directory, RUN_STATE_BIN), 5);
    const reader = new RunStateReader(directory, await readRunState(directory));
    expect(() => reader.next()).toThrow(/cut short/);
    reader.close();
  });

  it('a bit flipped anywhere in run-state.bin, or a byte cut off, is refused before any entry is used (70 random flips, seed fixed)', async () => {
    const records: RunStateRecord[] = Array.from({ length: 40 }, (_, n) => ({
      input: 0, ordinal: n + 1, id: `record-${n}`, idKey: [n, n * 7], converted: n % 3 !== 0, idDuplicate: false, doiDuplicate: false, pmidDuplicate: false,
      outputBytes: [n + 10, 3 * n + 1], rejectBytes: n % 3 === 0 ? 120 : 0, skippedBytes: 0, issueCodes: ['field.unknown'], issueSeverities: ['warning'], fillCounted: 0, fillFilled: 0,
    }));
    const { directory } = await roundTrip(records);
    const path = join(directory, RUN_STATE_BIN);
    const original = readFileSync(path);
    const state = await readRunState(directory);
    await expect(checkStateBytes(directory, state)).resolves.toBeUndefined();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: original.length * 8 - 1 }), async (bit) => {
        const flipped = Buffer.from(original);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        writeFileSync(path, flipped);
        await expect(checkStateBytes(directory, state)).rejects.toThrow(/sha-256 differs/);
      }),
      { seed: 20261206, numRuns: 70 },
    );
    writeFileSync(path, original.subarray(0, original.length - 1));
    await expect(checkStateBytes(directory, state)).rejects.toThrow(/cut short or is another run's/);
  });

  it('a state from elsewhere is refused with the file and the reason', async () => {
    const directory = temporaryDirectory('bibpipe-state-');
    directories.push(directory);
    writeFileSync(join(directory, RUN_STATE_JSON), JSON.stringify({ format: 'bibpipe-run-state', version: 1 }));
    await expect(readRunState(directory)).rejects.toThrow(/run-state.json: not a run state this bibpipe reads: version/);
    await expect(readRunState(join(directory, 'missing'))).rejects.toThrow(/cannot read the run state \(ENOENT\)/);
  });

  it('the fingerprints it stores are the same in another process (a fixed key, so shards compare)', async () => {
    await loadFingerprints();
    const keys = ['', 'id-1', 'doi:10.1000/xyz', '\u{1F600} \uFFFD'];
    const script = `import { fingerprint, loadFingerprints } from './src/pipeline/fingerprint-table.ts'; await loadFingerprints(); console.log(JSON.stringify(${JSON.stringify(keys)}.map((key) => fingerprint(key))));`;
    const other = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(JSON.parse(other)).toEqual(keys.map((key) => fingerprint(key)));
    expect(new Set(keys.map((key) => fingerprint(key).join(','))).size).toBe(keys.length);
  });
});
