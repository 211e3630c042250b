import { invalidUtf8Offset } from '../text.js';

// Where the first ill-formed sequence starts lives in src/text.ts (MARC parsing below the readers needs it too).
export { invalidUtf8Offset };


/** Bytes a UTF-8 sequence starting with this lead byte has in all (1 for anything else). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Bytes at the end of a chunk that start a sequence the chunk does not finish. */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return bytes.subarray(bytes.length);
    if (byte >= 0xc0) return sequenceLength(byte) > back ? bytes.subarray(bytes.length - back) : bytes.subarray(bytes.length);
  }
  return bytes.subarray(bytes.length);
}

/**
 * A streaming UTF-8 decoder that refuses invalid bytes and knows where they are: the
 * offset of the first byte that cannot belong to valid UTF-8, even when a sequence
 * started in the previous chunk.
 */
export class StrictUtf8Decoder {
  /** Byte offset of the first invalid byte, once one was met. */
  invalidAt: number | undefined;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private offset = 0;
  private tail: Uint8Array = new Uint8Array(0);

  /** The text of the chunk, or undefined when it holds invalid UTF-8 (see `invalidAt`). */
  decode(bytes: Uint8Array): string | undefined {
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.offset += bytes.length;
      this.tail = incompleteTail(bytes.length >= 3 ? bytes : Buffer.concat([this.tail, bytes]));
      return text;
    } catch {
      const joined = Buffer.concat([this.tail, bytes]);
      this.invalidAt = this.offset - this.tail.length + invalidUtf8Offset(joined);
      return undefined;
    }
  }

  /** Text still held at the end of the input, or undefined when it ends inside a sequence. */
  end(): string | undefined {
    try {
      return this.decoder.decode();
    } catch {
      this.invalidAt = this.offset - this.tail.length;
      return undefined;
    }
  }
}
