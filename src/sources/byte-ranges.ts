import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { XmlDocBoundaries } from '../read/xml-doc-boundaries.js';
import type { RecordStart } from '../read/types.js';

/**
 * Byte ranges of one big input file for N shard jobs on a shared file system, the way
 * Hadoop splits text: share I of N starts at the first record start at or after
 * floor(size x (I-1) / N) and ends where share I+1 starts, so every record belongs to the
 * share in which it starts, none to two shares and none to no share. Where records start is
 * each reader's own declaration (`RecordReader.shards`, read/types.ts):
 *
 * - `line`: the start of a line (line-delimited Solr JSON);
 * - `after-byte`: after a terminator byte (ISO 2709's 0x1D);
 * - `tag`: a top-level document start tag (Solr XML's `<doc>`), found by a structural scan
 *   from the first byte (`xmlShare`): not inside a comment, CDATA section or processing
 *   instruction, not a child document nested in its parent;
 * - `marker-line`: a line the reader takes as the start of a new record whatever came
 *   before (VuFind Staff View's loading marker, "Loading...", "Wird geladen...").
 *
 * Only uncompressed files can be cut (a gzip stream cannot be entered in the middle); other
 * inputs and formats are read whole by share 1 and not at all by the others, which is still
 * an exact partition.
 */

