/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence in `bytes` (bytes.length
 * when there is none): the lead byte of a sequence that is cut off or continues wrongly
 * (`C3 28` is invalid at the C3, not at the 28), or a byte that can start no sequence.
 * Linear, by the well-formed byte sequences of the Unicode standard (table 3-7).
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const length = bytes.length;
  let at = 0;
  while (at < length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead === 0xe0) (need = 2), (low = 0xa0);
    else if ((lead >= 0xe1 && lead <= 0xec) || lead === 0xee || lead === 0xef) need = 2;
    else if (lead === 0xed) (need = 2), (high = 0x9f);
    else if (lead === 0xf0) (need = 3), (low = 0x90);
    else if (lead >= 0xf1 && lead <= 0xf3) need = 3;
    else if (lead === 0xf4) (need = 3), (high = 0x8f);
    else return at;
    for (let next = 1; next <= need; next++) {
      if (at + next >= length) return at;
      const byte = bytes[at + next]!;
      if (byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return at;
    }
    at += need + 1;
  }
  return length;
}


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
