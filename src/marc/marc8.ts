import { createRequire } from 'node:module';

/**
 * MARC-8 -> Unicode with the code tables of the `marc8` package (the Library of Congress
 * mappings: ASCII, ANSEL, Greek, Cyrillic, Hebrew, Arabic, EACC, sub/superscripts). Its
 * own `translate()` is not used: it looks a character up only in the half of the code
 * table its set was designated for (yaz writes Extended Arabic as `ESC ( 4` + 0x76 for
 * 0xF6), fails on a space in a non-Latin G0 set, crashes on an escape cut off at the end,
 * truncates code points above U+FFFF and reports errors as thrown strings. The walk below
 * is those escape and combining rules (MARC 21 Specifications, "Character sets"), and
 * `translate()` stays its oracle in the property test where both apply. Loaded on first
 * use: the tables are 0.8 MB and most records are UTF-8.
 */
type CodeTable = Record<number, [number, number] | undefined>;
interface Marc8Tables {
  CODESETS: Record<number, CodeTable | undefined>;
  ODD_MAP: Record<number, number | undefined>;
}

let tables: Marc8Tables | undefined;

function loadTables(): Marc8Tables {
  tables ??= createRequire(import.meta.url)('marc8/lib/marc8_mapping.js') as Marc8Tables;
  return tables;
}

const ESC = 0x1b;
const BASIC_LATIN = 0x42;
const ANSEL = 0x45;
/** East Asian Character Code: three bytes a character. */
const EACC = 0x31;
/** Technique 2 escapes (ESC + final byte) that designate G0: Greek symbols, subscripts, superscripts, ASCII. */
const SHORT_ESCAPES: Record<number, number | undefined> = { 0x67: 0x67, 0x62: 0x62, 0x70: 0x70, 0x73: BASIC_LATIN };
const G0_INTERMEDIATES = new Set([0x28, 0x2c]); // ( ,
const G1_INTERMEDIATES = new Set([0x29, 0x2d]); // ) -

/** Thrown with the offset (inside the bytes given) of the first byte MARC-8 does not define. */
export class Marc8Error extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface Designation {
  g0: number;
  g1: number;
}

/** Reads the escape sequence at `at`; returns where the text goes on. */
function designate(bytes: Uint8Array, at: number, state: Designation): number {
  const first = bytes[at + 1];
  if (first === undefined) throw new Marc8Error('an escape sequence is cut off', at);
  const short = SHORT_ESCAPES[first];
  if (short !== undefined) {
    state.g0 = short;
    return at + 2;
  }
  let next = at + 1;
  const multibyte = bytes[next] === 0x24; // $
  if (multibyte) next++;
  const intermediate = bytes[next];
  let final = bytes[next + 1];
  let target: 'g0' | 'g1' = 'g0';
  if (intermediate !== undefined && (G0_INTERMEDIATES.has(intermediate) || G1_INTERMEDIATES.has(intermediate))) {
    target = G1_INTERMEDIATES.has(intermediate) ? 'g1' : 'g0';
    next += 2;
  } else if (multibyte) {
    final = intermediate; // ESC $ F: G0, multibyte
    next += 1;
  } else {
    throw new Marc8Error(`an unknown escape sequence (1B ${first.toString(16).toUpperCase()})`, at);
  }
  if (final === undefined) throw new Marc8Error('an escape sequence is cut off', at);
  if (loadTables().CODESETS[final] === undefined) throw new Marc8Error(`an escape to an unknown character set (final byte ${final.toString(16).toUpperCase()})`, at);
  state[target] = final;
  return next;
}

/** The Unicode character of a code in a set: in the half of the table it was written for, or the other. */
function lookUp(set: number, code: number): [number, number] | undefined {
  const table = loadTables().CODESETS[set];
  if (table === undefined) return undefined;
  if (set === EACC) {
    const odd = loadTables().ODD_MAP[code];
    return table[code] ?? (odd === undefined ? undefined : [odd, 0]);
  }
  return table[code] ?? table[code ^ 0x80];
}

/**
 * Decodes one MARC-8 value (a control field or a subfield; each starts in ASCII + ANSEL).
 * Combining marks, which MARC-8 writes before their base character, move after it; the
 * result is NFC. Throws Marc8Error at the first byte that no designated set defines.
 */
export function decodeMarc8(bytes: Uint8Array): string {
  const state: Designation = { g0: BASIC_LATIN, g1: ANSEL };
  const out: number[] = [];
  let combining: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at]!;
    if (byte === ESC) {
      at = designate(bytes, at, state);
      continue;
    }
    // Space and the C0 controls are the same in every set.
    if (byte <= 0x20) {
      out.push(byte, ...combining);
      combining = [];
      at++;
      continue;
    }
    const wide = byte < 0x80 ? state.g0 === EACC : state.g1 === EACC;
    const code = wide ? (byte << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0) : byte;
    const set = byte < 0x80 ? state.g0 : state.g1;
    const found = wide && at + 2 >= bytes.length ? undefined : lookUp(set, code);
    if (found === undefined) throw new Marc8Error(`byte ${byte.toString(16).toUpperCase()} is not a character of MARC-8 set ${set.toString(16).toUpperCase()}`, at);
    at += wide ? 3 : 1;
    if (found[1] === 1) combining.push(found[0]);
    else {
      out.push(found[0], ...combining);
      combining = [];
    }
  }
  out.push(...combining);
  return fromCodePoints(out).normalize('NFC');
}

/** String.fromCodePoint in slices: a field may hold more characters than a call takes arguments. */
function fromCodePoints(codePoints: readonly number[]): string {
  let text = '';
  for (let start = 0; start < codePoints.length; start += 8192) text += String.fromCodePoint(...codePoints.slice(start, start + 8192));
  return text;
}

/** True when the bytes decode as MARC-8 without an undefined character. */
export function isMarc8(bytes: Uint8Array): boolean {
  try {
    decodeMarc8(bytes);
    return true;
  } catch (error) {
    if (error instanceof Marc8Error) return false;
    throw error;
  }
}
