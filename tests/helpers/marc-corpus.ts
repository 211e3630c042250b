import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIso2709, parseMarcXml } from '../../src/marc/index.js';
import { isControlField, type MarcField, type MarcRecord } from '../../src/model/marc.js';
import { xmlCharsOnly } from './marc-serialize.js';
import { PROJECT_ROOT } from './shared-paths.js';

/**
 * The real MARC records of tests/fixtures/marc (README there names every file's source).
 * `dev` is for tests; `held-out` is the accuracy measure's set.
 */

export const MARC_CORPUS_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'marc');

export interface CorpusMarcRecord {
  /** `dev/pymarc-marc.mrc#3`: file and 1-based position. */
  name: string;
  record: MarcRecord;
  /** The record's own bytes, for ISO 2709 files. */
  bytes?: Uint8Array;
}

/** The records of one ISO 2709 file, each with its bytes (split at the record terminator). */
export function iso2709Records(bytes: Uint8Array): Uint8Array[] {
  const records: Uint8Array[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x1d); at !== -1; at = bytes.indexOf(0x1d, at + 1)) {
    records.push(bytes.subarray(start, at + 1));
    start = at + 1;
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start += 1;
  }
  if (start < bytes.length) records.push(bytes.subarray(start));
  return records;
}

export function corpusFiles(set: 'dev' | 'held-out'): string[] {
  return readdirSync(join(MARC_CORPUS_DIR, set)).filter((name) => /\.(mrc|xml)$/u.test(name)).sort().map((name) => `${set}/${name}`);
}

export function loadCorpusFile(file: string): CorpusMarcRecord[] {
  const path = join(MARC_CORPUS_DIR, file);
  if (file.endsWith('.xml')) {
    return parseMarcXml(readFileSync(path, 'utf8')).map((record, index) => ({ name: `${file}#${index + 1}`, record }));
  }
  return iso2709Records(readFileSync(path)).map((bytes, index) => ({ name: `${file}#${index + 1}`, record: parseIso2709(bytes), bytes }));
}

export function loadCorpus(set: 'dev' | 'held-out'): CorpusMarcRecord[] {
  return corpusFiles(set).flatMap(loadCorpusFile);
}

const PRE_WRAP_TAGS = new Set(['006', '007', '008']);
const collapsed = (text: string): string => text.replace(/[ \t\n\r\f]+/gu, ' ');

/**
 * The record as a MARC Staff View scrape can give it back (README "What a scrape can and
 * cannot give back"): characters XML cannot hold are gone; outside the LEADER/006/007/008
 * rows runs of white space are one space and a control field loses white space at its
 * ends; subfields with an empty value are gone; a blank indicator is a space.
 */
export function asScrapeSees(record: MarcRecord): MarcRecord {
  const fields = record.fields.map((field): MarcField => {
    if (isControlField(field)) {
      const value = xmlCharsOnly(field.value);
      return { tag: field.tag, value: PRE_WRAP_TAGS.has(field.tag) ? value : collapsed(value).replace(/^ | $/gu, '') };
    }
    const subfields = field.subfields
      .map((subfield) => ({ code: subfield.code, value: collapsed(xmlCharsOnly(subfield.value)) }))
      .filter((subfield) => subfield.value !== '');
    const indicator = (value: string): string => (value.trim() === '' ? ' ' : value);
    return { tag: field.tag, ind1: indicator(field.ind1), ind2: indicator(field.ind2), subfields };
  });
  return { leader: xmlCharsOnly(record.leader), fields };
}
