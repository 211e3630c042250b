import { existsSync, openSync } from 'node:fs';
import { BlockFile } from '../block-file.js';

/**
 * Synchronous, block-buffered reads for merge (its writes are pipeline/sinks.ts's
 * AtomicBlockFile): one thread pulls record after record from many shard files in turn, so
 * a promise per record would cost more than the copy itself.
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
