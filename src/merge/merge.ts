import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Fingerprint, RunStateRecord } from '../model/run-state.js';
import { RunStateReader } from '../pipeline/run-state/codec.js';
import type { SeverityOverrides } from '../model/rules.js';
import type { Issue } from '../model/issue.js';
import { FingerprintTable, sameFingerprint } from '../pipeline/fingerprint-table.js';
import { emptySummary, sortedSummary } from '../pipeline/counts.js';
import type { RunSummary } from '../pipeline/summary.js';
import { findWriter } from '../write/index.js';
import type { RecordWriter, WriterOptions } from '../write/types.js';
import { UsageError } from '../errors.js';
import { BlockReader, BlockWriter } from './byte-streams.js';
import { renumberJsonLines, renumberNdjsonRecord } from './positions.js';
import { rerunRejected, type RerunRecord } from './rerun.js';
import { applyFillRates, duplicateIdIssue, positionAt, positionWords, severityOf } from './run-wide.js';
import { loadShards, type Shard } from './shard-set.js';

export interface MergeOptions {
  /** Output folders of the shard runs (each with run-state.json beside its outputs). */
  shards: readonly string[];
  outDir: string;
  /** Told of each cross-shard finding as it is found (findings are not kept: memory stays bounded). */
  onFinding?: ((finding: CrossShardFinding) => void) | undefined;
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

interface Cursor {
  shard: Shard;
  reader: RunStateReader;
  head: RunStateRecord | undefined;
  /** Position of `head` among the shard's entries (0-based). */
  entry: number;
  outputs: BlockReader[];
  rejects: BlockReader;
  skipped: BlockReader;
  /** Per format: records of this shard's file already taken (the separator goes before all but the first). */
  taken: number[];
  /** Per input: the shard's last ordinal, to tell a whole shard from a resumed part of one. */
  lastOrdinal: number[];
}

interface Output {
  writer: RecordWriter;
  file: BlockWriter;
  start: Buffer;
  separator: Buffer;
  end: Buffer;
  count: number;
}

function addSummary(total: RunSummary, part: RunSummary): void {
  total.read += part.read;
  total.converted += part.converted;
  total.rejected += part.rejected;
  for (const key of ['written', 'skipped', 'issues'] as const) {
    for (const [name, count] of Object.entries(part[key])) total[key][name] = (total[key][name] ?? 0) + count;
  }
  total.severities.error += part.severities.error;
  total.severities.warning += part.severities.warning;
  total.severities.info += part.severities.info;
}

const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The merged run's records in the single run's order: per input, file ranges one shard
 * after the other, live Solr shards as a k-way merge on the id (each shard came sorted by
 * id in Solr's byte order, which is checked as it goes).
 */
function* mergedOrder(cursors: Cursor[], inputs: Shard['state']['inputs']): Generator<Cursor> {
  for (let input = 0; input < inputs.length; input++) {
    if (inputs[input]!.kind !== 'solr') {
      for (const cursor of cursors) while (cursor.head?.input === input) yield cursor;
      continue;
    }
    let last: string | undefined;
    for (;;) {
      let best: Cursor | undefined;
      for (const cursor of cursors) {
        if (cursor.head?.input !== input) continue;
        if (best === undefined || byUtf8(cursor.head.id ?? '', best.head!.id ?? '') < 0) best = cursor;
      }
      if (best === undefined) break;
      const id = best.head!.id ?? '';
      if (last !== undefined && byUtf8(id, last) <= 0) {
        throw new Error(`${best.shard.directory}: record "${id}" comes after "${last}": live Solr shards must be read sorted by the unique key (a string field; cursorMark does that)`);
      }
      last = id;
      yield best;
    }
  }
  for (const cursor of cursors) {
    if (cursor.head !== undefined) throw new Error(`${cursor.shard.directory}: run-state.bin names input ${cursor.head.input}, out of order or unknown`);
  }
}

function advance(cursor: Cursor): void {
  cursor.head = cursor.reader.next();
  cursor.entry++;
}

/**
 * `bibpipe merge`: the outputs of N shard runs added up into the outputs the single run over
 * the same input writes, byte for byte (every format file, rejects.ndjson, skipped.ndjson,
 * summary.json). Record texts are copied, never re-serialized; the run-wide checks are
 * replayed in the single run's order from the shards' run states (duplicate ids, DOIs,
 * PMIDs across shards; fill rates). Memory: one block per open file plus the fingerprint
 * tables (12-24 bytes per distinct id/DOI/PMID), whatever the size of the shards.
 */
export async function mergeShards(options: MergeOptions): Promise<MergeResult> {
  const shards = await loadShards(options.shards);
  const { settings, inputs } = shards[0]!.state;
  const severities = settings.severities as SeverityOverrides | undefined;
  const writerOptions = settings.writerOptions as WriterOptions;
  await mkdir(options.outDir, { recursive: true });

  const writers = settings.formats.map((name) => {
    const writer = findWriter(name);
    if (!writer) throw new Error(`merge: unknown output format "${name}" in the run state`);
    return writer;
  });
  const outputs: Output[] = [];
  const cursors: Cursor[] = [];
  const extra: BlockWriter[] = [];
  try {
    for (const writer of writers) {
      const session = writer.open(writerOptions);
      outputs.push({
        writer,
        file: new BlockWriter(join(options.outDir, writer.fileName)),
        start: Buffer.from(session.start()),
        separator: Buffer.from(writer.recordSeparator ?? ''),
        end: Buffer.from(session.end()),
        count: 0,
      });
    }
    const rejectsOut = new BlockWriter(join(options.outDir, 'rejects.ndjson'));
    const skippedOut = new BlockWriter(join(options.outDir, 'skipped.ndjson'));
    extra.push(rejectsOut, skippedOut);
    for (const shard of shards) {
      const reader = new RunStateReader(shard.directory, shard.state);
      const cursor: Cursor = {
        shard,
        reader,
        head: reader.next(),
        entry: 0,
        outputs: writers.map((writer) => new BlockReader(join(shard.directory, writer.fileName))),
        rejects: new BlockReader(join(shard.directory, 'rejects.ndjson')),
        skipped: new BlockReader(join(shard.directory, 'skipped.ndjson')),
        taken: writers.map(() => 0),
        lastOrdinal: inputs.map(() => 0),
      };
      cursors.push(cursor);
      outputs.forEach((output, at) => {
        if (cursor.outputs[at]!.exists) expectBytes(cursor.outputs[at]!, output.start, 'start');
      });
    }
    for (const output of outputs) output.file.write(output.start);

    // Ids of live Solr inputs need no table: Solr keeps them unique, and the k-way merge
    // refuses an id that does not strictly follow the one before. Ids of files keep their
    // first record's position (input, line, ordinal, byte offset), which a duplicate names.
    const ids = new FingerprintTable(6);
    // Converted records have distinct ids unless id.duplicate is lowered from an error: only
    // then does a DOI/PMID table need each first record's id to tell "another id" apart.
    const keepIds = severityOf('id.duplicate', severities) !== 'error';
    const dois = new FingerprintTable(keepIds ? 2 : 0);
    const pmids = new FingerprintTable(keepIds ? 2 : 0);
    const issueDelta = new Map<string, number>();
    let findings = 0;
    const report = (finding: CrossShardFinding): void => {
      findings++;
      options.onFinding?.(finding);
    };
    const ordinals = inputs.map(() => 0);
    const doiSeverity = severityOf('doi.duplicate', severities);
    const pmidSeverity = severityOf('pmid.duplicate', severities);
    let records = 0;

    const position = (cursor: Cursor, record: RunStateRecord, ordinal: number): MergedPosition => ({
      id: record.id, shard: cursor.shard.directory, input: inputs[record.input]?.name ?? '?', ordinal, line: record.line, byteOffset: record.byteOffset,
    });
    const identifierCheck = (table: FingerprintTable, print: Fingerprint | undefined, idPrint: Fingerprint | undefined, shardSaw: boolean, code: 'doi.duplicate' | 'pmid.duplicate', severity: string, cursor: Cursor, record: RunStateRecord, ordinal: number): void => {
      if (print === undefined || idPrint === undefined) return;
      const slot = table.insert(print, keepIds ? idPrint : undefined);
      // The same identifier under the same id (a repeated record) is the id's finding, not this one.
      const duplicate = slot >= 0 && (!keepIds || !sameFingerprint([table.valueAt(slot, 0), table.valueAt(slot, 1)], idPrint));
      if (duplicate === shardSaw || severity === 'off') return;
      if (severity === 'error') throw new Error(`merge: ${code} is raised to an error by the rule severities, and record "${record.id}" in ${cursor.shard.directory} would be rejected by a duplicate in another shard; merge cannot re-run the record (not supported yet)`);
      issueDelta.set(code, (issueDelta.get(code) ?? 0) + (duplicate ? 1 : -1));
      if (duplicate) report({ code, message: `${code === 'doi.duplicate' ? 'DOI' : 'PMID'} of record "${record.id}" is also on an earlier record in another shard with a different id`, record: position(cursor, record, ordinal) });
    };

    const counts = { converted: 0, rejected: 0, written: {} as Record<string, number>, skipped: {} as Record<string, number> };
    const fillDelta = shards[0]!.state.fillRates.map(() => ({ records: 0, filled: 0 }));
    const adjust = (format: string, what: 'written' | 'skipped', delta: number): void => {
      counts[what][format] = (counts[what][format] ?? 0) + delta;
    };
    const countCodes = (codes: readonly string[], delta: number): void => {
      for (const code of codes) issueDelta.set(code, (issueDelta.get(code) ?? 0) + delta);
    };
    /**
     * A record whose id an earlier shard's record had: with id.duplicate an error the single
     * run rejects it, so it is read again and re-run (rerun.ts) and its counts move from what
     * its shard counted to what the single run counts; as a warning only the finding is added.
     */
    const crossShardDuplicate = async (cursor: Cursor, record: RunStateRecord, file: string, ordinal: number, finding: Issue): Promise<RerunRecord | undefined> => {
      if (finding.severity !== 'error') {
        countCodes([finding.code], 1);
        report({ code: 'id.duplicate', message: finding.message, record: position(cursor, record, ordinal) });
        return undefined;
      }
      const shard = cursor.shard.state.shard as { index?: number; count?: number };
      const share = { index: shard.index ?? 1, count: shard.count ?? 1 };
      const rerun = await rerunRejected(settings, file, { byteOffset: record.byteOffset, line: record.line, ordinal, id: record.id, share, localOrdinal: record.ordinal }, finding);
      countCodes(record.issueCodes, -1);
      countCodes(rerun.counted.map((issue) => issue.code), 1);
      if (record.converted) {
        counts.converted--;
        counts.rejected++;
        settings.formats.forEach((format, at) => {
          if (record.outputBytes[at]! > 0) adjust(format, 'written', -1);
        });
        fillDelta.forEach((delta, rule) => {
          if (record.fillCounted & (1 << rule)) delta.records--;
          if (record.fillFilled & (1 << rule)) delta.filled--;
        });
      }
      report({ code: 'id.duplicate', message: finding.message, record: position(cursor, record, ordinal) });
      return rerun;
    };

    for (const cursor of mergedOrder(cursors, inputs)) {
      const record = cursor.head!;
      const ordinal = record.ordinal === 0 ? 0 : ++ordinals[record.input]!;
      const file = inputs[record.input]!.name;
      if (inputs[record.input]!.kind === 'solr' && record.ordinal !== 0) {
        if (record.ordinal !== cursor.lastOrdinal[record.input]! + 1) {
          throw new UsageError(`merge: ${cursor.shard.directory} starts ${file} at record ${record.ordinal}, not 1: it is a resumed part of a shard (--resume), not a whole shard; run that shard again from the start`);
        }
        cursor.lastOrdinal[record.input] = record.ordinal;
      }
      let duplicateId: Issue | undefined;
      let rerun: RerunRecord | undefined;
      if (record.idKey !== undefined && inputs[record.input]!.kind !== 'solr') {
        const slot = ids.find(record.idKey);
        if (slot < 0) ids.insert(record.idKey, positionWords(record, ordinal));
        else {
          duplicateId = duplicateIdIssue(record, positionAt(ids, slot, inputs), ids.valueAt(slot, 5) === 1, { file, line: record.line, byteOffset: record.byteOffset, ordinal }, severities);
          // The first record is in an earlier shard: this shard could not know. The single run rejects it.
          if (!record.idDuplicate) rerun = await crossShardDuplicate(cursor, record, file, ordinal, duplicateId);
        }
      }
      if (record.converted && rerun === undefined) {
        identifierCheck(dois, record.doiKey, record.idKey, record.doiDuplicate, 'doi.duplicate', doiSeverity, cursor, record, ordinal);
        identifierCheck(pmids, record.pmidKey, record.idKey, record.pmidDuplicate, 'pmid.duplicate', pmidSeverity, cursor, record, ordinal);
      }
      const renumber = ordinal !== record.ordinal;
      outputs.forEach((output, at) => {
        const bytes = record.outputBytes[at]!;
        if (bytes === 0) return;
        const reader = cursor.outputs[at]!;
        if (cursor.taken[at]! > 0) expectBytes(reader, output.separator, 'separator');
        cursor.taken[at]!++;
        const text = reader.take(bytes);
        if (rerun) return;
        if (output.count > 0) output.file.write(output.separator);
        if (renumber && output.writer.name === 'ndjson') for (const part of renumberNdjsonRecord(text, record.ordinal, ordinal)) output.file.write(part);
        else output.file.write(text);
        output.count++;
      });
      if (record.rejectBytes > 0) {
        const text = cursor.rejects.take(record.rejectBytes);
        if (!rerun) rejectsOut.write(renumber || duplicateId ? renumberJsonLines(text, file, record.ordinal, ordinal, duplicateId) : text);
      }
      if (rerun) rejectsOut.write(rerun.rejectText);
      if (record.skippedBytes > 0) {
        const text = cursor.skipped.take(record.skippedBytes);
        if (rerun) for (const line of text.toString('utf8').split('\n').filter(Boolean)) adjust((JSON.parse(line) as { format: string }).format, 'skipped', -1);
        else skippedOut.write(renumber ? renumberJsonLines(text, file, record.ordinal, ordinal) : text);
      }
      records++;
      advance(cursor);
    }

    for (const cursor of cursors) {
      outputs.forEach((output, at) => {
        const reader = cursor.outputs[at]!;
        if (reader.exists) expectEnd(reader, output.end);
      });
      expectEnd(cursor.rejects, Buffer.alloc(0));
      expectEnd(cursor.skipped, Buffer.alloc(0));
    }

    const summary = emptySummary();
    for (const shard of shards) addSummary(summary, shard.summary);
    summary.converted += counts.converted;
    summary.rejected += counts.rejected;
    for (const what of ['written', 'skipped'] as const) {
      for (const [format, delta] of Object.entries(counts[what])) {
        summary[what][format] = (summary[what][format] ?? 0) + delta;
        if (what === 'skipped' && summary.skipped[format] === 0) delete summary.skipped[format];
      }
    }
    for (const finding of applyFillRates(shards, fillDelta, issueDelta, severities)) report(finding);
    for (const [code, delta] of issueDelta) {
      summary.issues[code] = (summary.issues[code] ?? 0) + delta;
      if (summary.issues[code] === 0) delete summary.issues[code];
      const severity = severityOf(code, severities);
      if (severity !== 'off') summary.severities[severity] += delta;
    }

    let bytes = 0;
    for (const output of outputs) {
      if (output.count === 0 && output.writer.requiresRecords) {
        output.file.discard();
        continue;
      }
      output.file.write(output.end);
      output.file.finish();
      bytes += output.file.bytes;
    }
    for (const file of extra) {
      file.finish();
      bytes += file.bytes;
    }
    const summaryFile = new BlockWriter(join(options.outDir, 'summary.json'));
    extra.push(summaryFile);
    const result = sortedSummary(summary);
    summaryFile.write(`${JSON.stringify(result, null, 2)}\n`);
    summaryFile.finish();
    // Everything is complete under temporary names: now they take their names, summary.json last.
    for (const output of outputs) if (output.count > 0 || !output.writer.requiresRecords) output.file.commit();
    for (const file of extra) file.commit();
    return { summary: result, findings, records, bytes };
  } catch (error) {
    for (const output of outputs) output.file.discard();
    for (const file of extra) file.discard();
    throw error;
  } finally {
    for (const cursor of cursors) {
      cursor.reader.close();
      for (const reader of [...cursor.outputs, cursor.rejects, cursor.skipped]) reader.close();
    }
  }
}

function expectBytes(reader: BlockReader, expected: Buffer, what: string): void {
  if (expected.length === 0) return;
  const actual = reader.take(expected.length);
  if (!actual.equals(expected)) throw new Error(`${reader.path}: expected the document ${what} ${JSON.stringify(expected.toString())} at byte ${reader.position - expected.length}; the outputs and run-state.bin do not belong together`);
}

function expectEnd(reader: BlockReader, expected: Buffer): void {
  const rest = reader.rest(expected.length);
  if (!rest.equals(expected)) throw new Error(`${reader.path}: ${rest.length > expected.length ? 'holds more than its run state describes' : 'does not end as its format does'} (at byte ${reader.position}); the outputs and run-state.bin do not belong together`);
}
