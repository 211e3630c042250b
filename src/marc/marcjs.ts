import { createRequire } from 'node:module';
import type { MarcField, MarcRecord } from '../model/marc.js';

/**
 * marcjs's ISO 2709 decoder (`Iso2709Parser.parse`, static and synchronous: it works on
 * the bytes, decoding each field as UTF-8 after cutting it by the directory's byte lengths
 * and offsets) behind bibpipe's MarcRecord shape. Only the parser module is loaded, not
 * the package's stream and CLI parts.
 */
interface MarcjsRecord {
  leader: string;
  /** `[tag, value]` for a control field; `[tag, indicators, code, value, code, value, ...]` otherwise. */
  fields: string[][];
}

interface MarcjsIso2709Parser {
  parse(bytes: Buffer): MarcjsRecord;
}

const Iso2709Parser = createRequire(import.meta.url)('marcjs/lib/Iso2709Parser.js') as MarcjsIso2709Parser;

const NUMERIC_TAG = /^\d{3}$/;

/**
 * The record as marcjs reads it, or undefined where marcjs would read it differently from
 * the standard: a tag that is not three digits (marcjs calls a field a control field by
 * `parseInt(tag) < 10`), or a data field without its two indicators (marcjs drops the
 * first subfield of a field whose indicators are missing). Call it only for a record whose
 * structure was checked: marcjs trusts every length and offset it reads.
 */
export function parseWithMarcjs(bytes: Uint8Array, fieldCount: number): MarcRecord | undefined {
  const parsed = Iso2709Parser.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (parsed.fields.length !== fieldCount) return undefined;
  const fields: MarcField[] = new Array<MarcField>(parsed.fields.length);
  for (let index = 0; index < parsed.fields.length; index++) {
    const parts = parsed.fields[index]!;
    const tag = parts[0]!;
    if (!NUMERIC_TAG.test(tag)) return undefined;
    if (tag.startsWith('00')) {
      fields[index] = { tag, value: (parts[1] ?? '').normalize('NFC') };
      continue;
    }
    const indicators = parts[1];
    if (indicators === undefined || indicators.length !== 2 || indicators.includes('\x1f')) return undefined;
    const subfields = [];
    for (let at = 2; at < parts.length; at += 2) subfields.push({ code: parts[at]!, value: (parts[at + 1] ?? '').normalize('NFC') });
    fields[index] = { tag, ind1: indicators[0]!, ind2: indicators[1]!, subfields };
  }
  return { leader: parsed.leader, fields };
}
