import { randomBytes } from 'node:crypto';
import { closeSync, constants, createWriteStream, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';

/**
 * The one way bibpipe puts a file in place atomically: written under an unpredictable
 * temporary name beside it (created exclusively, never through a link), renamed when
 * complete. Run outputs (pipeline's output set), merge's outputs, run-state files and the
 * live Solr cursor file all go through it. It belongs to no stage, so every layer may use it.
 */

export function writeWithBackpressure(stream: Writable, text: string | Uint8Array): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/** Opens the stream a temporary file is written through (tests inject failing ones). */
export type OpenTemporaryFile = (path: string) => Writable;

/**
 * Created new or not at all, never through a symbolic link: a link or file planted under
 * the temporary name makes the open fail (EEXIST, ELOOP) instead of writing to its target.
 */
const EXCLUSIVE_NO_FOLLOW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

// fs.open takes numeric flags too (O_NOFOLLOW has no letter); @types/node only lists strings.
export const openExclusive: OpenTemporaryFile = (path) => createWriteStream(path, { flags: EXCLUSIVE_NO_FOLLOW as unknown as string, mode: 0o644 });

/** A name beside `path` that nobody can guess ahead: 96 random bits. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.partial`);
}

/** Temporary files not yet committed or discarded, for a process that must exit at once. */
const livePartialFiles = new Set<string>();

/** Temporary directories in use (validate's spooled findings), removed with the partial files. */
const liveTemporaryDirectories = new Set<string>();

export function holdTemporaryDirectory(path: string): void {
  liveTemporaryDirectories.add(path);
}

export function releaseTemporaryDirectory(path: string): void {
  liveTemporaryDirectories.delete(path);
}

/**
 * Removes every temporary output file and directory still open (synchronously: for an exit forced by a
 * signal or a closed stdout, when there is no time left to discard them one by one).
 */
export function removePartialFilesNow(): void {
  for (const directory of liveTemporaryDirectories) rmSync(directory, { recursive: true, force: true });
  liveTemporaryDirectories.clear();
  for (const path of livePartialFiles) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  livePartialFiles.clear();
}

/**
 * A file written under a temporary name in the same directory and renamed when complete,
 * so an interrupted run, a crash or a full disk never leaves a truncated XML or CSV behind:
 * the previous file, if any, stays as it was until the rename.
 */
export class AtomicFileSink implements TemporaryFile {
  private readonly stream: Writable;
  private readonly temporaryPath: string;
  private failure: Error | undefined;

  constructor(readonly path: string, open: OpenTemporaryFile = openExclusive) {
    this.temporaryPath = temporaryNameFor(path);
    livePartialFiles.add(this.temporaryPath);
    this.stream = open(this.temporaryPath);
    this.stream.on('error', (error) => {
      this.failure ??= this.describe(error);
    });
  }

  opened(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    // Only file streams open asynchronously (and say so with `pending`).
    if ((this.stream as Writable & { pending?: boolean }).pending !== true) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onReady = (): void => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error): void => {
        this.stream.off('ready', onReady);
        reject(this.failure ?? this.describe(error));
      };
      this.stream.once('ready', onReady);
      this.stream.once('error', onError);
    });
  }

  get partialPath(): string {
    return this.temporaryPath;
  }

  /** The first I/O failure (ENOSPC, EACCES, ...), named after the file the user asked for. */
  private describe(error: Error): Error {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EDQUOT' ? 'the disk quota is used up' : code === 'EFBIG' ? 'the file is larger than the system allows' : error.message;
    return Object.assign(new Error(`Cannot write ${this.path}: ${reason}`, { cause: error }), { code });
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    try {
      await writeWithBackpressure(this.stream, text);
    } catch (error) {
      throw (this.failure ??= this.describe(error as Error));
    }
  }

  async commit(): Promise<void> {
    await this.finish();
    await rename(this.temporaryPath, this.path);
    livePartialFiles.delete(this.temporaryPath);
  }

  /** Writes out everything and closes the temporary file, without renaming it into place. */
  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    try {
      await new Promise<void>((resolve, reject) => {
        this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      });
    } catch (error) {
      throw (this.failure ??= this.describe(error as Error));
    }
    if (this.failure) throw this.failure;
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    // Discarding runs while another failure is being reported: it must not replace it.
    await rm(this.temporaryPath, { force: true }).catch(() => undefined);
    livePartialFiles.delete(this.temporaryPath);
  }
}

/** What an output set needs of a file written under a temporary name (either kind below). */
export interface TemporaryFile {
  readonly path: string;
  readonly partialPath: string;
  /** Writes out everything and closes the temporary file, without renaming it into place. */
  finish(): Promise<void>;
  /** Removes the temporary file. Never fails. */
  discard(): Promise<void>;
}

const BLOCK = 256 * 1024;

/**
 * The synchronous twin of AtomicFileSink for merge, which pulls record after record from
 * many shard files on one thread (a promise per record would cost more than the copy):
 * the same unpredictable temporary name, created exclusively and never through a link,
 * the same removal at a forced exit; written in blocks of 256 KB.
 */
export class AtomicBlockFile implements TemporaryFile {
  private fd: number | undefined;
  private readonly buffer = Buffer.allocUnsafe(BLOCK);
  private length = 0;
  readonly partialPath: string;
  bytes = 0;

  constructor(readonly path: string) {
    this.partialPath = temporaryNameFor(path);
    this.fd = openSync(this.partialPath, EXCLUSIVE_NO_FOLLOW, 0o644);
    livePartialFiles.add(this.partialPath);
  }

  write(data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    this.bytes += bytes.length;
    if (bytes.length > BLOCK - this.length) {
      this.flush();
      if (bytes.length >= BLOCK) {
        writeAll(this.fd!, bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private flush(): void {
    if (this.length === 0) return;
    writeAll(this.fd!, this.buffer.subarray(0, this.length));
    this.length = 0;
  }

  finish(): Promise<void> {
    if (this.fd !== undefined) {
      this.flush();
      closeSync(this.fd);
      this.fd = undefined;
    }
    return Promise.resolve();
  }

  async discard(): Promise<void> {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = undefined;
    await rm(this.partialPath, { force: true }).catch(() => undefined);
    livePartialFiles.delete(this.partialPath);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/**
 * One small file (a cursor file outside any output set) put in place atomically: written
 * under an unpredictable temporary name beside it, then renamed over it.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const sink = new AtomicFileSink(path);
  try {
    await sink.opened();
    await sink.write(text);
    await sink.commit();
  } catch (error) {
    await sink.discard();
    throw error;
  }
}


/**
 * `mkdir -p` one level at a time: Node's recursive mkdir never settles for some paths
 * (under /proc, for one), which would hang a run instead of failing it. A folder another
 * process makes between our look and our mkdir (shard jobs started together into
 * `shards/1`, `shards/2`, ... race for `shards`) is as good as ours: EEXIST counts as made
 * when the path is a folder now.
 */
export async function makeDirectory(path: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      if (!(await stat(current)).isDirectory()) throw new Error(`${current} is not a directory`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.unshift(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const directory of missing) {
    try {
      await mkdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await stat(directory)).isDirectory()) throw new Error(`${directory} is not a directory`);
    }
  }
}
