import { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import type { RawRecord } from '../../src/model/raw-record.js';
import { fullTitle } from '../../src/model/display.js';
import { BibRecordSchema } from '../../src/model/record.js';
import { normalizeRecord } from '../../src/normalize/index.js';
import { solrCsvReader } from '../../src/read/solr-csv.js';
import { solrJsonReader } from '../../src/read/solr-json.js';
import { solrXmlReader } from '../../src/read/solr-xml.js';
import { staffViewReader } from '../../src/read/staff-view/reader.js';
import { DEFAULT_READ_LIMITS, type RecordReader } from '../../src/read/types.js';
import { readers } from '../../src/read/index.js';
import { shiftOrdinals } from '../../src/read/chunked.js';
import { validateRecord } from '../../src/validate/index.js';
import { csvWriter } from '../../src/write/csv.js';
import { writers } from '../../src/write/index.js';
import { ndjsonWriter } from '../../src/write/ndjson.js';
import { HOSTILE_TARGETS } from './hostile-targets.js';
import { SHARD_CUT_TARGETS } from './shard-targets.js';
import { marcFuzzTargets } from './marc-targets.js';
import { readRecords } from '../../src/read/chunked.js';

/**
 * Fuzz targets shared by the short property tests (`npm test`) and the long campaign
 * (`npm run fuzz`): each is a fast-check property that must hold for every input.
 * Properties: never throw, never hang (the runner sets a per-case timeout), never lose a
 * record where records can be counted, and round-trip valid records where the format can.
 */
export interface FuzzTarget {
  name: string;
  property: fc.IAsyncPropertyWithHooks<unknown[]> | fc.IAsyncProperty<unknown[]>;
}

const FILE = 'fuzz-input';

/** Reads bytes in small chunks, so that chunk boundaries fall everywhere. */
async function readAll(reader: RecordReader, bytes: Uint8Array, chunkSize = 7): Promise<RawRecord[]> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(Buffer.from(bytes.subarray(at, at + chunkSize)));
  const records: RawRecord[] = [];
  for await (const record of readRecords(reader, Readable.from(chunks), { file: FILE, limits: DEFAULT_READ_LIMITS })) records.push(record);
  return records;
}

/**
 * Every record a reader yields is well-formed: it names its file, its fields are text, and
 * one with no fields at all (a document `{}`, an unreadable line) is rejected, by the
 * reader's own error or by validation.
 */
function checkRecords(records: readonly RawRecord[]): void {
  for (const record of records) {
    if (record.source.file !== FILE) throw new Error(`record without its file: ${JSON.stringify(record.source)}`);
    const rejected = (issues: readonly { severity: string }[]): boolean => issues.some((issue) => issue.severity === 'error');
    if (Object.keys(record.fields).length === 0 && !rejected(record.issues) && !rejected(validateRecord(record))) {
      throw new Error('a record with no fields that nothing rejects');
    }
    for (const [name, value] of Object.entries(record.fields)) {
      if (typeof value !== 'string' && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) throw new Error(`field ${name} is not text`);
    }
  }
}

// ---- generators -------------------------------------------------------------------------

const FIELD_NAMES = ['title', 'title_sub', 'description', 'publisher', 'author_sort', 'container_title', 'edition', 'series_str_mv'];
const MULTI_FIELDS = ['author', 'author2', 'format', 'language', 'topic', 'publishDate', 'isbn', 'issn', 'url'];

/** Text without line breaks or `|` (a Staff View cell, a CSV/NDJSON value), never blank. */
const cellText = fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(...'abcxyzABC 0129.,;:-()[]/\'"&<>é中\\\t#@=+'.split('')) })
  .map((text) => text.trim())
  .filter((text) => text !== '' && !text.includes('|'));

const idText = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/);

interface SolrDoc {
  id: string;
  [field: string]: string | string[];
}

const solrDocs = (maxLength: number): fc.Arbitrary<SolrDoc[]> =>
  fc.uniqueArray(
    fc.record({
      id: idText,
      single: fc.dictionary(fc.constantFrom(...FIELD_NAMES), cellText, { maxKeys: 4 }),
      multi: fc.dictionary(fc.constantFrom(...MULTI_FIELDS), fc.array(cellText, { minLength: 1, maxLength: 4 }), { maxKeys: 3 }),
    }).map(({ id, single, multi }) => ({ id, ...single, ...multi }) as SolrDoc),
    { minLength: 1, maxLength, selector: (doc) => doc.id },
  );

/** A line that is certainly not a JSON value (a truncated document, or text). */
const garbageLine = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }).map((text) => `#${text.replace(/[\r\n]/g, ' ')}`),
  solrDocs(1).map(([doc]) => JSON.stringify(doc)).chain((text) => fc.integer({ min: 1, max: text.length - 1 }).map((cut) => text.slice(0, cut))),
);

