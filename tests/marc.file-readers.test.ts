import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { parseIso2709 } from '../src/marc/index.js';
import type { MarcRecord } from '../src/model/marc.js';
import { isControlField } from '../src/model/marc.js';
import type { ProcessedRecord } from '../src/pipeline/process.js';
import { records } from '../src/pipeline/records.js';
import { detectReader } from '../src/read/index.js';
import { describeWithYaz, splitIso2709, yazConvert } from './helpers/marc.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * MARC files as inputs (ISO 2709, MARCXML, MARC-in-JSON), read through the engine on worker
 * threads: every record arrives with its MARC, a broken one is rejected with its byte offset
 * and reason, and nothing else in the file is lost (read = converted + rejected).
 */
const FOLDER = sharedPath('data/marc/vufind-tests');

async function readAll(file: string, workers = 2): Promise<ProcessedRecord[]> {
  const found: ProcessedRecord[] = [];
  for await (const record of records({ inputs: [file], workers })) found.push(record);
  return found;
}

function asMarcInJson(record: MarcRecord): unknown {
  return {
    leader: record.leader,
    fields: record.fields.map((field) => (isControlField(field) ? { [field.tag]: field.value } : { [field.tag]: { ind1: field.ind1, ind2: field.ind2, subfields: field.subfields.map((s) => ({ [s.code]: s.value })) } })),
  };
}

describeWithShared('MARC files through the engine', () => {
  const dir = temporaryDirectory();
  const catalogue = Buffer.concat(readdirSync(FOLDER).filter((name) => name.endsWith('.mrc')).sort().map((name) => readFileSync(join(FOLDER, name))));
  const expected = splitIso2709(catalogue).map((bytes) => parseIso2709(bytes));

  it('.mrc: every record with its MARC, its id from 001 and its byte offset; gzip the same', async () => {
    const file = join(dir, 'catalogue.mrc');
    writeFileSync(file, catalogue);
    expect(detectReader(catalogue.subarray(0, 4096).toString('utf8'))?.name).toBe('marc');
    const read = await readAll(file);
    expect(read.map((record) => record.raw.marc)).toEqual(expected);
    expect(read.every((record) => record.raw.fields.record_format === 'marc')).toBe(true);
    let offset = 0;
    for (const [index, bytes] of splitIso2709(catalogue).entries()) {
      expect(read[index]!.raw.source.byteOffset).toBe(offset);
      offset += bytes.length;
    }
    writeFileSync(`${file}.gz`, gzipSync(catalogue));
    expect((await readAll(`${file}.gz`, 1)).map((record) => record.raw.marc)).toEqual(expected);
  });

  it('.mrc: a damaged record is rejected with its byte offset and reason; the records around it are read', async () => {
    const records = splitIso2709(catalogue);
    const before = Buffer.concat(records.slice(0, 10));
    const damaged = Buffer.from('01234nam a2200049 i 4500001001200000', 'latin1');
    const file = join(dir, 'damaged.mrc');
    writeFileSync(file, Buffer.concat([before, damaged, Buffer.from([0x1d]), ...records.slice(10)]));
    const read = await readAll(file);
    expect(read.length).toBe(records.length + 1);
    const rejected = read.filter((record) => record.rejected);
    expect(rejected.length).toBe(1);
    const issue = rejected[0]!.issues.find((found) => found.code === 'marc.unparsable')!;
    expect(issue.source?.byteOffset).toBe(before.length + 24);
    expect(issue.message).toMatch(/no field terminator \(1E\) ends the directory/);
    expect(read.filter((record) => !record.rejected).map((record) => record.raw.marc)).toEqual(expected);
  });

  describeWithYaz('MARCXML', () => {
    it('a collection, with or without a namespace prefix, reads as the ISO 2709 it came from; a broken record is rejected alone', async () => {
      const xml = yazConvert(join(FOLDER, 'author_relators.mrc'), [], 'marcxml').toString('utf8');
      const iso = splitIso2709(readFileSync(join(FOLDER, 'author_relators.mrc'))).map((bytes) => parseIso2709(bytes));
      const plain = join(dir, 'plain.xml');
      writeFileSync(plain, xml);
      expect(detectReader(xml.slice(0, 4096))?.name).toBe('marcxml');
      const leaders = (list: Array<MarcRecord | undefined>) => list.map((record) => ({ ...record!, leader: record!.leader.slice(5, 12) }));
      expect(leaders((await readAll(plain)).map((record) => record.raw.marc))).toEqual(leaders(iso));
      const prefixed = join(dir, 'prefixed.xml');
      const prefixedText = xml.replace(/<(\/?)(collection|record|leader|controlfield|datafield|subfield)\b/g, '<$1marc:$2').replace('xmlns="http://www.loc.gov/MARC21/slim"', 'xmlns:marc="http://www.loc.gov/MARC21/slim"');
      const brokenAt = prefixedText.indexOf('<marc:record', prefixedText.indexOf('</marc:record>'));
      const broken = `${prefixedText.slice(0, brokenAt)}<marc:record><marc:leader>x</marc:datafield></marc:record>\n  ${prefixedText.slice(brokenAt)}`;
      writeFileSync(prefixed, broken);
      const read = await readAll(prefixed);
      expect(read.length).toBe(iso.length + 1);
      const rejected = read.filter((record) => record.rejected);
      expect(rejected.map((record) => record.raw.source.byteOffset)).toEqual([Buffer.byteLength(broken.slice(0, brokenAt))]);
      expect(rejected[0]!.issues[0]!.code).toBe('marc.unparsable');
      expect(leaders(read.filter((record) => !record.rejected).map((record) => record.raw.marc))).toEqual(leaders(iso));
    });
  });

  it('MARC-in-JSON: one record per line, or an array of pretty-printed records', async () => {
    const some = expected.slice(0, 40);
    const lines = join(dir, 'records.ndjson');
    writeFileSync(lines, some.map((record) => JSON.stringify(asMarcInJson(record))).join('\n') + '\n');
    expect(detectReader(readFileSync(lines, 'utf8').slice(0, 4096))?.name).toBe('marc-json');
    expect((await readAll(lines)).map((record) => record.raw.marc)).toEqual(some);
    const array = join(dir, 'records.json');
    const text = JSON.stringify(some.map(asMarcInJson), null, 2).replace('"leader"', '"leader" ');
    writeFileSync(array, text);
    expect(detectReader(text.slice(0, 4096))?.name).toBe('marc-json');
    const read = await readAll(array);
    expect(read.map((record) => record.raw.marc)).toEqual(some);
    // Records of a two-space pretty-printed array start at "\n  {".
    const second = text.indexOf('\n  {', text.indexOf('\n  {') + 1) + 3;
    expect(read[1]!.raw.source.byteOffset).toBe(Buffer.byteLength(text.slice(0, second)));
  });
});
