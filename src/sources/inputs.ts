import { createReadStream, readdir as readdirWithCallback } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { headText, peekBytes } from '../read/peek.js';
import { blankInputReader, isBlankText } from '../read/blank-input.js';
import { detectReader, findReader } from '../read/index.js';
import { isSolrSource } from './solr-http.js';
import type { RecordReader } from '../read/types.js';
import { UsageError } from '../errors.js';
import { isMemoryInput, memoryInputName, type Input, type MemoryInput } from './memory.js';
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
  /**
   * The content looks like catalogue records (a reader detects it and does not say it is
   * surely something else): a file found in a folder that does not is skipped, not rejected.
   */
  looksLikeExport: boolean;
  /** With `--from`: the format the content looks like when it is another one (for a hint). */
  detectedOtherFormat?: string | undefined;
}

/** One file of the run, and whether the user named it (a file found in a folder or by a pattern was not). */
export interface ExpandedInput {
  /** The path, or the name of an input in memory. */
  path: string;
  named: boolean;
  /** An input in memory (the library's `{ text }`, `{ stream }`, `{ records }`). */
  memory?: MemoryInput | undefined;
  /**
   * A folder of the walk that could not be listed (`path` is the folder): why, in words.
   * The run reports it as one rejected input and reads the rest.
   */
  unreadable?: string | undefined;
}

export interface ExpandOptions {
  /** Folders never read (this run's output directory). */
  excludeDirectories?: readonly string[] | undefined;
  /** `--exclude GLOB`: files whose path (or, for a pattern without a slash, name) matches are not read. */
  excludeGlobs?: readonly string[] | undefined;
  /** Told of a file given again (named twice, or named and found in a folder or by a pattern): it is read once. */
  onRepeated?: ((path: string) => void) | undefined;
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
  return (await expandInputList(inputs, { excludeDirectories: exclude })).map((input) => input.path);
}

/** expandInputs, each file with whether it was named; `--exclude` patterns applied. */
export async function expandInputList(inputs: readonly Input[], options: ExpandOptions = {}): Promise<ExpandedInput[]> {
  const files: ExpandedInput[] = [];
  const excluded = new Set((options.excludeDirectories ?? []).map((path) => resolve(path)));
  for (const [index, input] of inputs.entries()) {
    if (isMemoryInput(input)) {
      files.push({ path: memoryInputName(input, index), named: true, memory: input });
      continue;
    }
    if (input === '-' || isSolrSource(input)) {
      files.push({ path: input, named: true });
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      // The glob libraries load only for a name that is not a file (most runs name files or folders).
      if ((await import('tinyglobby')).isDynamicPattern(input)) {
        files.push(...(await matchPattern(input)));
        continue;
      }
      throw new UsageError(`Input not found: ${input}`);
    }
    if (info.isDirectory()) files.push(...(await listFiles(input, excluded)));
    else files.push({ path: input, named: true });
  }
  const once = readOnce(files, options.onRepeated);
  const globs = options.excludeGlobs ?? [];
  if (globs.length === 0) return once;
  // A pattern without a slash is about the file's name (`*.bak`), one with a slash about its path.
  const byName = globs.filter((glob) => !glob.includes('/'));
  const byPath = globs.filter((glob) => glob.includes('/'));
  const { default: picomatch } = await import('picomatch');
  const nameMatches = byName.length > 0 ? picomatch(byName, { dot: true }) : () => false;
  const pathMatches = byPath.length > 0 ? picomatch(byPath, { dot: true }) : () => false;
  const isExcluded = (path: string): boolean => nameMatches(basename(path)) || pathMatches(path.replaceAll('\\', '/'));
  return once.filter((file) => !isFileOnDisk(file) || !isExcluded(file.path));
}

/** An input read from a path on disk: not text in memory, a folder that could not be listed, stdin or a live Solr source. */
function isFileOnDisk(file: ExpandedInput): boolean {
  return file.memory === undefined && file.unreadable === undefined && file.path !== '-' && !isSolrSource(file.path);
}

/**
 * Each file once, where it first comes: a file read twice would give every record of it
 * twice (the second copy all rejected as duplicate ids), and shard runs could not say which
 * reading a record belongs to. Names that reach one file (`a.json`, `./a.json`) are one file.
 */
function readOnce(files: readonly ExpandedInput[], onRepeated: ((path: string) => void) | undefined): ExpandedInput[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    if (!isFileOnDisk(file)) return true;
    const key = resolve(file.path);
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    onRepeated?.(file.path);
    return false;
  });
}