export interface Share {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ByteRange {
  start: number;
  end: number;
}

const SCAN_BLOCK = 256 * 1024;
const LF = 0x0a;

/** Reads [position, position + length) (shorter at the end of the file). */
async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Calls `visit` with consecutive blocks from `from` on (each with its file offset) until it returns a number. */
async function scan(path: string, from: number, visit: (block: Buffer, offset: number, last: boolean) => number | undefined, overlap = 0): Promise<number | undefined> {
  const handle = await open(path, 'r');
  try {
    let offset = from;
    for (;;) {
      const buffer = Buffer.allocUnsafe(SCAN_BLOCK + overlap);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      const block = buffer.subarray(0, bytesRead);
      const last = bytesRead < buffer.length;
      const found = visit(block, offset, last);
      if (found !== undefined) return found;
      if (last) return undefined;
      offset += SCAN_BLOCK;
    }
  } finally {
    await handle.close();
  }
}

/** The first line start at or after `cut`. */
async function nextLineStart(path: string, cut: number, size: number): Promise<number> {
  if (cut === 0) return 0;
  const found = await scan(path, cut - 1, (block, offset) => {
    const at = block.indexOf(LF);
    return at === -1 ? undefined : offset + at + 1;
  });
  return found ?? size;
}

/** The first byte after a `terminator` byte at or after `cut` (the start of the next record). */
async function nextAfterByte(path: string, cut: number, size: number, terminator: number): Promise<number> {
  if (cut === 0) return 0;
  const found = await scan(path, cut - 1, (block, offset) => {
    const at = block.indexOf(terminator);
    return at === -1 ? undefined : offset + at + 1;
  });
  return found ?? size;
}

/** The first `<name>`/`<name ...>` start tag at or after `cut`. */
async function nextTagStart(path: string, cut: number, size: number, name: string): Promise<number> {
  const tag = Buffer.from(`<${name}`);
  const found = await scan(
    path,
    cut,
    (block, offset) => {
      let at = block.indexOf(tag);
      while (at !== -1) {
        const next = block[at + tag.length];
        if (next === undefined) return undefined;
        if (next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) return offset + at;
        at = block.indexOf(tag, at + 1);
      }
      return undefined;
    },
    tag.length,
  );
  return found ?? size;
}

/** The first line starting at or after `cut` that `isMarker` accepts. */
async function nextMarkerLine(path: string, cut: number, size: number, isMarker: (line: string) => boolean): Promise<number> {
  let lineStart = await nextLineStart(path, cut, size);
  // Lines are short; read a window per candidate line.
  while (lineStart < size) {
    const window = await readAt(path, lineStart, 4096);
    const end = window.indexOf(LF);
    const line = window.subarray(0, end === -1 ? window.length : end).toString('utf8').replace(/\r$/, '');
    if (isMarker(line)) return lineStart;
    if (end === -1) {
      // A line longer than the window is no marker: go past it.
      lineStart = await nextLineStart(path, lineStart + window.length, size);
    } else {
      lineStart += end + 1;
    }
  }
  return size;
}

/** The first record start at or after `cut`, as the format declares record starts. */
function nextRecordStart(start: RecordStart, path: string, cut: number, size: number): Promise<number> {
  switch (start.kind) {
    case 'line':
      return nextLineStart(path, cut, size);
    case 'after-byte':
      return nextAfterByte(path, cut, size, start.byte);
    case 'tag':
      return nextTagStart(path, cut, size, start.name);
    case 'marker-line':
      return nextMarkerLine(path, cut, size, start.isMarker);
  }
}

/**
 * Where share `index` of `count` starts before alignment: size * (index - 1) / count, in
 * BigInt because the product passes 2^53 (where doubles round) for large files and N.
 */
function cutOffset(size: number, index: number, count: number): number {
  return Number((BigInt(size) * BigInt(index - 1)) / BigInt(count));
}

/** Share I of N of a file of `size` bytes: [start, end), aligned to record starts. */
export async function alignedRange(path: string, start: RecordStart, share: Share, size: number): Promise<ByteRange> {
  const startOf = async (index: number): Promise<number> => {
    if (index === 1) return 0;
    if (index > share.count) return size;
    const cut = cutOffset(size, index, share.count);
    return nextRecordStart(start, path, cut, size);
  };
  const from = await startOf(share.index);
  const end = Math.max(from, await startOf(share.index + 1));
  return { start: from, end };
}

/** Lines that end before `offset` (LF count): the line number at `offset` is this + 1. */
export async function linesBefore(path: string, offset: number): Promise<number> {
  if (offset === 0) return 0;
  let lines = 0;
  await scan(path, 0, (block, blockOffset) => {
    const stop = Math.min(block.length, offset - blockOffset);
    let at = block.indexOf(LF);
    while (at !== -1 && at < stop) {
      lines++;
      at = block.indexOf(LF, at + 1);
    }
    return blockOffset + block.length >= offset ? 0 : undefined;
  });
  return lines;
}

/**
 * The bytes before the first `<name` tag and after the last `</name>`: the document's
 * opening and closing, which a reader of a middle share needs around its records.
 */
export async function xmlFrame(path: string, size: number, name: string): Promise<{ opening: Buffer; closing: Buffer }> {
  const firstRecord = await nextTagStart(path, 0, size, name);
  const tailStart = Math.max(0, size - 64 * 1024);
  const tail = await readAt(path, tailStart, size - tailStart);
  const closeTag = `</${name}>`;
  const lastClose = tail.lastIndexOf(closeTag);
  return { opening: await readAt(path, 0, firstRecord), closing: lastClose === -1 ? Buffer.alloc(0) : tail.subarray(lastClose + closeTag.length) };
}

/** Where a Solr XML share starts and ends, with the container's tags to read it in. */
export interface XmlShare {
  range: ByteRange;
  /** Open tags of the container at the share's start (`<response><result ...>`). */
  opening: Buffer;
  /** End tags of the container at the share's end (`</result></response>`), for a share before the last. */
  closing: Buffer;
}

/**
 * Share I of N of a Solr XML file, cut at top-level document starts found by the same
 * structural scan the reader's splitter uses (read/xml-doc-boundaries.ts), from the first
 * byte on: `<doc` in a comment, a CDATA section or a processing instruction is text, and a
 * `<doc>` nested in a document (Solr's [child] transformer) belongs to its parent. The cost
 * is one scan of the file up to the share's end (the reader's boundary search, no parse).
 */
export async function xmlShare(path: string, share: Share, size: number): Promise<XmlShare> {
  const cuts = [share.index, share.index + 1].map((index) => (index > share.count ? size : cutOffset(size, index, share.count)));
  const found: Array<{ start: number; opening: string; closing: string }> = [];
  const scanner = new XmlDocBoundaries(1, 256 * 1024 * 1024, (offset, frame) => {
    while (found.length < cuts.length && offset >= cuts[found.length]!) found.push({ start: offset, ...frame });
  });
  if (share.index > 1 || cuts[1]! < size) {
    await scan(path, 0, (block) => {
      scanner.push(block);
      return found.length >= cuts.length ? 0 : undefined;
    });
  }
  while (found.length < cuts.length) found.push({ start: size, opening: '', closing: '' });
  const start = share.index === 1 ? 0 : found[0]!.start;
  const end = share.index === share.count ? size : Math.max(start, found[1]!.start);
  return { range: { start, end }, opening: Buffer.from(found[0]!.opening), closing: Buffer.from(found[1]!.closing) };
}

/** The first bytes of a file (format checks). */
export function headOf(path: string, bytes = 64 * 1024): Promise<Buffer> {
  return readAt(path, 0, bytes);
}

/** The file's bytes in [start, end), streamed. */
export function rangeBytes(path: string, range: ByteRange): AsyncIterable<Uint8Array> {
  if (range.end <= range.start) return (async function* () {})();
  return createReadStream(path, { start: range.start, end: range.end - 1, highWaterMark: 256 * 1024 });
}
