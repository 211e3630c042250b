import type { MarcRecord } from '../model/marc.js';
import { isControlField } from '../model/marc-field-kind.js';

/**
 * A MarcRecord as ISO 2709 bytes: UTF-8 text, lengths and offsets in bytes, the leader's
 * record length and base address filled in. For building test inputs (a `.mrc`, an ISO
 * 2709 `fullrecord`) and fuzz cases; `capLengths` writes numbers that do not fit as a
 * writer does past 99,999 bytes (all nines), `encoding: 'latin1'` writes strings of MARC-8
 * bytes as they are.
 */
export interface Iso2709WriteOptions {
  capLengths?: boolean;
  encoding?: BufferEncoding;
}

const FIELD_TERMINATOR = Buffer.from([0x1e]);
const RECORD_TERMINATOR = Buffer.from([0x1d]);
const SUBFIELD_DELIMITER = Buffer.from([0x1f]);

function pad(value: number, width: number, cap: boolean): string {
  const max = 10 ** width - 1;
  return String(cap ? Math.min(value, max) : value % (max + 1)).padStart(width, '0');
}

export function writeIso2709(record: MarcRecord, options: Iso2709WriteOptions = {}): Buffer {
  const cap = options.capLengths ?? false;
  const encoding = options.encoding ?? 'utf8';
  const bodies = record.fields.map((field) => {
    const parts: Buffer[] = [];
    if (isControlField(field)) parts.push(Buffer.from(field.value, encoding));
    else {
      parts.push(Buffer.from(field.ind1 + field.ind2, encoding));
      for (const subfield of field.subfields) parts.push(SUBFIELD_DELIMITER, Buffer.from(subfield.code + subfield.value, encoding));
    }
    parts.push(FIELD_TERMINATOR);
    return Buffer.concat(parts);
  });
  let offset = 0;
  const directory = bodies.map((body, index) => {
    const entry = record.fields[index]!.tag + pad(body.length, 4, cap) + pad(offset, 5, cap);
    offset += body.length;
    return entry;
  });
  const base = 24 + 12 * bodies.length + 1;
  const leader = pad(base + offset + 1, 5, cap) + record.leader.padEnd(24, ' ').slice(5, 12) + pad(base, 5, cap) + record.leader.padEnd(24, ' ').slice(17, 24);
  return Buffer.concat([Buffer.from(leader + directory.join(''), 'latin1'), FIELD_TERMINATOR, ...bodies, RECORD_TERMINATOR]);
}
