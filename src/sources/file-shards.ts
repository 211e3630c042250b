import { stat } from 'node:fs/promises';
import type { Issue, SourcePosition } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';
import { alignedRange, headOf, linesBefore, rangeBytes, xmlFrame, xmlShare, type ByteRange, type Share } from './byte-ranges.js';
import { readRecords } from '../read/chunked.js';
import type { ReadBatch, ReadLimits, RecordStart } from '../read/types.js';
import type { OpenedInput } from './inputs.js';
import { RangeDigest } from './input-read.js';

/**
 * What share I of N of a `--shard I/N` file run reads of one input file (see
 * sources/byte-ranges.ts): a byte range aligned to record starts, read with the same reader as
 * the whole file, with positions (lines, byte offsets) made those of the whole file.
 * Ordinals count within the share; `bibpipe merge` renumbers them.
 */
export type InputShare =
  | { kind: 'whole'; size: number }
  | { kind: 'nothing'; size: number; range: ByteRange }
  | {
      kind: 'range';
      size: number;
      start: RecordStart;
      range: ByteRange;
      /** Hashes the range's bytes (not the frame around them) as they are read. */
      digest: RangeDigest;
      /** Bytes to read instead of the file (an XML share gets the response's opening and closing around it). */
      bytes: AsyncIterable<Uint8Array>;
      /** Added to a line number / byte offset counted in `bytes` to give the file's. */
      lineDelta: number;
      byteDelta: number;
      /** Line-delimited JSON: bytes of an HTTP header to skip (only share 1 can hold one). */
      headerBytes: number;
    };

/** How this input can be cut, as its reader declares (read/types.ts ShardCutting); undefined when it is read whole. */
async function cuttingOf(input: OpenedInput, file: string): Promise<{ start: RecordStart; headerBytes: number } | undefined> {
  const cutting = input.reader?.shards;
  if (file === '-' || input.compression !== 'none' || cutting === undefined) return undefined;
  if (cutting.cuttable === undefined) return { start: cutting.start, headerBytes: 0 };
  const cuttable = cutting.cuttable(await headOf(file));
  return cuttable === undefined ? undefined : { start: cutting.start, headerBytes: cuttable.headerBytes };
}

/** The opening and closing a framed format's middle shares are read in. */
function frameOf(start: RecordStart, file: string, size: number): Promise<{ opening: Buffer; closing: Buffer }> | undefined {
  return start.kind === 'tag' ? xmlFrame(file, size, start.name) : undefined;
}

function linesIn(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++;
  return lines;
}

async function* concat(...parts: Array<Uint8Array | AsyncIterable<Uint8Array>>): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    if (part instanceof Uint8Array) {
      if (part.length > 0) yield part;
    } else yield* part;
  }
}

/**
 * The share of one opened input. Files that cannot be cut (compressed, stdin, a single JSON
 * document, Solr CSV) are read whole by share 1 and not at all by the others.
 */
export async function shareOfInput(input: OpenedInput, file: string, share: Share): Promise<InputShare> {
  const cutting = await cuttingOf(input, file);
  const size = file === '-' ? 0 : (await stat(file)).size;
  // Read whole by share 1; the others sit at its end (their empty ranges join up after it).
  if (cutting === undefined) return share.index === 1 ? { kind: 'whole', size } : { kind: 'nothing', size, range: { start: size, end: size } };
  const { start } = cutting;
  if (start.kind === 'tag') return xmlShareOf(file, start, share, size);
  const range = await alignedRange(file, start, share, size);
  // No record starts in this share: nothing to read (not an empty input to complain about).
  if (range.end <= range.start) return { kind: 'nothing', size, range };
  const lines = await linesBefore(file, range.start);
  const frame = frameOf(start, file, size);
  const digest = new RangeDigest();
  const bytes = digest.through(rangeBytes(file, range));
  const shared = { kind: 'range', size, start, range, digest, headerBytes: 0 } as const;
  if (frame !== undefined && range.start > 0) {
    const { opening, closing } = await frame;
    const tail = range.end < size ? closing : Buffer.alloc(0);
    return { ...shared, bytes: concat(opening, bytes, tail), lineDelta: lines - linesIn(opening), byteDelta: range.start - opening.length };
  }
  if (frame !== undefined && range.end < size) {
    const { closing } = await frame;
    return { ...shared, bytes: concat(bytes, closing), lineDelta: 0, byteDelta: 0 };
  }
  return { ...shared, bytes, lineDelta: lines, byteDelta: range.start, headerBytes: range.start === 0 ? cutting.headerBytes : 0 };
}

/** A Solr XML share: its documents read inside the container's tags at its start and end. */
async function xmlShareOf(file: string, start: RecordStart, share: Share, size: number): Promise<InputShare> {
  const { range, opening, closing } = await xmlShare(file, share, size);
  if (range.end <= range.start) return { kind: 'nothing', size, range };
  const lines = await linesBefore(file, range.start);
  const head = range.start > 0 ? opening : Buffer.alloc(0);
  const tail = range.end < size ? closing : Buffer.alloc(0);
  const digest = new RangeDigest();
  return { kind: 'range', size, start, range, digest, bytes: concat(head, digest.through(rangeBytes(file, range)), tail), lineDelta: lines - linesIn(head), byteDelta: range.start - head.length, headerBytes: 0 };
}

