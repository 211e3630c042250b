import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/** Where one output goes: a file written atomically, or a stream such as stdout. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Makes the output visible (renames the temporary file into place). */
  commit(): Promise<void>;
  /** Drops a half-written output; the previous file, if any, stays as it was. */
  discard(): Promise<void>;
}

function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
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

/**
 * A file written under a temporary name in the same directory and renamed when complete,
 * so an interrupted run never leaves a truncated XML or CSV behind.
 */
export class AtomicFileSink implements Sink {
  private readonly stream: WriteStream;
  private readonly temporaryPath: string;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.temporaryPath = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
    this.stream = createWriteStream(this.temporaryPath);
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  get partialPath(): string {
    return this.temporaryPath;
  }

  write(text: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return writeWithBackpressure(this.stream, text);
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failure) throw this.failure;
    await rename(this.temporaryPath, this.path);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.temporaryPath, { force: true });
  }
}

/** A stream the caller owns (stdout): never closed, nothing to roll back. */
export class StreamSink implements Sink {
  constructor(private readonly stream: Writable) {}
  write(text: string): Promise<void> {
    return writeWithBackpressure(this.stream, text);
  }
  async commit(): Promise<void> {}
  async discard(): Promise<void> {}
}
