/**
 * Reads the first bytes of a stream without losing them: returns the head and a stream
 * that replays it followed by the rest. Used for format detection from content.
 */
export async function peekBytes(
  input: AsyncIterable<Uint8Array>,
  minBytes: number,
): Promise<{ head: Buffer; stream: AsyncIterable<Uint8Array> }> {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let exhausted = false;
  // A stream that fails while peeked (a cut-off compressed file) keeps its failure for the
  // reader: the bytes before it are records too.
  let failure: { error: unknown } | undefined;
  while (size < minBytes) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (error) {
      failure = { error };
      break;
    }
    if (next.done) {
      exhausted = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (failure) throw failure.error;
    if (exhausted) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, stream: replay() };
}

/** The head decoded for detection: BOM removed, invalid bytes replaced. */
export function headText(head: Buffer, maxChars = 16_384): string {
  let text = head.subarray(0, maxChars * 4).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.slice(0, maxChars);
}

/**
 * The pieces of a stream as Buffers, its first `count` bytes left out: a splitter that
 * parsed a head (a CSV header row, a response's opening up to its docs array) goes on
 * from the bytes after it.
 */
export async function* bytesAfter(stream: AsyncIterable<Uint8Array>, count: number): AsyncGenerator<Buffer> {
  let skip = count;
  for await (const piece of stream) {
    let bytes = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
    if (skip > 0) {
      const skipped = Math.min(skip, bytes.length);
      skip -= skipped;
      bytes = bytes.subarray(skipped);
      if (bytes.length === 0) continue;
    }
    yield bytes;
  }
}