function shifted(source: SourcePosition, file: string, lineDelta: number, byteDelta: number): SourcePosition {
  if (source.file !== file) return source;
  const moved = { ...source };
  if (moved.line !== undefined) moved.line += lineDelta;
  if (moved.byteOffset !== undefined) moved.byteOffset += byteDelta;
  return moved;
}

/** A batch of a share with the whole file's lines and byte offsets (chunks are moved, records remapped). */
export function atFilePositions(batch: ReadBatch, file: string, share: InputShare): ReadBatch {
  if (share.kind !== 'range' || (share.lineDelta === 0 && share.byteDelta === 0)) return batch;
  const { lineDelta, byteDelta } = share;
  if (batch.kind === 'chunk') {
    const chunk = batch.chunk;
    return {
      kind: 'chunk',
      chunk: chunk.kind === 'oversized'
        ? { ...chunk, line: chunk.line + lineDelta, byteOffset: chunk.byteOffset + byteDelta }
        : { ...chunk, firstLine: chunk.firstLine + lineDelta, firstByteOffset: chunk.firstByteOffset + byteDelta },
    };
  }
  const records = batch.records.map((record): RawRecord => {
    const issues = record.issues.map((issue): Issue => (issue.source ? { ...issue, source: shifted(issue.source, file, lineDelta, byteDelta) } : issue));
    return { ...record, source: shifted(record.source, file, lineDelta, byteDelta), issues };
  });
  return { kind: 'records', records };
}

/**
 * The one record that starts at `byteOffset` of a file input, read again by the reader that
 * read it (merge re-runs a record the single run would have judged differently), with the
 * whole file's positions and the given ordinal. Undefined when the file cannot be entered there.
 * `file` is read; the record names its input `name` (as the run named it, maybe relative to another folder).
 */
export async function recordAt(input: OpenedInput, file: string, byteOffset: number, line: number | undefined, ordinal: number, limits: ReadLimits, name = file): Promise<RawRecord | undefined> {
  const cutting = await cuttingOf(input, file);
  await input.bytes[Symbol.asyncIterator]().return?.();
  if (cutting === undefined || input.reader === undefined) return undefined;
  const { start } = cutting;
  const { size } = await stat(file);
  const range = { start: byteOffset, end: size };
  const frame = frameOf(start, file, size);
  // A line-based record starts its line: its line number says how many lines come before.
  const lines = line !== undefined && (start.kind === 'line' || start.kind === 'marker-line') ? line - 1 : await linesBefore(file, byteOffset);
  let share: InputShare;
  const digest = new RangeDigest();
  if (frame !== undefined && byteOffset > 0) {
    const { opening } = await frame;
    share = { kind: 'range', size, start, range, digest, bytes: concat(opening, rangeBytes(file, range)), lineDelta: lines - linesIn(opening), byteDelta: byteOffset - opening.length, headerBytes: 0 };
  } else {
    share = { kind: 'range', size, start, range, digest, bytes: rangeBytes(file, range), lineDelta: lines, byteDelta: byteOffset, headerBytes: 0 };
  }
  const records = readRecords(input.reader, share.bytes, { file: name, limits })[Symbol.asyncIterator]();
  const first = await records.next();
  await records.return?.(undefined);
  if (first.done) return undefined;
  const [placed] = (atFilePositions({ kind: 'records', records: [first.value] }, name, share) as { records: RawRecord[] }).records;
  renumber(placed!, name, ordinal);
  return placed;
}

/**
 * The record with `localOrdinal` in share I of N of a file input, as that share's run read
 * it (for records whose reader gives no byte offset), with the whole file's positions and
 * the given ordinal. Reads the share up to the record.
 */
export async function recordOfShare(input: OpenedInput, file: string, share: Share, localOrdinal: number, ordinal: number, limits: ReadLimits, name = file): Promise<RawRecord | undefined> {
  const inputShare = await shareOfInput(input, file, share);
  if (inputShare.kind === 'nothing' || input.reader === undefined) return undefined;
  const bytes = inputShare.kind === 'range' ? inputShare.bytes : input.bytes;
  if (inputShare.kind === 'range') await input.bytes[Symbol.asyncIterator]().return?.();
  let count = 0;
  const records = readRecords(input.reader, bytes, { file: name, limits })[Symbol.asyncIterator]();
  try {
    for (let next = await records.next(); !next.done; next = await records.next()) {
      if (++count !== localOrdinal) continue;
      const [placed] = (atFilePositions({ kind: 'records', records: [next.value] }, name, inputShare) as { records: RawRecord[] }).records;
      renumber(placed!, name, ordinal);
      return placed;
    }
  } finally {
    await records.return?.(undefined);
  }
  return undefined;
}

function renumber(record: RawRecord, file: string, ordinal: number): void {
  const moved = new Set<object>();
  for (const source of [record.source, ...record.issues.map((issue) => issue.source)]) {
    if (source === undefined || moved.has(source) || source.file !== file || source.ordinal === undefined) continue;
    moved.add(source);
    source.ordinal = ordinal;
  }
}
