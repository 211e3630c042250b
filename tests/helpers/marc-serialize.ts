import { isControlField, type MarcRecord } from '../../src/model/marc.js';

/**
 * Test-side MARC writers: a MarcRecord as MARCXML, ISO 2709 and MARC-in-JSON, written the way
 * VuFind's SolrMarc (marc4j) writes `fullrecord`. They are independent of the readers under
 * test (no shared code), so a reader that gets back what these wrote is checked against them.
 */

/** Characters XML 1.0 cannot hold (VuFind's MARCXML writer leaves them out). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

export function xmlCharsOnly(text: string): string {
  let out = '';
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) out += char;
  return out;
}

function escapeXml(text: string): string {
  return xmlCharsOnly(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * One `<record>` in the MARC 21 slim namespace. `skipEmptySubfields`: leave out subfields with
 * an empty value, as VuFind's own MARCXML writer (the Staff View's) does; marc4j
 * (`FullRecordAsXML`) keeps them.
 */
export function marcXmlRecord(record: MarcRecord, options: { namespaced?: boolean; skipEmptySubfields?: boolean } = {}): string {
  const { namespaced = true, skipEmptySubfields = false } = options;
  const lines = [namespaced ? '<record xmlns="http://www.loc.gov/MARC21/slim">' : '<record>', `  <leader>${escapeXml(record.leader)}</leader>`];
  for (const field of record.fields) {
    if (isControlField(field)) {
      lines.push(`  <controlfield tag="${escapeXml(field.tag)}">${escapeXml(field.value)}</controlfield>`);
      continue;
    }
    lines.push(`  <datafield tag="${escapeXml(field.tag)}" ind1="${escapeXml(field.ind1)}" ind2="${escapeXml(field.ind2)}">`);
    for (const subfield of field.subfields) {
      if (skipEmptySubfields && xmlCharsOnly(subfield.value) === '') continue;
      lines.push(`    <subfield code="${escapeXml(subfield.code)}">${escapeXml(subfield.value)}</subfield>`);
    }
    lines.push('  </datafield>');
  }
  lines.push('</record>');
  return lines.join('\n');
}

export function marcXmlCollection(records: readonly MarcRecord[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n${records.map((record) => marcXmlRecord(record, { namespaced: false })).join('\n')}\n</collection>\n`;
}

const FIELD_TERMINATOR = 0x1e;
const RECORD_TERMINATOR = 0x1d;
const SUBFIELD_DELIMITER = '\u001f';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * ISO 2709 in UTF-8: lengths and offsets count bytes; a record over 99,999 bytes (or a field
 * over 9,999) gets `99999` (`9999`) there, as marc4j writes it, and only separators delimit.
 */
export function iso2709(record: MarcRecord): Uint8Array {
  const encoder = new TextEncoder();
  const bodies = record.fields.map((field) => {
    const text = isControlField(field)
      ? field.value
      : `${field.ind1}${field.ind2}${field.subfields.map((subfield) => `${SUBFIELD_DELIMITER}${subfield.code}${subfield.value}`).join('')}`;
    return Uint8Array.from([...encoder.encode(text), FIELD_TERMINATOR]);
  });
  let directory = '';
  let offset = 0;
  bodies.forEach((body, index) => {
    directory += `${(record.fields[index]?.tag ?? '???').padEnd(3).slice(0, 3)}${body.length > 9999 ? '9999' : pad(body.length, 4)}${offset > 99999 ? '99999' : pad(offset, 5)}`;
    offset += body.length;
  });
  const directoryBytes = encoder.encode(`${directory}\u001e`);
  const baseAddress = 24 + directoryBytes.length;
  const total = baseAddress + offset + 1;
  const leaderText = record.leader.padEnd(24).slice(0, 24);
  const leader = `${total > 99999 ? '99999' : pad(total, 5)}${leaderText.slice(5, 12)}${baseAddress > 99999 ? '99999' : pad(baseAddress, 5)}${leaderText.slice(17)}`;
  const parts = [encoder.encode(leader), directoryBytes, ...bodies, Uint8Array.of(RECORD_TERMINATOR)];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** marc4j writes every character above U+00FF as `\uXXXX`. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0100-\uffff]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** MARC-in-JSON as `FullRecordAsJSON2` writes it, ending in a line feed. */
export function marcInJson(record: MarcRecord): string {
  const fields = record.fields.map((field) =>
    isControlField(field)
      ? { [field.tag]: field.value }
      : { [field.tag]: { subfields: field.subfields.map((subfield) => ({ [subfield.code]: subfield.value })), ind1: field.ind1, ind2: field.ind2 } });
  return `${asciiJson({ leader: record.leader, fields })}\n`;
}
