import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { writeIso2709 } from '../../src/marc/index.js';
import type { MarcRecord } from '../../src/model/marc.js';
import { runCommand, type RunOptions } from '../../src/pipeline/run.js';
import { readers } from '../../src/read/index.js';
import type { RecordReader } from '../../src/read/types.js';

/**
 * Fuzz targets for `--shard I/N` on files (single runs, not merge): for every registered
 * reader that declares how its files are cut (`shards` in src/read/), random inputs of its
 * format (well-formed records, damaged ones and noise between them) and a random N: the
 * records of the N shares together are the records of one run over the whole file, each
 * exactly once: same fields, same reading findings, same line and byte offset in the file.
 * A share's run must not throw; the runner's per-case timeout catches a hang. A reader added
 * to the registry with `shards` is fuzzed here without being listed; `RECORDS` only gives
 * the known formats inputs that look like theirs (others get structural noise).
 */

const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'Z', ' ', 'é', '東', ':', '/', '&', '<', '"', '\\', '0', '9') }).map((text) => text.trim()).filter((text) => text !== '');
const id = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,8}$/);
const escapeXml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const marcRecord: fc.Arbitrary<MarcRecord> = fc.record({
  leader: fc.constantFrom('00000nam a2200000 i 4500', '00000cas a2200000 a 4500'),
  fields: fc.tuple(id, fc.array(word, { maxLength: 3 })).map(([control, titles]) => [
    { tag: '001', value: control },
    ...titles.map((title) => ({ tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: title }] })),
  ]),
});

/** One record of each known format as text (a Solr XML document may hold a child document, a comment or CDATA with `<doc`). */
const RECORDS: Record<string, fc.Arbitrary<string>> = {
  'solr-json': fc.record({ id, title: word, author: fc.array(word, { maxLength: 2 }) }).map((doc) => `${JSON.stringify(doc)}\n`),
  'marc-json': marcRecord.map((record) => `${JSON.stringify({ leader: record.leader, fields: record.fields.map((field) => ('value' in field ? { [field.tag]: field.value } : { [field.tag]: { ind1: field.ind1, ind2: field.ind2, subfields: field.subfields.map((sub) => ({ [sub.code]: sub.value })) } })) })}\n`),
  'solr-xml': fc.tuple(id, word, fc.constantFrom('', '<!-- <doc> -->', '<str name="note"><![CDATA[<doc>]]></str>', '<doc><str name="id">child</str></doc>')).map(
    ([key, title, extra]) => `<doc><str name="id">${escapeXml(key)}</str><str name="title">${escapeXml(title)}</str>${extra}</doc>\n`,
  ),
  marcxml: marcRecord.map((record) => `<record><leader>${record.leader}</leader>${record.fields.map((field) => ('value' in field ? `<controlfield tag="${field.tag}">${escapeXml(field.value)}</controlfield>` : `<datafield tag="${field.tag}" ind1="${field.ind1}" ind2="${field.ind2}">${field.subfields.map((sub) => `<subfield code="${sub.code}">${escapeXml(sub.value)}</subfield>`).join('')}</datafield>`)).join('')}</record>\n`),
  marc: marcRecord.map((record) => Buffer.from(writeIso2709(record)).toString('latin1')),
};

/** The document around the records of a framed format. */
const FRAMES: Record<string, [string, string]> = {
  'solr-xml': ['<?xml version="1.0" encoding="UTF-8"?>\n<response><result name="response" numFound="0" start="0">\n', '</result>\n<lst name="facet_counts"><str name="doc">x</str></lst></response>\n'],
  marcxml: ['<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n', '</collection>\n'],
};

