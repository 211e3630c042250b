import { isUtf8 } from 'node:buffer';
import type { MarcDataField, MarcField, MarcRecord } from '../model/marc.js';
import { invalidUtf8Offset } from '../text.js';
import { decodeMarc8, isMarc8, Marc8Error } from './marc8.js';
import { parseWithMarcjs } from './marcjs.js';
import { MarcParseError, type MarcProblem } from './problems.js';

/**
 * ISO 2709 (MARC 21 "transmission format") records, on bytes: the leader's record length,
 * base address and the directory's field lengths and offsets count UTF-8 bytes, never
 * characters. A sound UTF-8 record is decoded by marcjs; this file checks the structure
 * first (marcjs trusts every number it reads and returns garbage or an empty record for a
 * damaged one) and decodes itself only what marcjs gets wrong: records over 99,999 bytes
 * (their lengths read 99999 and only the separators delimit), directories that disagree
 * with the separators, and MARC-8 text.
 */

const RECORD_TERMINATOR = 0x1d;
const FIELD_TERMINATOR = 0x1e;
const SUBFIELD_DELIMITER = 0x1f;
const LEADER_BYTES = 24;
const ENTRY_BYTES = 12;
/** The largest number five digits hold: a longer record writes this and is delimited by separators. */
const LENGTH_OVERFLOW = 99_999;

export interface Iso2709Result {
  record: MarcRecord;
  /** Structure and encoding problems the parser recovered from, with byte offsets. */
  problems: MarcProblem[];
}

/** The byte span of one field's data (its terminator excluded). */
interface FieldSpan {
  tag: string;
  start: number;
  end: number;
}

type TextEncoding = 'utf8' | 'marc8';

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The number in `bytes[start, end)`, or undefined when they are not all ASCII digits. */
function digits(bytes: Uint8Array, start: number, end: number): number | undefined {
  let value = 0;
  for (let at = start; at < end; at++) {
    const byte = bytes[at]!;
    if (byte < 0x30 || byte > 0x39) return undefined;
    value = value * 10 + byte - 0x30;
  }
  return value;
}

/** Parses one ISO 2709 record (its record terminator may be there or not). Throws MarcParseError. */
export function parseIso2709(bytes: Uint8Array): MarcRecord {
  return readIso2709(bytes).record;
}

export interface Iso2709Options {
  /** Decode sound UTF-8 records with marcjs (default); false decodes every record here (the property test compares the two). */
  useLibrary?: boolean;
}

/** One ISO 2709 record with the problems found in its structure and text. Throws MarcParseError. */
export function readIso2709(bytes: Uint8Array, options: Iso2709Options = {}): Iso2709Result {
  if (bytes.length < LEADER_BYTES) throw new MarcParseError(`the record is ${bytes.length} bytes, shorter than the 24-byte leader`, 0);
  const problems: MarcProblem[] = [];
  const terminated = bytes[bytes.length - 1] === RECORD_TERMINATOR;
  const recordEnd = terminated ? bytes.length - 1 : bytes.length;
  if (!terminated) problems.push({ code: 'marc.record-terminator', offset: bytes.length, message: 'the record does not end with a record terminator (1D)' });
  const overflow = checkRecordLength(bytes, problems);
  const directoryEnd = bytes.indexOf(FIELD_TERMINATOR, LEADER_BYTES);
  if (directoryEnd === -1 || directoryEnd >= recordEnd) throw new MarcParseError('no field terminator (1E) ends the directory', LEADER_BYTES);
  const dataStart = directoryEnd + 1;
  const baseAddress = digits(bytes, 12, 17);
  if (baseAddress !== dataStart) {
    problems.push({ code: 'marc.base-address', offset: 12, message: `leader/12-16 gives the base address ${JSON.stringify(ascii(bytes, 12, 17))} but the directory ends at byte ${directoryEnd}, so the data starts at ${dataStart}` });
  }
  const spans = fieldSpans(bytes, dataStart, recordEnd, overflow, problems);
  const encoding = textEncoding(bytes, problems);
  if (encoding === 'utf8' && !overflow && problems.length === 0 && options.useLibrary !== false) {
    const record = parseWithMarcjs(bytes, spans.length);
    if (record !== undefined) return { record, problems };
  }
  const leader = ascii(bytes, 0, LEADER_BYTES);
  const fields = spans.map((span) => decodeField(bytes, span, encoding, problems));
  return { record: { leader, fields }, problems };
}

/** Checks leader/00-04; true when the record is longer than five digits can say (and says 99999). */
function checkRecordLength(bytes: Uint8Array, problems: MarcProblem[]): boolean {
  const declared = digits(bytes, 0, 5);
  if (declared === LENGTH_OVERFLOW && bytes.length > LENGTH_OVERFLOW) return true;
  if (declared !== bytes.length) {
    const said = declared === undefined ? `${JSON.stringify(ascii(bytes, 0, 5))}, not a number` : String(declared);
    problems.push({ code: 'marc.record-length', offset: 0, message: `leader/00-04 gives the record length ${said} but the record is ${bytes.length} bytes` });
  }
  return false;
}

/**
 * The fields the directory names, in directory order. An entry whose length and offset
 * point at a field that ends with a field terminator is taken as it is; any other entry
 * (numbers that are not digits, a span outside the data or not ending at a terminator, or
 * every entry of a record over 99,999 bytes) is read by the separators: the field starts
 * after the previous one and ends at the next terminator.
 */
