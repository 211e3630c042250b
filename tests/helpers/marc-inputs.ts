import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarcRecord } from '../../src/model/marc.js';
import { iso2709, marcXmlCollection } from './marc-serialize.js';
import { solrDocument, type FullrecordEncoding } from './marc-solr-index.js';
import { marcStaffViewFile } from './marc-staff-view.js';
import { solrXmlResponse, type SolrDoc } from './solr-formats.js';

/**
 * The test-input builder: the same MARC records as every input bibpipe reads MARC from,
 * written into one folder. Solr inputs are indexed as SolrMarc would (marc-solr-index.ts);
 * the Staff View pages are VuFind's XSL output scraped to text (marc-staff-view.ts).
 */

export interface MarcSource {
  record: MarcRecord;
  /** The record's own ISO 2709 bytes when it came from a `.mrc` file (kept byte for byte, MARC-8 included). */
  bytes?: Uint8Array;
}

export type MarcInputKind = 'mrc' | 'marcxml' | 'ndjson-json' | 'ndjson-iso2709' | 'ndjson-xml' | 'solr-json-response' | 'solr-xml' | 'staff-view';

export const MARC_INPUT_FILES: Readonly<Record<MarcInputKind, string>> = {
  mrc: 'records.mrc',
  marcxml: 'records.marcxml.xml',
  'ndjson-json': 'solr-fullrecord-json.ndjson',
  'ndjson-iso2709': 'solr-fullrecord-iso2709.ndjson',
  'ndjson-xml': 'solr-fullrecord-xml.ndjson',
  'solr-json-response': 'solr-response.json',
  'solr-xml': 'solr-response.xml',
  'staff-view': 'staff-view-pages.txt',
};

/** Solr writes `_version_` as a bare 64-bit integer. */
function jsonLine(doc: SolrDoc): string {
  const parts = Object.entries(doc).map(([name, value]) => (name === '_version_' ? `"_version_":${String(value)}` : `${JSON.stringify(name)}:${JSON.stringify(value)}`));
  return `{${parts.join(',')}}`;
}

const version = (index: number): string => (1_790_000_000_000_000_000n + BigInt(index)).toString();

export function solrDocuments(sources: readonly MarcSource[], encoding: FullrecordEncoding): SolrDoc[] {
  return sources.map((source, index) => solrDocument(source.record, encoding, version(index)));
}

/** Writes every input kind for the records into `directory`; returns the paths by kind. */
export function writeMarcInputs(sources: readonly MarcSource[], directory: string, kinds: readonly MarcInputKind[] = Object.keys(MARC_INPUT_FILES) as MarcInputKind[]): Record<MarcInputKind, string> {
  const paths = Object.fromEntries(Object.entries(MARC_INPUT_FILES).map(([kind, name]) => [kind, join(directory, name)])) as Record<MarcInputKind, string>;
  const records = sources.map((source) => source.record);
  const write: Record<MarcInputKind, () => string | Uint8Array> = {
    mrc: () => Buffer.concat(sources.map((source) => source.bytes ?? iso2709(source.record))),
    marcxml: () => marcXmlCollection(records),
    'ndjson-json': () => `${solrDocuments(sources, 'json').map(jsonLine).join('\n')}\n`,
    'ndjson-iso2709': () => `${solrDocuments(sources, 'iso2709').map(jsonLine).join('\n')}\n`,
    'ndjson-xml': () => `${solrDocuments(sources, 'xml').map(jsonLine).join('\n')}\n`,
    'solr-json-response': () => {
      const docs = solrDocuments(sources, 'json').map(jsonLine).join(',\n');
      return `{"responseHeader":{"status":0,"QTime":3},"response":{"numFound":${sources.length},"start":0,"docs":[\n${docs}\n]}}\n`;
    },
    // Solr's XML writer shows the ISO 2709 separators as `#29;` `#30;` `#31;`.
    'solr-xml': () => solrXmlResponse(solrDocuments(sources, 'iso2709')),
    'staff-view': () => marcStaffViewFile(records, directory),
  };
  for (const kind of kinds) writeFileSync(paths[kind], write[kind]());
  return paths;
}