const FILE_SYSTEM_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it was removed while the run listed it',
  ENOTDIR: 'it is not a folder',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EIO: 'an input/output error',
};

/** Why a folder cannot be listed, in words (the errno code kept for the curious). */
function unreadableFolder(folder: string, error: unknown): ExpandedInput {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = FILE_SYSTEM_REASONS[code] ?? (error as Error).message.split('\n')[0]!;
  return { path: folder, named: false, unreadable: `${folder}: the folder cannot be read (${reason}${code && FILE_SYSTEM_REASONS[code] ? `, ${code}` : ''}): the files in it are not read` };
}

function byPath(a: ExpandedInput, b: ExpandedInput): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The files a pattern matches, in path order. tinyglobby (fdir) passes over a folder it
 * cannot list without a word: its readdir is wrapped so that each such folder is kept, in
 * its place in path order, as an unreadable input.
 */
async function matchPattern(pattern: string): Promise<ExpandedInput[]> {
  const unreadable: ExpandedInput[] = [];
  const readdir = ((path: string, options: { withFileTypes: true }, callback: (error: NodeJS.ErrnoException | null, entries?: unknown[]) => void) => {
    readdirWithCallback(path, options, (error, entries) => {
      // Named as the matches are: absolute for an absolute pattern, else relative to the working folder.
      const folder = path.replace(/\/+$/, '');
      if (error) unreadable.push(unreadableFolder(isAbsolute(pattern) ? resolve(folder) : relative(process.cwd(), folder), error));
      callback(error, entries);
    });
  }) as unknown as typeof readdirWithCallback;
  const { glob } = await import('tinyglobby');
  const matches = await glob(pattern, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(pattern), fs: { readdir } });
  if (matches.length === 0 && unreadable.length === 0) throw new UsageError(`No input matches the pattern ${pattern}`);
  return [...[...new Set(matches)].map((path) => ({ path, named: false })), ...unreadable].sort(byPath);
}

/**
 * The files of a directory tree; `excluded` directories (this run's output directory) are
 * skipped. A folder that cannot be listed (permission denied) is kept as an unreadable
 * input in its place, and the walk goes on with the rest.
 */
async function listFiles(directory: string, excluded: ReadonlySet<string>): Promise<ExpandedInput[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    return [unreadableFolder(directory, error)];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: ExpandedInput[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!excluded.has(resolve(path))) files.push(...(await listFiles(path, excluded)));
    }
    else if (entry.isFile() && !/\.(md|json-ld-context)$/i.test(entry.name) && entry.name !== 'README') files.push({ path, named: false });
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
  /** The input's bytes when they are not read from `name` (an input in memory). */
  bytes?: AsyncIterable<Uint8Array> | undefined;
}

/**
 * Opens one input: decompresses by content, then picks the reader from `--from` or the
 * content. Compressed data that is cut off, corrupt or a decompression bomb ends `bytes`
 * with a CompressedInputError (src/sources/decompress.ts) after the bytes that were good.
 */
export async function openInput(name: string, from: string | undefined, options: OpenInputOptions = {}): Promise<OpenedInput> {
  const raw: AsyncIterable<Uint8Array> = options.bytes ?? (name === '-' ? process.stdin : createReadStream(name));
  const peeked = await peekBytes(raw, 4);
  const compression = compressionOf(peeked.head, name);
  let bytes: AsyncIterable<Uint8Array> = peeked.stream;
  if (compression !== 'none') bytes = decompressed(peeked.stream, compression, options.decompression ?? DEFAULT_DECOMPRESSION_LIMITS, options.signal);
  const forced = from !== undefined && from !== 'auto' ? findReader(from) : undefined;
  if (from !== undefined && from !== 'auto' && !forced) throw new UsageError(`Unknown input format "${from}"`);
  const head = await peekBytes(bytes, 64 * 1024);
  const text = headText(head.head);
  if (forced) {
    const looksLike = detectReader(text);
    const other = looksLike !== undefined && looksLike.name !== forced.name ? looksLike.name : undefined;
    return { name, bytes: head.stream, reader: forced, compression, empty: peeked.head.length === 0, looksLikeExport: true, detectedOtherFormat: other };
  }
  const detected = detectReader(text);
  const reader = detected ?? (isBlankText(text) ? blankInputReader : undefined);
  // A blank input stays one: the run names it as empty.
  const looksLikeExport = reader !== undefined && detected?.holdsRecords?.(text) !== false;
  return { name, bytes: head.stream, reader, compression, empty: head.head.length === 0, looksLikeExport };
}
