import type { Writable } from 'node:stream';
import { writeWithBackpressure } from '../atomic-file.js';

export { AtomicBlockFile, AtomicFileSink, openExclusive, removePartialFilesNow, writeFileAtomically } from '../atomic-file.js';
export type { OpenTemporaryFile, TemporaryFile } from '../atomic-file.js';

/** Where one output goes: a file written atomically, or a stream such as stdout. */
export interface Sink {
  /** Text, or text already encoded as UTF-8 (worker threads hand over bytes, not strings). */
  write(text: string | Uint8Array): Promise<void>;
  /** Makes the output visible (renames the temporary file into place). */
  commit(): Promise<void>;
  /** Drops a half-written output; the previous file, if any, stays as it was. Never fails. */
  discard(): Promise<void>;
  /** Settles once the output can be written to; rejects when it cannot (a missing directory). */
  opened?(): Promise<void>;
}

/** A stream the caller owns (stdout): never closed, nothing to roll back. */
export class StreamSink implements Sink {
  constructor(private readonly stream: Writable) {}
  write(text: string | Uint8Array): Promise<void> {
    return writeWithBackpressure(this.stream, text);
  }
  async commit(): Promise<void> {}
  async discard(): Promise<void> {}
}
