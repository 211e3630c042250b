/**
 * `bibpipe merge` throughput and memory: `npx tsx bench/merge.ts [--records 1000000] [--shards 4] [--check]`
 *
 * Builds K live-Solr-like shard folders (ids interleaved across shards, each shard sorted by
 * id, as cursorMark delivers them) from the hand-written record fixtures under new ids,
 * written by the real writers with a run state as a shard run writes it; then times the
 * built CLI's merge with GNU time: MB/s of shard output (wall) and peak RSS. With --check it
 * also writes the single run's expected outputs the same way and compares them byte for
 * byte. Needs `npm run build` first. Removes its temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RUN_STATE_BIN, RUN_STATE_JSON } from '../src/model/run-state.js';
import { RunStateWriter } from '../src/pipeline/run-state/codec.js';
import { fingerprint, loadFingerprints } from '../src/pipeline/fingerprint-table.js';
import { OutputSet } from '../src/pipeline/output-set.js';
import type { BibRecord } from '../src/model/record.js';
import { sortedSummary } from '../src/pipeline/counts.js';
import { findWriter } from '../src/write/index.js';
import { loadAllRecords } from '../tests/helpers/record-fixtures.js';

const { values } = parseArgs({ options: { records: { type: 'string', default: '1000000' }, shards: { type: 'string', default: '4' }, check: { type: 'boolean', default: false }, formats: { type: 'string', default: 'ndjson,csv,jsonld' } } });
const total = Number(values.records);
const shardCount = Number(values.shards);
const formats = values.formats.split(',');
const writers = formats.map((name) => findWriter(name)!);
const SOURCE = 'solr+http://127.0.0.1:8983/solr/biblio';
const pool = loadAllRecords();
const root = mkdtempSync(join(tmpdir(), 'bibpipe-merge-bench-'));

/** The record with global number `n` (ids sort as numbers do: fixed width). */
function recordAt(n: number, ordinal: number): BibRecord {
  const base = pool[n % pool.length]!;
  const identifiers = { ...base.identifiers, doi: `10.5555/bench.${n}`, pmid: String(n + 1) };
  return { ...base, id: `rec-${String(n).padStart(9, '0')}`, identifiers, source: { file: SOURCE, ordinal, format: 'solr-json' } };
}

/** Writes one folder as a run writes it: every format, empty rejects/skipped, summary, run state. */
async function writeRun(directory: string, numbers: Iterable<number>, shard: { index: number; count: number } | undefined): Promise<number> {
  mkdirSync(directory, { recursive: true });
  const sessions = writers.map((writer) => writer.open({}));
  const chunks = writers.map((_, at) => [sessions[at]!.start()]);
  const buffered = writers.map(() => 0);
  const files = writers.map((writer) => join(directory, writer.fileName));
  files.forEach((file, at) => writeFileSync(file, chunks[at]!.join('')));
  chunks.forEach((chunk) => (chunk.length = 0));
  const stateFiles = shard ? await OutputSet.open(directory, [RUN_STATE_BIN, RUN_STATE_JSON]) : undefined;
  const state = stateFiles ? RunStateWriter.toSinks(stateFiles.file(RUN_STATE_BIN), stateFiles.file(RUN_STATE_JSON), { shard: { kind: 'solr-hash', index: shard!.index, count: shard!.count }, cwd: process.cwd(), inputs: [{ name: SOURCE, kind: 'solr', query: '[]' }], settings: { formats, writerOptions: {} } }) : undefined;
  const written: Record<string, number> = Object.fromEntries(formats.map((name) => [name, 0]));
  let ordinal = 0;
  for (const n of numbers) {
    ordinal++;
    const record = recordAt(n, ordinal);
    const lengths: number[] = [];
    writers.forEach((writer, at) => {
      const text = sessions[at]!.write(record);
      const separator = written[writer.name]! > 0 ? Buffer.byteLength(writer.recordSeparator ?? '') : 0;
      lengths.push(Buffer.byteLength(text) - separator);
      written[writer.name]!++;
      chunks[at]!.push(text);
      buffered[at]! += text.length;
      if (buffered[at]! > 1 << 22) {
        writeFileSync(files[at]!, chunks[at]!.join(''), { flag: 'a' });
        chunks[at]!.length = 0;
        buffered[at] = 0;
      }
    });
    await state?.add({ input: 0, ordinal, id: record.id, idKey: fingerprint(record.id), doiKey: fingerprint(`doi:${record.identifiers.doi!.toLowerCase()}`), pmidKey: fingerprint(`pmid:${record.identifiers.pmid!}`), converted: true, idDuplicate: false, doiDuplicate: false, pmidDuplicate: false, outputBytes: lengths, rejectBytes: 0, skippedBytes: 0, issueCodes: [], issueSeverities: [], fillCounted: 0, fillFilled: 0 });
  }
  writers.forEach((_, at) => writeFileSync(files[at]!, chunks[at]!.join('') + sessions[at]!.end(), { flag: 'a' }));
  writeFileSync(join(directory, 'rejects.ndjson'), '');
  writeFileSync(join(directory, 'skipped.ndjson'), '');
  const summary = sortedSummary({ read: ordinal, converted: ordinal, rejected: 0, written, skipped: {}, issues: {}, severities: { error: 0, warning: 0, info: 0 } });
  writeFileSync(join(directory, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (state) {
    await state.finish(summary, []);
    await stateFiles!.commitAll();
  }
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

function* shardNumbers(index: number): Generator<number> {
  // Interleaved like a hash partition: the merge must really interleave K streams.
  for (let n = 0; n < total; n++) if (((n * 2654435761) >>> 0) % shardCount === index - 1) yield n;
}

await loadFingerprints();
try {
  let bytes = 0;
  const directories: string[] = [];
  const started = Date.now();
  for (let index = 1; index <= shardCount; index++) {
    const directory = join(root, `shard-${index}`);
    directories.push(directory);
    bytes += await writeRun(directory, shardNumbers(index), { index, count: shardCount });
  }
  console.log(`built ${shardCount} shards: ${total} records, ${(bytes / 1e6).toFixed(0)} MB of output (${formats.join(',')}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const merged = join(root, 'merged');
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, 'dist/cli/main.js', 'merge', ...directories, '--out-dir', merged, '--quiet'], { encoding: 'utf8' });
  const [seconds, kilobytes] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  if (run.status !== 0) throw new Error(`merge failed (${run.status}): ${run.stderr}`);
  console.log(`merge: ${seconds} s wall, ${(bytes / 1e6 / seconds!).toFixed(0)} MB/s of shard output, peak RSS ${(kilobytes! / 1024).toFixed(0)} MB`);
  if (values.check) {
    const single = join(root, 'single');
    await writeRun(single, Array.from({ length: total }, (_, n) => n), undefined);
    for (const name of [...writers.map((writer) => writer.fileName), 'rejects.ndjson', 'skipped.ndjson', 'summary.json']) {
      const same = readFileSync(join(single, name)).equals(readFileSync(join(merged, name)));
      console.log(`${name}: ${same ? 'identical to the single run' : 'DIFFERS from the single run'}`);
      if (!same) process.exitCode = 1;
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
