import { createWriteStream, existsSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, renderSolrJsonLine, renderStaffView, type CorpusRecord } from '../corpus/index.js';
import { Random } from '../corpus/random.js';
import { solrXmlResponse } from '../../tests/helpers/solr-formats.js';

/**
 * The bench corpus: what a real VuFind export looks like, not what the generator alone
 * gives. PubMed-harvest articles (the generator's `bench` profile: ~5 KB, a ~2 KB `spelling`
 * copy field) mixed with MARC books (from its `accuracy` profile, ~1.3 KB), so that a document
 * averages ~3.5 KB; ~2% of DOIs repeated on a record with another id (the same article
 * harvested twice) and ~0.1% of ids repeated (a record re-indexed between two pages of a
 * paged export). Both kinds of repeat are added here, after generation: the generator keeps
 * its records unique on purpose.
 */

export type InputShape = 'ndjson' | 'response' | 'xml' | 'staffView';

/** The same records in the input shapes the bench reads. */
export interface BenchInputs {
  count: number;
  /** One Solr document per line. */
  ndjson: string;
  /** One Solr JSON select response holding every document. */
  response: string;
  /** One Solr XML select response (`wt=xml`) holding every document. */
  xml: string;
  /** Staff View page scrapes, one after another. */
  staffView: string;
}

export interface InputOptions {
  count: number;
  seed: number;
  /** Which files to write (the RSS scaling needs NDJSON only). */
  shapes: readonly InputShape[];
  /** Repeat ~0.1% of ids; off for the RSS scaling, which is measured on distinct ids. */
  repeatIds: boolean;
}

/** Share of MARC books among the records: brings the mean document to ~3.5 KB. */
const BOOK_SHARE = 0.42;
/** Share of DOI-bearing records whose DOI is one an earlier record already has. */
const DOI_REPEAT_SHARE = 0.02;
/** Share of records that are an earlier record again (same id, new `_version_`). */
const ID_REPEAT_SHARE = 0.001;
/** How far back a repeat may reach (records / DOIs kept). */
const MEMORY = 5000;
/** Documents per call of the Solr XML renderer. */
const XML_BATCH = 500;

const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\//u;

function* books(seed: number): Generator<CorpusRecord> {
  // The accuracy profile mixes ~23% MARC books into its articles; only the books are taken.
  for (const record of generateCorpus({ seed, count: Number.MAX_SAFE_INTEGER, profile: 'accuracy' })) {
    if (record.doc.record_format === 'marc') yield record;
  }
}

/** Replaces the record's DOI link (and its copy in `spelling`) with `doiUrl`. */
function withDoi(record: CorpusRecord, index: number, doiUrl: string): CorpusRecord {
  const urls = record.doc.url as string[];
  const old = urls[index] as string;
  const doc: CorpusRecord['doc'] = { ...record.doc, url: urls.map((url, at) => (at === index ? doiUrl : url)) };
  const spelling = doc.spelling;
  if (Array.isArray(spelling)) doc.spelling = spelling.map((text) => text.split(old).join(doiUrl));
  return { ...record, doc };
}

/** The records of the bench corpus, the same for the same options on every machine. */
export function* benchRecords(count: number, seed: number, repeatIds: boolean): Generator<CorpusRecord> {
  const articles = generateCorpus({ seed, count, profile: 'bench' });
  const marc = books(seed + 7919);
  const random = new Random(seed ^ 0x13b3);
  const pastDois: string[] = [];
  const pastRecords: CorpusRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const source = random.chance(BOOK_SHARE) ? marc : articles;
    let record = source.next().value as CorpusRecord;
    if (repeatIds && pastRecords.length > 0 && random.chance(ID_REPEAT_SHARE)) {
      const earlier = random.pick(pastRecords);
      record = { ...earlier, doc: { ...earlier.doc, _version_: `17${random.digits(17, true)}` } };
    } else {
      const urls = Array.isArray(record.doc.url) ? record.doc.url : [];
      const doiAt = urls.findIndex((url) => DOI_URL.test(url));
      if (doiAt >= 0) {
        if (pastDois.length > 0 && random.chance(DOI_REPEAT_SHARE)) record = withDoi(record, doiAt, random.pick(pastDois));
        else if (pastDois.length < MEMORY) pastDois.push(urls[doiAt] as string);
        else pastDois[random.int(0, MEMORY - 1)] = urls[doiAt] as string;
      }
    }
    if (pastRecords.length < MEMORY) pastRecords.push(record);
    else pastRecords[random.int(0, MEMORY - 1)] = record;
    yield record;
  }
}

