import { spawnSync } from 'node:child_process';
import type { MarcRecord } from '../../src/model/marc.js';
import { writeIso2709, type Iso2709WriteOptions } from '../../src/marc/index.js';
import { describeWhen } from './shared.js';

/**
 * MARC test helpers: an ISO 2709 writer (to build records, damaged ones included) and the
 * guard for tests that cross-check against yaz-marcdump (Debian `yaz`, an independent MARC
 * reader; .ci/run installs it).
 */

const RT = 0x1d;

/** A MarcRecord as ISO 2709 bytes (the library's writer; leader/09 as given). */
export const toIso2709 = (record: MarcRecord, options?: Iso2709WriteOptions): Buffer => writeIso2709(record, options);

export function hasYaz(): boolean {
  return spawnSync('yaz-marcdump', ['-V'], { encoding: 'utf8' }).status === 0;
}

/** A describe block that needs yaz-marcdump: skipped with a message without it, failed in CI. */
export function describeWithYaz(name: string, body: () => void): void {
  describeWhen(name, hasYaz(), 'needs yaz-marcdump (apt-get install yaz; .ci/run installs it)', body, { requiredInCi: true });
}

/** yaz-marcdump's MARC-in-JSON output (one JSON object per record, concatenated) as MarcRecords. */
export function yazRecords(file: string, args: readonly string[] = []): MarcRecord[] {
  const run = spawnSync('yaz-marcdump', [...args, '-o', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`yaz-marcdump failed on ${file}: ${run.stderr}`);
  return splitConcatenatedJson(run.stdout).map((value) => fromMarcInJson(value as MijRecord));
}

/** yaz-marcdump converting a file to ISO 2709 in another character set (e.g. UTF-8 -> MARC-8). */
export function yazConvert(file: string, args: readonly string[], output = 'marc'): Buffer {
  const run = spawnSync('yaz-marcdump', [...args, '-o', output, file], { maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`yaz-marcdump failed on ${file}: ${run.stderr.toString()}`);
  return run.stdout;
}

interface MijRecord {
  leader: string;
  fields: Array<Record<string, string | { ind1: string; ind2: string; subfields: Array<Record<string, string>> }>>;
}

function fromMarcInJson(value: MijRecord): MarcRecord {
  return {
    leader: value.leader,
    fields: value.fields.map((entry) => {
      const [tag, content] = Object.entries(entry)[0]!;
      if (typeof content === 'string') return { tag, value: content };
      return { tag, ind1: content.ind1, ind2: content.ind2, subfields: content.subfields.map((subfield) => ({ code: Object.keys(subfield)[0]!, value: Object.values(subfield)[0]! })) };
    }),
  };
}

function splitConcatenatedJson(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') {
      if (depth++ === 0) start = at;
    } else if (char === '}' && --depth === 0) values.push(JSON.parse(text.slice(start, at + 1)));
  }
  return values;
}

/** Splits ISO 2709 bytes at record terminators (each record keeps its terminator). */
export function splitIso2709(bytes: Uint8Array): Uint8Array[] {
  const records: Uint8Array[] = [];
  let start = 0;
  for (let at = bytes.indexOf(RT); at !== -1; at = bytes.indexOf(RT, start)) {
    records.push(bytes.subarray(start, at + 1));
    start = at + 1;
  }
  if (start < bytes.length) records.push(bytes.subarray(start));
  return records;
}
