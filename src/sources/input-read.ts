import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { InputRead } from '../model/run-state.js';
import { JOINT_WINDOW } from '../model/run-state-files.js';
import { rangeBytes, type ByteRange } from './byte-ranges.js';

/**
 * The proof of what a shard read of one input file (model/run-state.ts, InputRead): a hash
 * of the bytes of its range, taken as the engine reads them (no second read), and hashes
 * of the bytes around both ends of the range, which the shard on the other side of each
 * cut takes too. Merge compares the neighbours' joint hashes: equal hashes at every cut and
 * ranges that join up prove that the shards cut one version of the file between them.
 */

/** Hashes the bytes that pass through, in the order they are read. */
export class RangeDigest {
  private readonly hash = createHash('sha256');
  private done = false;

  /** The bytes, hashed as the reader takes them. */
  async *through(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytes) {
      this.hash.update(chunk);
      yield chunk;
    }
    this.done = true;
  }

  /** The hash once every byte was read; undefined for a read that stopped early. */
  digest(): string | undefined {
    return this.done ? this.hash.digest('hex') : undefined;
  }
}

/** sha-256 of the file's bytes within JOINT_WINDOW on both sides of `at`. */
async function jointHash(path: string, at: number, size: number): Promise<string> {
  const start = Math.max(0, at - JOINT_WINDOW);
  const length = Math.min(size, at + JOINT_WINDOW) - start;
  const buffer = Buffer.alloc(Math.max(0, length));
  const handle = await open(path, 'r');
  try {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return createHash('sha256').update(buffer.subarray(0, bytesRead)).digest('hex');
  } finally {
    await handle.close();
  }
}

/** What a shard read of `path`: its range, the hash of the range's bytes when it was taken, the joint hashes. */
export async function describeRead(path: string, range: ByteRange, size: number, sha256: string | undefined): Promise<InputRead> {
  const joints: [string, string] = [await jointHash(path, range.start, size), await jointHash(path, range.end, size)];
  const read: InputRead = { range: [range.start, range.end], joints };
  if (sha256 !== undefined) read.sha256 = sha256;
  return read;
}

/** sha-256 of the file's bytes in the range now (merge checks a file it reads again against what a shard read). */
export async function rangeHash(path: string, range: ByteRange): Promise<string> {
  const digest = new RangeDigest();
  for await (const _chunk of digest.through(rangeBytes(path, range))) { /* hashed as it passes */ }
  return digest.digest()!;
}
