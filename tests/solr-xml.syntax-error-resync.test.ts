import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import type { RawRecord } from '../src/model/raw-record.js';
import { convert } from '../src/pipeline/convert.js';
import { readRecords } from '../src/read/chunked.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { expectSameOutputs, outputs } from './helpers/merge-outputs.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * A syntax error inside one Solr XML document costs that document only: reading goes on at
 * the next top-level document, wherever the input was cut into parts. So the records and
 * rejects are the same whatever the batch size (one document a part, three, 256 KiB).
 */

const doc = (id: string, body = `<str name="title">Title ${id}</str>`): string => `<doc><str name="id">${id}</str>${body}</doc>\n`;
const DOC_BYTES = Buffer.byteLength(doc('d00'));

/** Documents d00..d19 of a select response; `broken` maps an index to the damaged document written there. */
function response(broken: Record<number, string>, oneLine = false): string {
  const docs = Array.from({ length: 20 }, (_, index) => broken[index] ?? doc(`d${String(index).padStart(2, '0')}`));
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<lst name="responseHeader"><int name="status">0</int></lst>\n<result name="response" numFound="20" start="0">\n${docs.join('')}</result>\n</response>\n`;
  return oneLine ? text.replaceAll('\n', '') : text;
}

async function read(text: string, targetBytes: number): Promise<RawRecord[]> {
  const context = { file: 'resync.xml', limits: DEFAULT_READ_LIMITS };
  const records: RawRecord[] = [];
  for await (const record of readRecords(solrXmlReader, Readable.from([Buffer.from(text)]), context, targetBytes)) records.push(record);
  return records;
}

/** What a record is, ordinal left out (the engine numbers records by their place in the stream). */
const summary = (records: readonly RawRecord[]): unknown[] =>
  records.map((record) => ({ id: record.fields.id, line: record.source.line, issues: record.issues.map((issue) => ({ code: issue.code, message: issue.message, line: issue.source?.line, byteOffset: issue.source?.byteOffset })) }));

const DAMAGES: Record<string, Record<number, string>> = {
  'an unclosed element': { 7: doc('d07', '<str name="title">Title') },
  'a stray end tag': { 3: doc('d03', '</str>') },
  'a raw < in text': { 12: doc('d12', '<str name="title">a < b</str>') },
  'a broken attribute': { 0: doc('d00', '<str name=title>x</str>') },
  'two damaged documents side by side': { 9: doc('d09', '<str name="t">x</arr>'), 10: doc('d10', '<str name="t">&bogus</str>') },
  'the last document': { 19: doc('d19', '<str name="t">') },
};

describe('Solr XML: a syntax error inside a document', () => {
  for (const [what, broken] of Object.entries(DAMAGES)) {
    for (const oneLine of [false, true]) {
      it(`${what}${oneLine ? ' (all on one line)' : ''}: one reject for that document, the same records at every batch size`, async () => {
        const text = response(broken, oneLine);
        const whole = await read(text, 256 * 1024);
        const damaged = Object.keys(broken).length;
        expect(whole.filter((record) => record.issues.some((issue) => issue.code === 'read.malformed'))).toHaveLength(damaged);
        expect(whole.filter((record) => record.issues.length === 0)).toHaveLength(20 - damaged);
        const reject = whole.find((record) => record.issues.length > 0)!;
        expect(reject.issues[0]!.source).toMatchObject({ file: 'resync.xml', line: expect.any(Number) as number, byteOffset: expect.any(Number) as number });
        expect(reject.issues[0]!.message).toMatch(/XML syntax error (at|in the document at) line \d+ \(byte offset \d+\): .*; the document was skipped, reading goes on at the next document/);
        for (const targetBytes of [1, 3 * DOC_BYTES]) expect(summary(await read(text, targetBytes)), `parts of ${targetBytes} bytes`).toEqual(summary(whole));
      });
    }
  }

  it('names the byte offset of the error in the input', async () => {
    const text = response({ 5: doc('d05', '<str name="title">Title</arr>') });
    const reject = (await read(text, 1)).find((record) => record.issues.length > 0)!;
    const offset = reject.issues[0]!.source!.byteOffset!;
    expect(Buffer.from(text).subarray(offset - 5, offset + 1).toString()).toBe('</arr>');
    expect(reject.source.line).toBe(text.slice(0, text.indexOf('d05')).split('\n').length);
  });
});

describe('--shard I/N on Solr XML with syntax errors inside documents', () => {
  it('N = 1..7: merge gives the single run byte for byte, rejects included', async () => {
    const root = temporaryDirectory('bibpipe-xml-resync-');
    const DOCS = 300;
    // Damaged documents spread over the file, so that shares start before, on and after them.
    const damage = (index: number): string | undefined => {
      const id = `r${index}`;
      if (index % 37 === 5) return doc(id, '<str name="title">unclosed');
      if (index % 53 === 20) return doc(id, '<str name="title">a &bogus entity</str>');
      if (index % 71 === 40) return doc(id, '</str>');
      return undefined;
    };
    const body = Array.from({ length: DOCS }, (_, index) => damage(index) ?? doc(`r${index}`, `<str name="title">Title r${index}</str><arr name="format"><str>Article</str></arr>`)).join('');
    const damaged = Array.from({ length: DOCS }, (_, index) => damage(index)).filter((text) => text !== undefined).length;
    const input = join(root, 'damaged.xml');
    writeFileSync(input, `<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<result name="response" numFound="${DOCS}" start="0">\n${body}</result>\n</response>\n`);
    const single = join(root, 'single');
    const summary = await convert({ inputs: [input], to: ['ndjson', 'csv'], outDir: single });
    expect(summary.read).toBe(DOCS);
    expect(summary.rejected).toBe(damaged);
    const expected = outputs(single);
    expect([...expected.keys()].some((name) => /reject/.test(name) && readFileSync(join(single, name), 'utf8').includes('read.malformed'))).toBe(true);
    for (let count = 1; count <= 7; count++) {
      const directories: string[] = [];
      let read = 0;
      for (let index = 1; index <= count; index++) {
        const outDir = join(root, `${count}-${index}`);
        directories.push(outDir);
        read += (await convert({ inputs: [input], to: ['ndjson', 'csv'], outDir, runState: { shard: { kind: 'file-range', index, count } } })).read;
      }
      expect(read, `N=${count}: records read over the shares`).toBe(DOCS);
      const merged = join(root, `${count}-merged`);
      await mergeShards({ shards: directories, outDir: merged });
      expectSameOutputs(merged, expected, `N=${count}`);
      for (const directory of [...directories, merged]) await rm(directory, { recursive: true, force: true });
    }
    await rm(root, { recursive: true, force: true });
  }, 120_000);
});
