import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { headText, peekBytes } from '../read/peek.js';
import { blankInputReader, isBlankText } from '../read/blank-input.js';
import { detectReader, findReader } from '../read/index.js';
import { isSolrSource } from './solr-http.js';
import type { RecordReader } from '../read/types.js';
import { UsageError } from '../errors.js';
import { decompressed, DEFAULT_DECOMPRESSION_LIMITS, type DecompressionLimits } from './decompress.js';

export { UsageError } from '../errors.js';


export interface OpenedInput {
  /** The input's name as the user gave it (`-` for stdin), or the file found in a directory. */
  name: string;
  /** Decompressed bytes. */
  bytes: AsyncIterable<Uint8Array>;
  /** The reader chosen by `--from` or detected from the content; undefined when none fits. */
  reader: RecordReader | undefined;
  /** How the format was chosen, for logs. */
  compression: 'gzip' | 'deflate' | 'brotli' | 'none';
  /**
   * The input has no byte at all (after decompression, when that was looked at): for the
   * run's "empty input" message. False when not known to be empty.
   */
  empty: boolean;
}

/** The line a run logs for an input with no content: it holds no record, and adds nothing. */
export function emptyInputMessage(name: string): string {
  return `${name}: empty input (0 bytes): no records`;
}

/**
 * Expands directories (recursively, in name order) and glob patterns (`dumps/*.json.gz`,
 * matches in path order), so that runs are deterministic. `-` (stdin) and live sources
 * (`solr+http://...`) pass through. A path that exists is taken literally even when it
 * looks like a pattern.
 */
export async function expandInputs(inputs: readonly string[], exclude: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  const excluded = new Set(exclude.map((path) => resolve(path)));
  for (const input of inputs) {
    if (input === '-' || isSolrSource(input)) {
      files.push(input);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      if (isDynamicPattern(input)) {
        files.push(...(await matchPattern(input)));
        continue;
      }
      throw new UsageError(`Input not found: ${input}`);
    }
    if (info.isDirectory()) files.push(...(await listFiles(input, excluded)));
    else files.push(input);
  }
  return files;
}

async function matchPattern(pattern: string): Promise<string[]> {
  const matches = await glob(pattern, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(pattern) });
  if (matches.length === 0) throw new UsageError(`No input matches the pattern ${pattern}`);
  return [...new Set(matches)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The files of a directory tree; `excluded` directories (this run's output directory) are skipped. */
async function listFiles(directory: string, excluded: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!excluded.has(resolve(path))) files.push(...(await listFiles(path, excluded)));
    }
    else if (entry.isFile() && !/\.(md|json-ld-context)$/i.test(entry.name) && entry.name !== 'README') files.push(path);
  }
  return files;
}

function compressionOf(head: Buffer, name: string): OpenedInput['compression'] {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // A zlib stream: CMF 0x78, a header checksum divisible by 31, no preset dictionary
  // (files never use one; this keeps text that starts with `x?` or `x}` from matching).
  if (head[0] === 0x78 && head.length > 1 && ((head[0] << 8) | head[1]!) % 31 === 0 && (head[1]! & 0x20) === 0) return 'deflate';
  // Brotli has no magic number: only the name tells.
  if (/\.br$/i.test(name)) return 'brotli';
  return 'none';
}

export interface OpenInputOptions {
  decompression?: DecompressionLimits | undefined;
  /** Aborting ends the decompressed bytes at the next chunk. */
  signal?: AbortSignal | undefined;
}

/**
 * Opens one input: decompresses by content, then picks the reader from `--from` or the
 * content. Compressed data that is cut off, corrupt or a decompression bomb ends `bytes`
 * with a CompressedInputError (src/sources/decompress.ts) after the bytes that were good.
 */
export async function openInput(name: string, from: string | undefined, options: OpenInputOptions = {}): Promise<OpenedInput> {
  const raw: AsyncIterable<Uint8Array> = name === '-' ? process.stdin : createReadStream(name);
  const peeked = await peekBytes(raw, 4);
  const compression = compressionOf(peeked.head, name);
  let bytes: AsyncIterable<Uint8Array> = peeked.stream;
  if (compression !== 'none') bytes = decompressed(peeked.stream, compression, options.decompression ?? DEFAULT_DECOMPRESSION_LIMITS, options.signal);
  if (from !== undefined && from !== 'auto') {
    const reader = findReader(from);
    if (!reader) throw new UsageError(`Unknown input format "${from}"`);
    return { name, bytes, reader, compression, empty: peeked.head.length === 0 };
  }
  const head = await peekBytes(bytes, 64 * 1024);
  const text = headText(head.head);
  return { name, bytes: head.stream, reader: detectReader(text) ?? (isBlankText(text) ? blankInputReader : undefined), compression, empty: head.head.length === 0 };
}
