import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIso2709, parseMarcXml } from '../../src/marc/index.js';
import { isControlField, type MarcField, type MarcRecord } from '../../src/model/marc.js';
import { xmlCharsOnly } from './marc-serialize.js';
import { sharedPath } from './shared-paths.js';

/**
 * The real MARC records gathered from public repositories' fixtures (tests/fixtures/marc/README.md
 * names every file's source). Data from public repositories is not committed here: the records
 * live beside the project, in `../shared/data/marc/real` (or BIBPIPE_MARC_CORPUS), with `dev/`
 * for tests and `held-out/` for the accuracy measure. Where they are absent, `dev` falls back to
 * VuFind's own MARC test records in `../shared/data/marc/vufind-tests`, so the tests still run on
 * real MARC; `held-out` is then empty and the measure says so.
 */
export const MARC_CORPUS_DIR = process.env.BIBPIPE_MARC_CORPUS ?? sharedPath('data', 'marc', 'real');
const VUFIND_MARC_DIR = sharedPath('data', 'marc', 'vufind-tests');

/** Whether the gathered corpus is there (else `dev` is VuFind's records and `held-out` is empty). */
export const HAS_MARC_CORPUS = existsSync(join(MARC_CORPUS_DIR, 'dev'));

function corpusRoot(set: 'dev' | 'held-out'): string | undefined {
  if (HAS_MARC_CORPUS) return join(MARC_CORPUS_DIR, set);
  return set === 'dev' && existsSync(VUFIND_MARC_DIR) ? VUFIND_MARC_DIR : undefined;
}

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
  const root = corpusRoot(set);
  if (root === undefined) return [];
  return readdirSync(root).filter((name) => /\.(mrc|xml)$/u.test(name)).sort().map((name) => join(root, name));
}

export function loadCorpusFile(path: string): CorpusMarcRecord[] {
  const file = path.split('/').slice(-2).join('/');
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
