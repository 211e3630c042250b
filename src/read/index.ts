import { marcIso2709Reader } from './marc-iso2709.js';
import { marcJsonReader } from './marc-json.js';
import { marcXmlReader } from './marc-xml.js';
import { solrCsvReader } from './solr-csv.js';
import { solrJsonReader } from './solr-json.js';
import { solrXmlReader } from './solr-xml.js';
import { staffViewReader } from './staff-view/reader.js';
import { Confidence, type RecordReader } from './types.js';

/**
 * Every input format. Adding a format is one file plus one line here: detection, worker
 * parsing, `--shard` cutting and the fuzz targets (scripts/fuzz/targets.ts) all come from
 * the readers' own declarations. The order only breaks ties of detection confidence.
 */
export const readers: readonly RecordReader[] = [staffViewReader, marcXmlReader, solrXmlReader, marcJsonReader, solrJsonReader, marcIso2709Reader, solrCsvReader];

/**
 * The input formats' names as a type (`from: 'solr-jsn'` fails to compile); a test checks
 * that it lists exactly the registered readers.
 */
export const INPUT_FORMATS = ['staff-view', 'solr-xml', 'solr-json', 'solr-csv', 'marc', 'marcxml', 'marc-json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export function isInputFormat(name: string): name is InputFormat {
  return (INPUT_FORMATS as readonly string[]).includes(name);
}

export function findReader(name: string): RecordReader | undefined {
  return readers.find((reader) => reader.name === name);
}

/** The reader most confident that the head of an input is its format (ties: registry order); none when no reader claims it. */
export function detectReader(head: string): RecordReader | undefined {
  let best: RecordReader | undefined;
  let bestConfidence: number = Confidence.none;
  for (const reader of readers) {
    const confidence = reader.detect(head);
    if (confidence > bestConfidence) {
      best = reader;
      bestConfidence = confidence;
    }
  }
  return best;
}

export type { RecordReader } from './types.js';
export { DEFAULT_READ_LIMITS } from './types.js';
