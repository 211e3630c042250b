import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { MarcField, MarcRecord } from '../../src/model/marc.js';
import type { RawRecord } from '../../src/model/raw-record.js';
import { parseIso2709 } from '../../src/marc/index.js';

/**
 * MarcRecords for the crosswalk tests: from MARCXML text (fast-xml-parser, a test-side
 * reading independent of the project's MARC readers), from .mrc files, or built by hand
 * from the compact line form of scripts/docs/marc-lines.ts.
 */

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  isArray: (name) => ['record', 'controlfield', 'datafield', 'subfield'].includes(name),
});

interface XmlSubfield { code: string; '#text'?: string }
interface XmlDataField { tag: string; ind1?: string; ind2?: string; subfield?: XmlSubfield[] }
interface XmlControlField { tag: string; '#text'?: string }
interface XmlRecord { leader?: string; controlfield?: XmlControlField[]; datafield?: XmlDataField[] }

export function marcXmlRecords(text: string): MarcRecord[] {
  const document = parser.parse(text) as { collection?: { record?: XmlRecord[] }; record?: XmlRecord[] };
  const records = document.collection?.record ?? document.record ?? [];
  // fast-xml-parser groups elements by name; MARCXML puts control fields first, so the order holds.
  return records.map((record) => ({
    leader: String(record.leader ?? ''),
    fields: [
      ...(record.controlfield ?? []).map((field): MarcField => ({ tag: field.tag, value: field['#text'] ?? '' })),
      ...(record.datafield ?? []).map((field): MarcField => ({
        tag: field.tag,
        ind1: field.ind1 ?? ' ',
        ind2: field.ind2 ?? ' ',
        subfields: (field.subfield ?? []).map((subfield) => ({ code: subfield.code, value: subfield['#text'] ?? '' })),
      })),
    ],
  }));
}

export function marcXmlFile(path: string): MarcRecord[] {
  return marcXmlRecords(readFileSync(path, 'utf8'));
}

export { marcFromLines } from '../../scripts/docs/marc-lines.js';

/** A raw record as a Solr reader would give it: indexed fields plus the MARC behind them. */
export function rawWithMarc(marc: MarcRecord, fields: RawRecord['fields'] = {}): RawRecord {
  return { format: 'solr-json', source: { file: 'test.json', line: 1 }, fields: { record_format: 'marc', ...fields }, issues: [], marc };
}

/** The records of an ISO 2709 file (split at the record terminator 0x1D), parsed by the project's MARC reader. */
export function mrcFile(path: string): MarcRecord[] {
  const bytes = readFileSync(path);
  const records: MarcRecord[] = [];
  let start = 0;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] !== 0x1d) continue;
    records.push(parseIso2709(bytes.subarray(start, index + 1)));
    start = index + 1;
  }
  return records;
}
