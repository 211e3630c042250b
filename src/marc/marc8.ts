import { createRequire } from 'node:module';

/**
 * MARC-8 -> Unicode with the `marc8` package (the Library of Congress code tables: ASCII,
 * ANSEL, Greek, Cyrillic, Hebrew, Arabic, EACC, sub/superscripts). Loaded on first use:
 * its tables are 0.8 MB and most records are UTF-8. The result is NFC (MARC-8 combining
 * marks come out decomposed; bibpipe's text is composed).
 */
type Marc8Translate = (bytes: Buffer, options?: { normalization?: string }) => string;

let translate: Marc8Translate | undefined;

function loadTranslate(): Marc8Translate {
  translate ??= createRequire(import.meta.url)('marc8') as Marc8Translate;
  return translate;
}

/** Thrown with the offset (inside the bytes given) of the first byte MARC-8 does not define. */
export class Marc8Error extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Decodes one MARC-8 value (a subfield or a control field). The package reports an
 * undefined code as a thrown string "MARC8, input byte offset N, ..." and crashes with a
 * TypeError on an escape sequence cut off at the end: both become a Marc8Error.
 */
export function decodeMarc8(bytes: Uint8Array): string {
  let ascii = true;
  for (const byte of bytes) if (byte >= 0x80 || byte === 0x1b) ascii = false;
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  try {
    return loadTranslate()(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).normalize('NFC');
  } catch (error) {
    const text = typeof error === 'string' ? error : error instanceof Error ? error.message : String(error);
    const offset = Number(/byte offset (\d+)/.exec(text)?.[1] ?? bytes.lastIndexOf(0x1b));
    return rethrow(text, Math.max(0, Math.min(offset, bytes.length)));
  }
}

function rethrow(text: string, offset: number): never {
  const what = text.startsWith('MARC8') ? text.replace(/^MARC8, input byte offset \d+, /, 'undefined MARC-8 character: ') : 'a MARC-8 escape sequence is cut off';
  throw new Marc8Error(what, offset);
}

/** True when the bytes decode as MARC-8 without an undefined character. */
export function isMarc8(bytes: Uint8Array): boolean {
  try {
    decodeMarc8(bytes);
    return true;
  } catch {
    return false;
  }
}
