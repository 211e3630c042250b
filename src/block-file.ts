import { closeSync, readSync } from 'node:fs';

/**
 * A file read front to back through one reused buffer: `fill(n)` makes at least n unread
 * bytes available (fewer only at the end of the file), moving the unread rest to the front
 * and reading behind it, so a long read makes no garbage per block. Synchronous on purpose:
 * merge pulls from many shard files in turn on one thread, where a promise per record
 * would cost more than the copy. Subclasses read `buffer` between `at` and `length`.
 */
export class BlockFile {
  protected buffer: Buffer;
  /** Bytes of `buffer` that hold file content, and the first one not handed out yet. */
  protected length = 0;
  protected at = 0;
  private fileOffset = 0;
  private eof: boolean;

  /** `fd` undefined reads as an empty file. */
  constructor(protected readonly fd: number | undefined, private readonly blockBytes: number) {
    this.buffer = Buffer.allocUnsafe(blockBytes);
    this.eof = fd === undefined;
  }

  protected fill(bytes: number): void {
    if (this.length - this.at >= bytes || this.eof) return;
    const rest = this.length - this.at;
    if (this.buffer.length < bytes) {
      const grown = Buffer.allocUnsafe(Math.max(this.blockBytes, bytes));
      this.buffer.copy(grown, 0, this.at, this.length);
      this.buffer = grown;
    } else {
      this.buffer.copyWithin(0, this.at, this.length);
    }
    this.length = rest;
    this.at = 0;
    while (this.length < bytes) {
      const read = readSync(this.fd!, this.buffer, this.length, this.buffer.length - this.length, this.fileOffset);
      if (read === 0) {
        this.eof = true;
        return;
      }
      this.fileOffset += read;
      this.length += read;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
