/** Whole lines cut from a byte stream, for a worker to split and parse. */
export interface RawLineBatch {
  bytes: Buffer;
  /** 1-based number of the first line. */
  firstLine: number;
  firstByteOffset: number;
  /** Lines in the batch (a last line without its LF included). */
  lines: number;
  /**
   * Lines that look like they hold a record (their first byte is not white space), at or
   * after `headerBytes`: a guess of how many records the batch holds, checked later.
   */
  likelyRecords: number;
}

const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf] as const;

function isBlankStart(byte: number | undefined): boolean {
  return byte === undefined || byte === LF || byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

/**
 * Cuts a byte stream into batches of whole lines of about `targetBytes` (a longer line
 * makes a longer batch). Line numbers and byte offsets are those `readLines` gives: a
 * UTF-8 BOM at the start is skipped, a missing final newline is fine. Only the newline
 * bytes are searched on this thread; decoding and parsing are the worker's.
 */
export async function* lineBatches(stream: AsyncIterable<Uint8Array>, headerBytes: number, targetBytes: number): AsyncGenerator<RawLineBatch> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let offset = 0;
  let nextLine = 1;
  let atStart = true;

  const cut = (bytes: Buffer, last: boolean): RawLineBatch => {
    let lines = 0;
    let likelyRecords = 0;
    let start = 0;
    while (start < bytes.length) {
      let end = bytes.indexOf(LF, start);
      if (end === -1) end = bytes.length;
      lines++;
      if (offset + start >= headerBytes && !isBlankStart(bytes[start])) likelyRecords++;
      start = end + 1;
    }
    if (!last && bytes.length > 0 && bytes[bytes.length - 1] !== LF) throw new Error('a line batch must end with a newline');
    const batch = { bytes, firstLine: nextLine, firstByteOffset: offset, lines, likelyRecords };
    nextLine += lines;
    offset += bytes.length;
    return batch;
  };

  for await (const chunk of stream) {
    let piece = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (atStart) {
      // The BOM check needs three bytes, which the first chunk may not have.
      pending.push(piece);
      pendingLength += piece.length;
      if (pendingLength < BOM.length) continue;
      piece = Buffer.concat(pending);
      pending = [];
      pendingLength = 0;
      atStart = false;
      if (piece[0] === BOM[0] && piece[1] === BOM[1] && piece[2] === BOM[2]) {
        piece = piece.subarray(3);
        offset = 3;
      }
    }
    const lastNewline = piece.lastIndexOf(LF);
    if (lastNewline === -1 || pendingLength + lastNewline + 1 < targetBytes) {
      pending.push(piece);
      pendingLength += piece.length;
      continue;
    }
    pending.push(piece.subarray(0, lastNewline + 1));
    // A copy: the batch must own its bytes (it is posted to a worker and kept for a re-run).
    yield cut(Buffer.concat(pending), false);
    const rest = piece.subarray(lastNewline + 1);
    pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    pendingLength = rest.length;
  }
  if (atStart && pendingLength > 0) {
    let piece = Buffer.concat(pending);
    if (piece[0] === BOM[0] && piece[1] === BOM[1] && piece[2] === BOM[2]) {
      piece = piece.subarray(3);
      offset = 3;
    }
    pending = [piece];
    pendingLength = piece.length;
  }
  if (pendingLength > 0) yield cut(Buffer.concat(pending), true);
}
