import { describe, expect, it } from 'vitest';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { readAll } from './helpers/read.js';
import { expectLinearGrowth } from './helpers/growth.js';

const HEAD = ['Loading…', 'T', 'Main Authors: | , |', '---|---|', '_version_ | 1 |', '---|---|'];

describe('Staff View reader: broken and hostile input', () => {
  it('yields a record cut mid-cell at the end of the file with a read.malformed error', async () => {
    const text = [...HEAD, 'author | Kim, Jeongseop Lee, Min |', 'description | The abstract was cut he'].join('\n');
    const [record] = await readAll(staffViewReader, text);
    expect(record?.fields.author).toEqual(['Kim, Jeongseop', 'Lee, Min']);
    expect(record?.fields.description).toBe('The abstract was cut he');
    const malformed = record?.issues.filter((issue) => issue.code === 'read.malformed') ?? [];
    expect(malformed).toHaveLength(1);
    expect(malformed[0]?.severity).toBe('error');
    expect(malformed[0]?.field).toBe('description');
    expect(malformed[0]?.source?.line).toBe(8);
  });

  it('yields a record cut before its staff table, then reads the next record normally', async () => {
    const text = ['Loading…', 'Cut', 'Main Author: | |', '---|---|', 'Published: |', '2001', ...HEAD, 'id | ok |'].join('\n');
    const records = await readAll(staffViewReader, text);
    expect(records).toHaveLength(2);
    expect(records[0]?.issues.map((issue) => issue.code)).toEqual(['read.malformed', 'read.malformed']);
    expect(records[1]?.fields.id).toBe('ok');
    expect(records[1]?.source.line).toBe(7);
    expect(records[1]?.issues).toEqual([]);
  });

  it('closes a cell that lost its "|" at the next known row and says so', async () => {
    const text = [...HEAD, 'description | no closing pipe', 'id | rec |', 'title | T |'].join('\n');
    const [record] = await readAll(staffViewReader, text);
    expect(record?.fields.id).toBe('rec');
    expect(record?.fields.description).toBe('no closing pipe');
    expect(record?.issues.map((issue) => [issue.code, issue.field])).toEqual([['read.malformed', 'description']]);
  });

  it('cuts fields and value lists over the limits with read.limit-exceeded', async () => {
    const text = [...HEAD, `description | ${'x'.repeat(1000)} |`, `url | ${Array.from({ length: 20 }, (_, i) => `https://e.org/${i}`).join(' ')} |`, 'id | rec |'].join('\n');
    const [record] = await readAll(staffViewReader, text, { limits: { maxFieldLength: 400, maxValuesPerField: 5 } });
    expect(record?.fields.description).toHaveLength(400);
    expect(record?.fields.url).toHaveLength(5);
    const limits = record?.issues.filter((issue) => issue.code === 'read.limit-exceeded') ?? [];
    expect(limits.map((issue) => issue.field).sort()).toEqual(['description', 'url']);
    expect(limits.every((issue) => issue.recordId === 'rec')).toBe(true);
  });

  it('reports invalid UTF-8 without throwing', async () => {
    const bytes = Buffer.concat([Buffer.from([...HEAD, 'id | rec |', 'title | bad '].join('\n')), Buffer.from([0xc3, 0x28]), Buffer.from(' |\n')]);
    const [record] = await readAll(staffViewReader, bytes);
    expect(record?.fields.id).toBe('rec');
    expect(record?.issues.map((issue) => issue.code)).toContain('read.invalid-utf8');
  });

  it('grows linearly on up to a megabyte of commas or spaces', async () => {
    const fillers: Array<(n: number) => string> = [(n) => ', '.repeat(n / 2), (n) => ' '.repeat(n), (n) => 'Kim, Ja Wook '.repeat(Math.round(n / 13)), (n) => 'A '.repeat(n / 2)];
    const page = (filler: string): string => [...HEAD, `author | ${filler} |`, `format | ${filler} |`, `language | ${filler} |`, 'id | rec |'].join('\n');
    for (const filler of fillers) {
      await expectLinearGrowth(JSON.stringify(filler(16)), (size) => readAll(staffViewReader, page(filler(size))), { runs: 1 });
      const [record] = await readAll(staffViewReader, page(filler(1_000_000)));
      expect(record?.fields.id).toBe('rec');
    }
  });
});
