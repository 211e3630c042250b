import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Synchronous, block-buffered file I/O for merge: one thread pulls record after record from
 * many shard files in turn, so a promise per record would cost more than the copy itself.
 * Memory: one block per open file.
 */

const BLOCK = 256 * 1024;

/** Reads a file front to back in blocks; `take(n)` hands out the next n bytes. */
export class BlockReader {
  private readonly fd: number | undefined;
  private buffer = Buffer.allocUnsafe(BLOCK);
  /** Bytes of `buffer` that hold file content, and the first one not handed out yet. */
  private length = 0;
  private at = 0;
  private fileOffset = 0;
  /** Bytes handed out so far (the position in the file). */
  position = 0;

  /** A missing file reads as empty (a shard that wrote no MEDLINE file). */
  constructor(readonly path: string) {
    this.fd = existsSync(path) ? openSync(path, 'r') : undefined;
  }

  get exists(): boolean {
    return this.fd !== undefined;
  }

  /** Keeps one buffer: the unread rest moves to its front and the file fills the remainder (no garbage per block). */
  private fill(bytes: number): void {
    if (this.length - this.at >= bytes || this.fd === undefined) return;
    const rest = this.length - this.at;
    if (this.buffer.length < bytes) {
      const grown = Buffer.allocUnsafe(Math.max(BLOCK, bytes));
      this.buffer.copy(grown, 0, this.at, this.length);
      this.buffer = grown;
    } else {
      this.buffer.copyWithin(0, this.at, this.length);
    }
    this.length = rest;
    this.at = 0;
    while (this.length < bytes) {
      const read = readSync(this.fd, this.buffer, this.length, this.buffer.length - this.length, this.fileOffset);
      if (read === 0) break;
      this.fileOffset += read;
      this.length += read;
    }
  }

  /** The next `bytes` bytes (valid until the next call: the buffer is reused); throws naming the file when it ends first. */
  take(bytes: number): Buffer {
    this.fill(bytes);
    if (this.length - this.at < bytes) {
      throw new Error(`${this.path}: ends at byte ${this.position + this.length - this.at}, but the run state says a record continues to byte ${this.position + bytes} (the outputs and run-state.bin do not belong together)`);
    }
    const slice = this.buffer.subarray(this.at, this.at + bytes);
    this.at += bytes;
    this.position += bytes;
    return slice;
  }

  /** Everything left (a document's end), at most `limit` bytes. */
  rest(limit: number): Buffer {
    this.fill(limit + 1);
    return this.buffer.subarray(this.at, Math.min(this.length, this.at + limit + 1));
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}

/** Writes a file under a temporary name in blocks; `commit` renames it into place. */
export class BlockWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BLOCK);
  private length = 0;
  readonly temporaryPath: string;
  bytes = 0;

  constructor(readonly path: string) {
    this.temporaryPath = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
    this.fd = openSync(this.temporaryPath, 'w');
  }

  write(data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    this.bytes += bytes.length;
    if (bytes.length > BLOCK - this.length) {
      this.flush();
      if (bytes.length >= BLOCK) {
        writeAll(this.fd, bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private flush(): void {
    if (this.length === 0) return;
    writeAll(this.fd, this.buffer.subarray(0, this.length));
    this.length = 0;
  }

  /** Writes what is buffered and closes; the file keeps its temporary name until `commit`. */
  finish(): void {
    this.flush();
    closeSync(this.fd);
  }

  commit(): void {
    renameSync(this.temporaryPath, this.path);
  }

  /** Never fails: it runs while another failure is being reported. */
  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.temporaryPath, { force: true });
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
