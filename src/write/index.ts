import { csvWriter } from './csv.js';
import { jsonLdWriter } from './jsonld.js';
import { medlineXmlWriter } from './medline-xml.js';
import { nbibWriter } from './nbib.js';
import { ndjsonWriter } from './ndjson.js';
import type { RecordWriter } from './types.js';

/** Every output format, one line each; `--to` names them. */
export const writers: readonly RecordWriter[] = [medlineXmlWriter, jsonLdWriter, csvWriter, ndjsonWriter, nbibWriter];

export function findWriter(name: string): RecordWriter | undefined {
  return writers.find((writer) => writer.name === name);
}

export type { RecordWriter } from './types.js';