function write(stream: WriteStream, text: string): Promise<void> | undefined {
  return stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', () => resolve()));
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The `<doc>` elements of a batch, as the test helper that follows Solr's XMLWriter renders them. */
function xmlDocs(docs: readonly CorpusRecord['doc'][]): string {
  const response = solrXmlResponse(docs);
  const open = response.indexOf('>', response.indexOf('<result ')) + 1;
  return response.slice(open, response.lastIndexOf('</result>'));
}

/**
 * Writes the records (seeded: the same bytes on every machine) into `directory`, unless a
 * previous run already wrote exactly these.
 */
export async function writeInputs(directory: string, options: InputOptions): Promise<BenchInputs> {
  const { count, seed, shapes, repeatIds } = options;
  const base = `${count}-s${seed}${repeatIds ? '' : '-distinct'}`;
  const inputs: BenchInputs = {
    count,
    ndjson: join(directory, `records-${base}.ndjson`),
    response: join(directory, `response-${base}.json`),
    xml: join(directory, `response-${base}.xml`),
    staffView: join(directory, `staff-view-${base}.txt`),
  };
  const stamp = join(directory, `inputs-${base}.json`);
  const identity = JSON.stringify({ count, seed, repeatIds, shapes: [...shapes].sort(), version: 2 });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === identity) return inputs;
  const open = (shape: InputShape): WriteStream | undefined => (shapes.includes(shape) ? createWriteStream(inputs[shape]) : undefined);
  const ndjson = open('ndjson');
  const response = open('response');
  const xml = open('xml');
  const staffView = open('staffView');
  const waits: Array<Promise<void> | undefined> = [];
  const flush = async (): Promise<void> => {
    for (const wait of waits.splice(0)) if (wait) await wait;
  };
  if (response) waits.push(write(response, `{"responseHeader":{"status":0,"QTime":3,"params":{"q":"*:*","wt":"json"}},"response":{"numFound":${count},"start":0,"docs":[\n`));
  if (xml) waits.push(write(xml, `<?xml version="1.0" encoding="UTF-8"?>\n<response>\n  <lst name="responseHeader">\n    <int name="status">0</int>\n    <int name="QTime">3</int>\n  </lst>\n  <result name="response" numFound="${count}" start="0">`));
  let index = 0;
  let xmlBatch: CorpusRecord['doc'][] = [];
  for (const record of benchRecords(count, seed, repeatIds)) {
    const line = ndjson || response ? renderSolrJsonLine(record) : '';
    if (ndjson) waits.push(write(ndjson, `${line}\n`));
    if (response) waits.push(write(response, index === 0 ? line : `,\n${line}`));
    if (staffView) waits.push(write(staffView, `${index === 0 ? '' : '\n'}${renderStaffView(record, { sorted: true })}`));
    if (xml) {
      xmlBatch.push(record.doc);
      if (xmlBatch.length === XML_BATCH) {
        waits.push(write(xml, xmlDocs(xmlBatch)));
        xmlBatch = [];
      }
    }
    index += 1;
    await flush();
  }
  if (xml && xmlBatch.length > 0) waits.push(write(xml, xmlDocs(xmlBatch)));
  if (response) waits.push(write(response, '\n]}}\n'));
  if (xml) waits.push(write(xml, '\n  </result>\n</response>\n'));
  await flush();
  await Promise.all([ndjson, response, xml, staffView].filter((stream): stream is WriteStream => stream !== undefined).map(close));
  writeFileSync(stamp, identity);
  return inputs;
}
