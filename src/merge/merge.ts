import { mkdir, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunStateRecord } from '../model/run-state.js';
import type { SeverityOverrides } from '../model/rules.js';
import type { RunSummary } from '../pipeline/summary.js';
import { findWriter } from '../write/index.js';
import type { RecordWriter, WriterOptions } from '../write/types.js';
import { UsageError } from '../errors.js';
import { OutputSet } from '../pipeline/output-set.js';
import type { AtomicBlockFile } from '../pipeline/sinks.js';
import { advance, closeCursor, expectBytes, expectShardEnds, mergedOrder, openCursor, type Cursor } from './cursors.js';
import { renumberJsonLines, renumberNdjsonRecord } from './positions.js';
import { CrossShardReplay, type Judgement } from './replay.js';
import { loadShards, type Shard } from './shard-set.js';
import { MergeTally } from './tally.js';

export interface MergeOptions {
  /** Output folders of the shard runs (each with run-state.json beside its outputs). */
  shards: readonly string[];
  outDir: string;
  /** Told of each cross-shard finding as it is found (findings are not kept: memory stays bounded). */
  onFinding?: ((finding: CrossShardFinding) => void) | undefined;
  /** Aborting stops the merge at the next record; nothing is committed. */
  signal?: AbortSignal | undefined;
}

/** Where a record stands in the merged run, for messages. */
export interface MergedPosition {
  id: string | undefined;
  shard: string;
  input: string;
  ordinal: number;
  line?: number | undefined;
  byteOffset?: number | undefined;
}

/** A run-wide finding that only the merge could see: its record and the first record it repeats. */
export interface CrossShardFinding {
  code: 'id.duplicate' | 'doi.duplicate' | 'pmid.duplicate' | 'fill-rate.below-minimum';
  message: string;
  record?: MergedPosition | undefined;
  first?: MergedPosition | undefined;
}

export interface MergeResult {
  summary: RunSummary;
  /** How many findings across shards were reported through onFinding. */
  findings: number;
  /** Records merged, output bytes written. */
  records: number;
  bytes: number;
}

interface Output {
  writer: RecordWriter;
  file: AtomicBlockFile;
  start: Buffer;
  separator: Buffer;
  end: Buffer;
  count: number;
}

/** What a merge writes to and reads from, opened by planMerge. */
interface MergePlan {
  shards: Shard[];
  set: OutputSet;
  outputs: Output[];
  rejects: AtomicBlockFile;
  skipped: AtomicBlockFile;
  cursors: Cursor[];
  replay: CrossShardReplay;
  tally: MergeTally;
  /** Per input: records placed so far (the single run's ordinal of the next one is this + 1). */
  ordinals: number[];
  findings: number;
  records: number;
}

/**
 * `bibpipe merge`: the outputs of N shard runs added up into the outputs the single run over
 * the same input writes, byte for byte (every format file, rejects.ndjson, skipped.ndjson,
 * summary.json). Record texts are copied, never re-serialized; the run-wide checks are
 * replayed in the single run's order from the shards' run states (duplicate ids, DOIs,
 * PMIDs across shards; fill rates), and the counts are added up from the records. Memory:
 * one block per open file plus the fingerprint tables (12-24 bytes per distinct
 * id/DOI/PMID), whatever the size of the shards. The steps:
 *
 *   load and check the shard set -> plan (writers, output set, a cursor per shard) ->
 *   per record in the single run's order: replay the run-wide checks, copy its bytes,
 *   count it -> check every shard's counts -> summarize -> commit the output set.
 */
export async function mergeShards(options: MergeOptions): Promise<MergeResult> {
  const shards = await loadShards(options.shards);
  await mkdir(options.outDir, { recursive: true });
  await refuseShardFolder(options.outDir, options.shards);
  const plan = await planMerge(shards, options);
  try {
    for (const cursor of mergedOrder(plan.cursors, shards[0]!.state.inputs)) {
      await mergeRecord(plan, cursor);
      // A signal is heard between records: the loop is synchronous otherwise.
      if ((plan.records & 0xfff) === 0) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error('merge interrupted');
    }
    for (const cursor of plan.cursors) expectShardEnds(cursor, plan.outputs.map((output) => output.end));
    plan.tally.checkShards();
    const summary = plan.tally.finish((finding) => reportFinding(plan, options, finding));
    const bytes = await finishOutputs(plan, summary);
    // Everything is complete under temporary names: now they take their names together.
    await plan.set.commitAll();
    return { summary, findings: plan.findings, records: plan.records, bytes };
  } catch (error) {
    await plan.set.discardAll();
    throw error;
  } finally {
    for (const cursor of plan.cursors) closeCursor(cursor);
  }
}

function reportFinding(plan: MergePlan, options: MergeOptions, finding: CrossShardFinding): void {
  plan.findings++;
  options.onFinding?.(finding);
}