// ---- targets ------------------------------------------------------------------------------

const bytesProperty = (reader: RecordReader): FuzzTarget['property'] =>
  fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunkSize) => {
    checkRecords(await readAll(reader, bytes, chunkSize));
  });

/** Text shaped like the format (its markers and separators), mutated: the parser's hard cases. */
const nearFormat = (tokens: readonly string[]): fc.Arbitrary<Uint8Array> =>
  fc.array(fc.oneof(fc.constantFrom(...tokens), cellText, fc.constantFrom('\n', '\r\n', ' ', '\u0000', '\uFEFF')), { maxLength: 80 })
    .map((parts) => Buffer.from(parts.join(''), 'utf8'));

const nearFormatProperty = (reader: RecordReader, tokens: readonly string[]): FuzzTarget['property'] =>
  fc.asyncProperty(nearFormat(tokens), async (bytes) => {
    checkRecords(await readAll(reader, bytes));
  });

/**
 * Records a reader gives when its batches are cut at `targetBytes`, parsed chunk by chunk
 * and numbered as the engine numbers them (each batch from 1, then placed in the input).
 */
async function readInBatches(reader: RecordReader, bytes: Uint8Array, chunkSize: number, targetBytes: number): Promise<RawRecord[]> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(Buffer.from(bytes.subarray(at, at + chunkSize)));
  const context = { file: FILE, limits: DEFAULT_READ_LIMITS };
  const records: RawRecord[] = [];
  for await (const batch of reader.split(Readable.from(chunks), context, targetBytes)) {
    // A chunk goes through structured cloning on its way to a worker: parse such a copy.
    const parsed = batch.kind === 'records' ? batch.records : reader.parseChunk(structuredClone(batch.chunk), context);
    shiftOrdinals(parsed, records.length);
    records.push(...parsed);
  }
  return records;
}

/** Text made of the bytes that structure the formats bibpipe reads (brackets, quotes, separators, tags, markers, MARC delimiters). */
const structuralText: fc.Arbitrary<Uint8Array> = fc
  .array(fc.oneof(fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\n', '\r\n', '<', '>', '/', '|', ' ', 'id', '"id"', 'doc', '<doc>', '</doc>', 'response', 'docs', 'record', '</record>', 'Loading…', '\u001d', '\u001e', '\u001f', '00000nam a2200000 a 4500', 'id,title\n', '\\'), cellText), { maxLength: 60 })
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

/**
 * Every registered reader, from its registry entry alone (a new reader is fuzzed without
 * being listed here): arbitrary bytes never throw and give well-formed records, and the
 * records do not depend on where the input's pieces or the engine's batches were cut.
 */
const REGISTRY_TARGETS: FuzzTarget[] = readers.flatMap((reader) => [
  { name: `${reader.name}: arbitrary bytes`, property: bytesProperty(reader) },
  {
    name: `${reader.name}: any batch size gives the records of reading in one batch`,
    property: fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), structuralText), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 200 }), async (bytes, chunkSize, targetBytes) => {
      const whole = await readInBatches(reader, bytes, bytes.length + 1, 1 << 30);
      const cut = await readInBatches(reader, bytes, chunkSize, targetBytes);
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(cut)), JSON.parse(JSON.stringify(whole)))) throw new Error(`batches of ${targetBytes} bytes read ${cut.length} records, one batch ${whole.length}: ${JSON.stringify(cut).slice(0, 400)} vs ${JSON.stringify(whole).slice(0, 400)}`);
    }),
  },
]);

