import { marcIso2709Reader } from './marc-iso2709.js';
import { marcJsonReader } from './marc-json.js';
import { marcXmlReader } from './marc-xml.js';
import { solrCsvReader } from './solr-csv.js';
import { solrJsonReader } from './solr-json.js';
import { solrXmlReader } from './solr-xml.js';
import { staffViewReader } from './staff-view/reader.js';
import type { RecordReader } from './types.js';

/**
 * Every input format, in detection order (the most specific first). Adding a format is
 * one file plus one line here.
 */
export const readers: readonly RecordReader[] = [staffViewReader, marcXmlReader, solrXmlReader, marcJsonReader, solrJsonReader, marcIso2709Reader, solrCsvReader];

export function findReader(name: string): RecordReader | undefined {
  return readers.find((reader) => reader.name === name);
}

/** The first reader whose `detect` accepts the head of an input. */
export function detectReader(head: string): RecordReader | undefined {
  return readers.find((reader) => reader.detect(head));
}

export type { ReadContext, ReadLimits, RecordReader } from './types.js';
export { DEFAULT_READ_LIMITS } from './types.js';
