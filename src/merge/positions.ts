import type { Issue } from '../model/issue.js';

/**
 * A shard run numbers the records of an input from 1 within its share; the single run
 * numbers them within the whole input. Merge writes the single run's ordinal into the
 * places an output holds a record's position: the `source` object of an NDJSON record
 * (its last key, so it is found from the end of the line), and every `source` of a rejects
 * or skipped line. Positions are JSON numbers written by JSON.stringify, and a quote inside
 * a JSON string is always escaped, so `"ordinal":N` after `{` or `,` is a key, never text.
 */

const SOURCE_KEY = Buffer.from('"source":{"file":');

/**
 * The NDJSON record line with `source.ordinal` changed from `from` to `to`, as three parts
 * to write one after the other (slices of the line around the new number: no copy of the
 * record is made).
 */
export function renumberNdjsonRecord(line: Buffer, from: number, to: number): [Buffer, Buffer, Buffer] {
  const source = line.lastIndexOf(SOURCE_KEY);
  if (source === -1) throw new Error('an NDJSON record without its "source" object');
  const key = `"ordinal":${from}`;
  let at = line.indexOf(key, source);
  while (at !== -1) {
    const before = line[at - 1];
    const after = line[at + key.length];
    if ((before === 0x2c || before === 0x7b) && (after === 0x2c || after === 0x7d)) {
      return [line.subarray(0, at), Buffer.from(`"ordinal":${to}`), line.subarray(at + key.length)];
    }
    at = line.indexOf(key, at + 1);
  }
  throw new Error(`an NDJSON record whose source has no ordinal ${from}`);
}

function renumberSources(value: unknown, file: string, from: number, to: number): void {
  if (Array.isArray(value)) {
    for (const item of value) renumberSources(item, file, from, to);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  const source = object.source as { file?: unknown; ordinal?: unknown } | undefined;
  if (source !== null && typeof source === 'object' && source.file === file && source.ordinal === from) source.ordinal = to;
  for (const [key, child] of Object.entries(object)) if (key !== 'source' && key !== 'fields') renumberSources(child, file, from, to);
}

/**
 * Rejects/skipped lines (one or more JSON lines of one record) with every `source` of the
 * record renumbered. JSON.parse then JSON.stringify gives back the same bytes for what
 * JSON.stringify wrote (key order, numbers and strings survive the round trip).
 */
export function renumberJsonLines(text: Buffer, file: string, from: number, to: number, replaced?: Issue): Buffer {
  const lines = text.toString('utf8').split('\n');
  const out = lines.map((line) => {
    if (line === '') return line;
    const value = JSON.parse(line) as { issues?: Issue[] };
    renumberSources(value, file, from, to);
    // A finding that names another record (a duplicate id's first record) names the single run's.
    if (replaced !== undefined) {
      for (const issue of value.issues ?? []) {
        if (issue.code !== replaced.code) continue;
        issue.message = replaced.message;
        issue.related = replaced.related;
      }
    }
    return JSON.stringify(value);
  });
  return Buffer.from(out.join('\n'));
}