export const FUZZ_TARGETS: FuzzTarget[] = [
  ...REGISTRY_TARGETS,
  ...marcFuzzTargets({ readAll, checkRecords, nearFormatProperty }),
  { name: 'solr-json: near-JSON text', property: nearFormatProperty(solrJsonReader, ['{', '}', '[', ']', '"', ':', ',', '"id"', '"response"', '"docs"', 'null', '123456789012345678901', 'HTTP/1.1 200 OK\r\n\r\n']) },
  {
    // N documents + M garbage lines, first line a document: N + M records, documents in order.
    name: 'solr-json: NDJSON documents and garbage lines are all accounted for',
    property: fc.asyncProperty(solrDocs(8), fc.array(garbageLine, { maxLength: 6 }), fc.infiniteStream(fc.boolean()), async (docs, garbage, coin) => {
      const lines = [JSON.stringify(docs[0])];
      const rest: string[] = [...docs.slice(1).map((doc) => JSON.stringify(doc)), ...garbage];
      // Interleave: a coin decides for each remaining document/garbage line where it goes.
      const documents = rest.slice(0, docs.length - 1);
      const junk = rest.slice(docs.length - 1);
      const flips = coin[Symbol.iterator]();
      while (documents.length + junk.length > 0) {
        const takeJunk = junk.length > 0 && (documents.length === 0 || flips.next().value === true);
        lines.push((takeJunk ? junk : documents).shift()!);
      }
      const records = await readAll(solrJsonReader, Buffer.from(`${lines.join('\n')}\n`));
      checkRecords(records);
      if (records.length !== docs.length + garbage.length) throw new Error(`${docs.length}+${garbage.length} lines but ${records.length} records`);
      const ids = records.map((record) => record.fields.id).filter((id) => id !== undefined);
      if (JSON.stringify(ids) !== JSON.stringify(docs.map((doc) => doc.id))) throw new Error(`ids ${JSON.stringify(ids)}`);
      records.forEach((record, index) => {
        if (record.source.line !== index + 1) throw new Error(`record ${index} has line ${record.source.line}`);
      });
    }),
  },
  {
    // A streamed array of arbitrary JSON values: one record per element, objects or not.
    name: 'solr-json: streamed array elements are all accounted for',
    property: fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), fc.boolean(), async (values, asResponse) => {
      const text = asResponse ? JSON.stringify({ responseHeader: {}, response: { docs: values } }, null, 1) : JSON.stringify(values, null, 1);
      const records = await readAll(solrJsonReader, Buffer.from(text), 13);
      checkRecords(records);
      const expected = asResponse && values.length === 0 ? 0 : values.length;
      if (records.length !== expected) throw new Error(`${values.length} elements but ${records.length} records`);
    }),
  },
  { name: 'staff-view: near-page text', property: nearFormatProperty(staffViewReader, ['Loading…', 'Cargando…', '---|---|', ' | ', '|', 'Main Authors: | , |', '_version_ | 1 |', 'id | ', 'author | ', 'AT ', 'work_keys_str_mv | ']) },
  {
    name: 'staff-view: every page is one record, ids kept',
    property: fc.asyncProperty(solrDocs(5), async (docs) => {
      const pages = docs.map((doc) => {
        const rows = Object.entries(doc).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => `${name} | ${Array.isArray(value) ? value.join(' ') : value} |`);
        return ['Loading…', `Title of ${doc.id}`, 'Format: | Book |', '---|---|', '_version_ | 1 |', '---|---|', ...rows].join('\n');
      });
      const records = await readAll(staffViewReader, Buffer.from(pages.join('\n')));
      checkRecords(records);
      if (records.length !== docs.length) throw new Error(`${docs.length} pages but ${records.length} records`);
      records.forEach((record, index) => {
        if (record.fields.id !== docs[index]!.id) throw new Error(`page ${index} read as id ${String(record.fields.id)}`);
      });
    }),
  },
  { name: 'solr-xml: near-XML text', property: nearFormatProperty(solrXmlReader, ['<response>', '<result name="response">', '<doc>', '</doc>', '<str name="id">', '</str>', '<arr name="author">', '</arr>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '&amp;', '<![CDATA[', ']]>', '<?xml version="1.0"?>']) },
  {
    // Values without `#`: Solr's XML writer writes control characters as `#NN;` and the reader
    // undoes that, so a literal `#1;` cannot round-trip (an ambiguity of the format itself).
    name: 'solr-xml: every <doc> is one record, values kept',
    property: fc.asyncProperty(solrDocs(6).map((docs) => JSON.parse(JSON.stringify(docs).replaceAll('#', 'h')) as SolrDoc[]), async (docs) => {
      const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      const body = docs.map((doc) => `<doc>${Object.entries(doc).map(([name, value]) =>
        Array.isArray(value) ? `<arr name="${name}">${value.map((v) => `<str>${escape(v)}</str>`).join('')}</arr>` : `<str name="${name}">${escape(value)}</str>`).join('')}</doc>`);
      const records = await readAll(solrXmlReader, Buffer.from(`<?xml version="1.0"?>\n<response><result name="response" numFound="${docs.length}" start="0">${body.join('\n')}</result></response>`));
      checkRecords(records);
      if (records.length !== docs.length) throw new Error(`${docs.length} docs but ${records.length} records`);
      records.forEach((record, index) => {
        if (JSON.stringify(record.fields.title) !== JSON.stringify(docs[index]!.title)) throw new Error(`title of doc ${index} changed: ${JSON.stringify(record.fields.title)}`);
      });
    }),
  },
  { name: 'solr-csv: near-CSV text', property: nearFormatProperty(solrCsvReader, ['id,title,author\n', ',', '"', '""', '\\,', '\\\\', '\n', 'id\n']) },
  {
    name: 'solr-csv: every row is one record',
    property: fc.asyncProperty(solrDocs(6), async (docs) => {
      const columns = ['id', 'title', 'author'];
      const cell = (value: string | string[] | undefined): string => {
        const text = Array.isArray(value) ? value.map((v) => v.replaceAll('\\', '\\\\').replaceAll(',', '\\,')).join(',') : (value ?? '');
        return `"${text.replaceAll('"', '""')}"`;
      };
      const rows = docs.map((doc) => columns.map((column) => cell(doc[column])).join(','));
      const records = await readAll(solrCsvReader, Buffer.from(`${columns.join(',')}\n${rows.join('\n')}\n`));
      checkRecords(records);
      if (records.length !== docs.length) throw new Error(`${docs.length} rows but ${records.length} records`);
      records.forEach((record, index) => {
        if (record.fields.id !== docs[index]!.id) throw new Error(`row ${index} read as id ${String(record.fields.id)}`);
        if (JSON.stringify(record.fields.author) !== JSON.stringify(docs[index]!.author)) throw new Error(`authors of row ${index}: ${JSON.stringify(record.fields.author)}`);
      });
    }),
  },
  {
    // Structured but wrong: any field names and values through validate, normalize and every writer.
    name: 'validate + normalize + writers: any raw record',
    property: fc.asyncProperty(
      fc.dictionary(
        fc.oneof(fc.constantFrom('id', ...FIELD_NAMES, ...MULTI_FIELDS, 'pmid_str', 'doi_str_mv', 'oclc_num', 'first_indexed', 'spelling', 'work_keys_str_mv'), fc.string({ maxLength: 12 })),
        fc.oneof(fc.string({ maxLength: 60 }), cellText, fc.array(fc.oneof(fc.string({ maxLength: 30 }), cellText), { maxLength: 5 })),
        { maxKeys: 10 },
      ),
      async (fields) => {
        const raw: RawRecord = { format: 'fuzz', source: { file: FILE, line: 1 }, fields, issues: [] };
        validateRecord(raw);
        const { record } = normalizeRecord(raw);
        for (const writer of writers) {
          if (writer.accepts(record)) continue;
          const session = writer.open({});
          const text = session.start() + session.write(record) + session.end();
          if (writer.name === 'medline') {
            const valid = XMLValidator.validate(text);
            if (valid !== true) throw new Error(`MEDLINE XML not well-formed: ${JSON.stringify(valid)}`);
          }
          if (writer.name === 'jsonld') JSON.parse(text);
        }
      },
    ),
  },
  {
    name: 'writers: NDJSON and CSV round-trip a normalized record',
    property: fc.asyncProperty(solrDocs(1), async ([doc]) => {
      const { record } = normalizeRecord({ format: 'fuzz', source: { file: FILE, line: 1 }, fields: doc!, issues: [] });
      const ndjson = ndjsonWriter.open({});
      const line = ndjson.start() + ndjson.write(record) + ndjson.end();
      const parsed: unknown = JSON.parse(line);
      if (!isDeepStrictEqual(parsed, JSON.parse(JSON.stringify(record)))) throw new Error('NDJSON did not round-trip');
      if (!BibRecordSchema.safeParse(parsed).success) throw new Error('NDJSON line is not a valid BibRecord');
      const csv = csvWriter.open({ csvNoFormulaEscape: true });
      const rows = parseCsv(csv.start() + csv.write(record) + csv.end(), { bom: true }) as string[][];
      const [header, row] = rows;
      if (rows.length !== 2 || !header || !row || header.length !== row.length) throw new Error(`CSV has ${rows.length} rows`);
      const cellOf = (column: string): string | undefined => row[header.indexOf(column)];
      if (cellOf('id') !== record.id) throw new Error(`CSV id ${cellOf('id')} vs ${record.id}`);
      const title = fullTitle(record.title, record.subtitle) ?? '';
      if (cellOf('title') !== title) throw new Error(`CSV title ${JSON.stringify(cellOf('title'))} vs ${JSON.stringify(title)}`);
    }),
  },
  ...HOSTILE_TARGETS,
  ...SHARD_CUT_TARGETS,
];

export interface FuzzOutcome {
  name: string;
  runs: number;
  failures: number;
  /** The counterexample and error of a failure, shrunk. */
  failure?: string | undefined;
  ms: number;
}

/** Runs one target for `numRuns` cases from `seed`; a failure stops the target (fast-check shrinks it). */
export async function runTarget(target: FuzzTarget, numRuns: number, seed: number, timeoutMs = 5000): Promise<FuzzOutcome> {
  const started = performance.now();
  const result = await fc.check(target.property, { numRuns, seed, timeout: timeoutMs, endOnFailure: true });
  const outcome: FuzzOutcome = { name: target.name, runs: result.numRuns, failures: result.failed ? 1 : 0, ms: performance.now() - started };
  if (result.failed) outcome.failure = `${String(result.errorInstance ?? 'failed')} on ${fc.stringify(result.counterexample)} (seed ${seed}, path ${result.counterexamplePath ?? ''})`;
  return outcome;
}