function fieldSpans(bytes: Uint8Array, dataStart: number, recordEnd: number, overflow: boolean, problems: MarcProblem[]): FieldSpan[] {
  const directoryBytes = dataStart - 1 - LEADER_BYTES;
  if (directoryBytes % ENTRY_BYTES !== 0) {
    problems.push({ code: 'marc.directory', offset: LEADER_BYTES, message: `the directory is ${directoryBytes} bytes, not a multiple of 12; the last ${directoryBytes % ENTRY_BYTES} bytes are ignored` });
  }
  const spans: FieldSpan[] = [];
  let cursor = dataStart;
  for (let entry = LEADER_BYTES; entry + ENTRY_BYTES < dataStart; entry += ENTRY_BYTES) {
    const tag = ascii(bytes, entry, entry + 3);
    const length = digits(bytes, entry + 3, entry + 7);
    const offset = digits(bytes, entry + 7, entry + 12);
    const start = dataStart + (offset ?? 0);
    const end = start + (length ?? 0) - 1;
    const exact = !overflow && length !== undefined && offset !== undefined && length > 0 && end < recordEnd && bytes[end] === FIELD_TERMINATOR;
    if (exact) {
      spans.push({ tag, start, end });
      cursor = end + 1;
      continue;
    }
    if (cursor >= recordEnd) {
      problems.push({ code: 'marc.directory', offset: entry, message: `directory entry ${JSON.stringify(ascii(bytes, entry, entry + 12))} points past the data and no field is left for it; it is ignored` });
      continue;
    }
    if (!overflow) {
      problems.push({ code: 'marc.directory', offset: entry, message: `directory entry ${JSON.stringify(ascii(bytes, entry, entry + 12))} does not point at a field ending with a field terminator; the field is read up to the next terminator` });
    }
    let stop = bytes.indexOf(FIELD_TERMINATOR, cursor);
    if (stop === -1 || stop > recordEnd) {
      problems.push({ code: 'marc.field-terminator', offset: recordEnd, message: `field ${tag} runs to the end of the record without a field terminator (1E)` });
      stop = recordEnd;
    }
    spans.push({ tag, start: cursor, end: stop });
    cursor = stop + 1;
  }
  return spans;
}

/**
 * How the record's text is encoded. Leader/09 `a` declares UTF-8, blank declares MARC-8;
 * what the bytes hold decides when the two disagree (as SolrMarc's BESTGUESS does): bytes
 * that are valid UTF-8 with a multi-byte character are UTF-8 whatever the leader says, and
 * bytes that are not UTF-8 but are MARC-8 are MARC-8.
 */
function textEncoding(bytes: Uint8Array, problems: MarcProblem[]): TextEncoding {
  const declared = bytes[9] === 0x20 ? 'marc8' : 'utf8';
  let plain = true;
  for (let at = LEADER_BYTES; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (byte >= 0x80 || byte === 0x1b) {
      plain = false;
      break;
    }
  }
  if (plain) return 'utf8';
  const utf8 = isUtf8(bytes) && !bytes.includes(0x1b);
  if (declared === 'marc8' && utf8) {
    problems.push({ code: 'marc.encoding-mismatch', offset: 9, message: 'leader/09 is blank (MARC-8) but the text is UTF-8; it is read as UTF-8' });
    return 'utf8';
  }
  if (declared === 'utf8' && !utf8 && isMarc8(bytes)) {
    problems.push({ code: 'marc.undeclared-marc8', offset: 9, message: `leader/09 is ${JSON.stringify(String.fromCharCode(bytes[9]!))} (UTF-8) but byte ${invalidUtf8Offset(bytes)} is not UTF-8 and the text is MARC-8; it is read as MARC-8` });
    return 'marc8';
  }
  return declared;
}

function decodeField(bytes: Uint8Array, span: FieldSpan, encoding: TextEncoding, problems: MarcProblem[]): MarcField {
  if (span.tag.startsWith('00')) return { tag: span.tag, value: decodeText(bytes, span.start, span.end, encoding, problems) };
  const field: MarcDataField = { tag: span.tag, ind1: indicator(bytes, span.start, span.end), ind2: indicator(bytes, span.start + 1, span.end), subfields: [] };
  // Bytes before the first delimiter other than the two indicators are not MARC; they are kept nowhere, as marcjs and yaz do.
  let at = bytes.indexOf(SUBFIELD_DELIMITER, span.start);
  while (at !== -1 && at < span.end) {
    let next = bytes.indexOf(SUBFIELD_DELIMITER, at + 1);
    if (next === -1 || next > span.end) next = span.end;
    const text = decodeText(bytes, at + 1, next, encoding, problems);
    const code = String.fromCodePoint(text.codePointAt(0) ?? 0).replace('\0', '');
    field.subfields.push({ code, value: text.slice(code.length) });
    at = next < span.end ? next : -1;
  }
  return field;
}

function indicator(bytes: Uint8Array, at: number, end: number): string {
  const byte = bytes[at];
  return at >= end || byte === undefined || byte === SUBFIELD_DELIMITER ? ' ' : String.fromCharCode(byte);
}

function decodeText(bytes: Uint8Array, start: number, end: number, encoding: TextEncoding, problems: MarcProblem[]): string {
  const part = bytes.subarray(start, end);
  if (encoding === 'marc8') {
    try {
      return decodeMarc8(part);
    } catch (error) {
      if (!(error instanceof Marc8Error)) throw error;
      problems.push({ code: 'marc.invalid-characters', offset: start + error.offset, message: `${error.message}; the value is read as Latin-1` });
      return Buffer.from(part).toString('latin1').normalize('NFC');
    }
  }
  const text = Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
  if (text.includes('\uFFFD') && !isUtf8(part)) {
    problems.push({ code: 'marc.invalid-characters', offset: start + invalidUtf8Offset(part), message: 'bytes that are not UTF-8; they are read as U+FFFD' });
  }
  return text.normalize('NFC');
}