/** Staff View pages: the bundled sample's pages, each a record. */
function staffViewPages(): string[] {
  const text = readFileSync(new URL('../../samples/three records in one file.txt', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const starts = lines.flatMap((line, index) => (index === 0 || /^(Loading|Carregando|Cargando|Wird geladen)…$/.test(line.trim()) ? [index] : []));
  return starts.map((start, index) => `${lines.slice(start, starts[index + 1] ?? lines.length).join('\n')}\n`);
}

const NOISE = fc.constantFrom('\n', '{', '}"', '<doc', '</doc>', '<record>', '\u001d', '\u001e', '|', 'garbage\n', '{"id": "cut', '<!--', ']]>', 'Loading…\n', '\r\n', '');

function recordText(reader: RecordReader): fc.Arbitrary<string> {
  if (reader.name === 'staff-view') return fc.constantFrom(...staffViewPages());
  return RECORDS[reader.name] ?? fc.constantFrom('{', '}', '<doc>', '</doc>', '\n', 'id,title\n', 'Loading…\n', '\u001d', 'text');
}

/** A file of the reader's format: records, now and then damaged (cut short) or with noise between them. */
function inputOf(reader: RecordReader): fc.Arbitrary<Buffer> {
  // Every format gets damage, Solr XML too: a syntax error there costs its document only
  // (the reader resumes at the next document where cuts fall), so shares and one run agree.
  const damage = 1;
  const piece = fc.oneof(
    { weight: 6, arbitrary: recordText(reader) },
    { weight: damage, arbitrary: recordText(reader).chain((text) => fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))) },
    { weight: damage, arbitrary: NOISE },
  );
  const [opening, closing] = FRAMES[reader.name] ?? ['', ''];
  // Staff View pages are a few kilobytes each: fewer of them keep a case (1 + N runs) within the runner's per-case timeout.
  return fc.array(piece, { maxLength: reader.name === 'staff-view' ? 6 : 16 }).map((pieces) => Buffer.from(`${opening}${pieces.join('')}${closing}`, reader.name === 'marc' ? 'latin1' : 'utf8'));
}

/** What one record is, wherever it was read: its place in the file, its fields and MARC, and its reading findings. */
async function recordsOf(file: string, reader: RecordReader, share?: { index: number; count: number }): Promise<string[]> {
  const keys: string[] = [];
  await runCommand({ inputs: [file], from: reader.name as RunOptions['from'], workers: 1 }, { collect: { records: true }, fileShard: share }, (batch) => {
    for (const { raw } of batch.records) {
      const issues = raw.issues.map((issue) => [issue.code, issue.field, issue.source?.line, issue.source?.byteOffset]);
      keys.push(JSON.stringify([raw.source.line, raw.source.byteOffset, raw.fields, raw.marc ?? null, issues]));
    }
  });
  return keys;
}

function firstDifference(one: readonly string[], union: readonly string[]): string {
  const missing = one.filter((key) => !union.includes(key));
  const extra = union.filter((key) => !one.includes(key));
  return `one run ${one.length} records, the shares ${union.length}; only in the one run: ${missing.slice(0, 2).join(' ')}; only in the shares: ${extra.slice(0, 2).join(' ')}`;
}

const shardCutProperty = (reader: RecordReader): fc.IAsyncProperty<[Buffer, number]> =>
  fc.asyncProperty(inputOf(reader), fc.integer({ min: 1, max: 6 }), async (bytes, count) => {
    const dir = mkdtempSync(join(tmpdir(), 'bibpipe-fuzz-shards-'));
    try {
      const file = join(dir, 'input');
      writeFileSync(file, bytes);
      const one = (await recordsOf(file, reader)).sort();
      const union: string[] = [];
      for (let index = 1; index <= count; index++) union.push(...(await recordsOf(file, reader, { index, count })));
      union.sort();
      if (one.length !== union.length || one.some((key, at) => key !== union[at])) throw new Error(`--shard I/${count}: ${firstDifference(one, union)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

/** One target per registered reader that declares shard cuts. */
export const SHARD_CUT_TARGETS = readers
  .filter((reader) => reader.shards !== undefined)
  .map((reader) => ({ name: `${reader.name}: --shard I/N shares together read each record of one run exactly once`, property: shardCutProperty(reader) }));
