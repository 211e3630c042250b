import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, type Gunzip } from 'node:zlib';

export type Compression = 'gzip' | 'deflate' | 'brotli';

export interface DecompressionLimits {
  /**
   * Most decompressed bytes per compressed byte, checked once `ratioCheckAfterBytes` were
   * produced. Catalogue dumps compress 3-20 to 1; a file of zeros (a decompression bomb)
   * about 1000 to 1 in gzip and far more in brotli.
   */
  maxCompressionRatio: number;
  ratioCheckAfterBytes: number;
}

export const DEFAULT_DECOMPRESSION_LIMITS: DecompressionLimits = { maxCompressionRatio: 200, ratioCheckAfterBytes: 16 * 1024 * 1024 };

const FORMAT_NAMES: Record<Compression, string> = { gzip: 'gzip', deflate: 'zlib', brotli: 'brotli' };

/**
 * Why the decompressed bytes of an input stop early: the compressed data is cut off or
 * corrupt, or expands beyond the ratio cap. The records read before it stand; the run
 * turns the error into one rejected record at that point and goes on with the next input.
 */
export class CompressedInputError extends Error {
  override readonly name = 'CompressedInputError';
  constructor(
    message: string,
    readonly kind: 'truncated' | 'corrupt' | 'bomb',
    /** Compressed bytes read when it was found (the fault is at or before this offset). */
    readonly compressedOffset: number,
    /** Decompressed bytes delivered before it. */
    readonly decompressedOffset: number,
  ) {
    super(message);
  }
}

function decompressorFor(compression: Compression): Gunzip {
  if (compression === 'gzip') return createGunzip();
  if (compression === 'deflate') return createInflate();
  return createBrotliDecompress() as unknown as Gunzip;
}

/**
 * The decompressed bytes of `source`. Never hangs on bad data and never grows without
 * bound: a truncated or corrupt stream ends with a CompressedInputError naming the format
 * and how far it got; so does one that expands past the ratio cap. Aborting `signal` ends
 * it at the next chunk.
 */
export async function* decompressed(
  source: AsyncIterable<Uint8Array>,
  compression: Compression,
  limits: DecompressionLimits = DEFAULT_DECOMPRESSION_LIMITS,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const format = FORMAT_NAMES[compression];
  let compressedBytes = 0;
  let produced = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      compressedBytes += chunk.byteLength;
      yield chunk;
    }
  }
  const input = Readable.from(counted());
  const decompressor = decompressorFor(compression);
  // pipe() does not pass a source error on: a file that cannot be read must end the output too.
  input.on('error', (error) => decompressor.destroy(error));
  input.pipe(decompressor);
  try {
    for await (const chunk of decompressor as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
      produced += chunk.byteLength;
      if (produced > limits.ratioCheckAfterBytes && produced > compressedBytes * limits.maxCompressionRatio) {
        throw new CompressedInputError(
          `${format} data expands more than ${limits.maxCompressionRatio} times (${produced} bytes from ${compressedBytes}): refused as a decompression bomb`,
          'bomb', compressedBytes, produced - chunk.byteLength,
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof CompressedInputError || signal?.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // zlib codes (Z_DATA_ERROR ...) and brotli's (ERR__ERROR_FORMAT_...); anything else, such
    // as a read error of the file itself, is passed on as it is.
    if (!code.startsWith('Z_') && !code.startsWith('ERR__') && !code.startsWith('ERR_BROTLI')) throw error;
    // Both say "unexpected end of file" (Z_BUF_ERROR) for a stream cut short.
    const truncated = code === 'Z_BUF_ERROR';
    throw new CompressedInputError(
      `${truncated ? `the ${format} data ends early (truncated)` : `corrupt ${format} data (${(error as Error).message})`} after ${produced} decompressed bytes, by compressed byte ${compressedBytes}`,
      truncated ? 'truncated' : 'corrupt', compressedBytes, produced,
    );
  } finally {
    input.destroy();
    decompressor.destroy();
  }
}
