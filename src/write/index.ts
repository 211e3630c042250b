import { csvWriter } from './csv.js';
import { jsonLdWriter } from './jsonld.js';
import { medlineXmlWriter } from './medline-xml.js';
import { nbibWriter } from './nbib.js';
import { ndjsonWriter } from './ndjson.js';
import type { RecordWriter } from './types.js';

/** Every output format, one line each; `--to` names them. */
export const writers: readonly RecordWriter[] = [medlineXmlWriter, jsonLdWriter, csvWriter, ndjsonWriter, nbibWriter];

/**
 * The output formats' names as a type, so that a library caller's typo (`to: ['csvv']`) fails
 * to compile; a test checks that it lists exactly the registered writers.
 */
export const OUTPUT_FORMATS = ['medline', 'jsonld', 'csv', 'ndjson', 'nbib'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(name: string): name is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(name);
}

export function findWriter(name: string): RecordWriter | undefined {
  return writers.find((writer) => writer.name === name);
}

export type { RecordWriter } from './types.js';
