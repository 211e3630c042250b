import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { BlockFile } from '../block-file.js';
import { basename, dirname, join } from 'node:path';

/**
 * Synchronous, block-buffered file I/O for merge: one thread pulls record after record from
 * many shard files in turn, so a promise per record would cost more than the copy itself.
 * Memory: one block per open file.
 */

const BLOCK = 256 * 1024;

/** Reads a file front to back in blocks; `take(n)` hands out the next n bytes. */
export class BlockReader extends BlockFile {
  /** Bytes handed out so far (the position in the file). */
  position = 0;

  /** A missing file reads as empty (a shard that wrote no MEDLINE file). */
  constructor(readonly path: string) {
    super(existsSync(path) ? openSync(path, 'r') : undefined, BLOCK);
  }

  get exists(): boolean {
    return this.fd !== undefined;
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