/** The writers of the run's formats, its output set in the out-dir, and every shard opened at its first record. */
async function planMerge(shards: Shard[], options: MergeOptions): Promise<MergePlan> {
  const { settings } = shards[0]!.state;
  const writers = settings.formats.map((name) => {
    const writer = findWriter(name);
    if (!writer) throw new Error(`merge: unknown output format "${name}" in the run state`);
    return writer;
  });
  // One output set, as convert writes: committed together, stale files of an older run removed.
  const set = await OutputSet.open(options.outDir, [...writers.map((writer) => writer.fileName), 'rejects.ndjson', 'skipped.ndjson', 'summary.json'], { blocks: true });
  const severities = settings.severities as SeverityOverrides | undefined;
  const plan: MergePlan = {
    shards, set, outputs: [], cursors: [],
    rejects: set.blockFile('rejects.ndjson'),
    skipped: set.blockFile('skipped.ndjson'),
    replay: new CrossShardReplay(shards, severities, (finding) => reportFinding(plan, options, finding)),
    tally: new MergeTally(shards, settings.formats, severities),
    ordinals: shards[0]!.state.inputs.map(() => 0),
    findings: 0,
    records: 0,
  };
  try {
    for (const writer of writers) {
      const session = writer.open(settings.writerOptions as WriterOptions);
      const start = Buffer.from(session.start());
      plan.outputs.push({ writer, file: set.blockFile(writer.fileName), start, separator: Buffer.from(writer.recordSeparator ?? ''), end: Buffer.from(session.end()), count: 0 });
    }
    for (const shard of shards) plan.cursors.push(openCursor(shard, writers, plan.outputs.map((output) => output.start)));
    for (const output of plan.outputs) output.file.write(output.start);
  } catch (error) {
    for (const cursor of plan.cursors) closeCursor(cursor);
    await set.discardAll();
    throw error;
  }
  return plan;
}

/** One record: placed in its input (the single run's ordinal), judged across shards, copied, counted. */
async function mergeRecord(plan: MergePlan, cursor: Cursor): Promise<void> {
  const record = cursor.head!;
  const input = plan.shards[0]!.state.inputs[record.input]!;
  const ordinal = record.ordinal === 0 ? 0 : ++plan.ordinals[record.input]!;
  if (input.kind === 'solr' && record.ordinal !== 0) {
    if (record.ordinal !== cursor.lastOrdinal[record.input]! + 1) {
      throw new UsageError(`merge: ${cursor.shard.directory} starts ${input.name} at record ${record.ordinal}, not 1: it is a resumed part of a shard (--resume), not a whole shard; run that shard again from the start`);
    }
    cursor.lastOrdinal[record.input] = record.ordinal;
  }
  const judgement = await plan.replay.judge(cursor, record, ordinal);
  copyRecord(plan, cursor, record, { file: input.name, ordinal }, judgement);
  plan.tally.add(cursor.shard, record, judgement);
  plan.records++;
  advance(cursor);
}

/**
 * The record's bytes from its shard's files to the merged ones: its text in every format
 * (after the writer's separator), its reject and skipped lines, renumbered where the
 * single run's ordinal differs. A record the single run rejects (judgement.rejudged) leaves
 * its shard's texts behind and goes to rejects as the engine wrote it.
 */
function copyRecord(plan: MergePlan, cursor: Cursor, record: RunStateRecord, place: { file: string; ordinal: number }, judgement: Judgement): void {
  const { rejudged, duplicateId } = judgement;
  const renumber = place.ordinal !== record.ordinal;
  plan.outputs.forEach((output, at) => {
    const bytes = record.outputBytes[at]!;
    if (bytes === 0) return;
    const reader = cursor.outputs[at]!;
    if (cursor.taken[at]! > 0) expectBytes(reader, output.separator, 'separator');
    cursor.taken[at]!++;
    const text = reader.take(bytes);
    if (rejudged) return;
    if (output.count > 0) output.file.write(output.separator);
    if (renumber && output.writer.name === 'ndjson') for (const part of renumberNdjsonRecord(text, record.ordinal, place.ordinal)) output.file.write(part);
    else output.file.write(text);
    output.count++;
  });
  if (record.rejectBytes > 0) {
    const text = cursor.rejects.take(record.rejectBytes);
    if (!rejudged) plan.rejects.write(renumber || duplicateId ? renumberJsonLines(text, place.file, record.ordinal, place.ordinal, duplicateId) : text);
  }
  if (rejudged) plan.rejects.write(rejudged.rejects);
  if (record.skippedBytes > 0) {
    const text = cursor.skipped.take(record.skippedBytes);
    if (!rejudged) plan.skipped.write(renumber ? renumberJsonLines(text, place.file, record.ordinal, place.ordinal) : text);
  }
}

/** Every format's end (a format that needs records and got none is not written), then summary.json; returns the bytes written. */
async function finishOutputs(plan: MergePlan, summary: RunSummary): Promise<number> {
  let bytes = 0;
  for (const output of plan.outputs) {
    if (output.count === 0 && output.writer.requiresRecords) {
      await plan.set.drop(output.writer.fileName);
      continue;
    }
    output.file.write(output.end);
    bytes += output.file.bytes;
  }
  const summaryFile = plan.set.blockFile('summary.json');
  summaryFile.write(`${JSON.stringify(summary, null, 2)}\n`);
  for (const file of [plan.rejects, plan.skipped, summaryFile]) bytes += file.bytes;
  return bytes;
}

/** A shard folder as the out-dir would lose that shard's files (its run state among them) to the merged set. */
async function refuseShardFolder(outDir: string, shards: readonly string[]): Promise<void> {
  const real = (path: string): Promise<string> => realpath(path).catch(() => resolve(path));
  const target = await real(outDir);
  for (const shard of shards) {
    if ((await real(shard)) === target) throw new UsageError(`merge: the out-dir ${outDir} is the shard folder ${shard}; merge into a folder of its own`);
  }
}
