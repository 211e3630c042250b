import { describe, expect, it } from 'vitest';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { readAll } from './helpers/read.js';

const STAFF = [
  '_version_ | 1785071094303031296 |',
  '---|---|',
  'author | Kim, Jeongseop Lee, Min |',
  'id | rec-1 |',
  'title | A | B |',
].join('\n');

describe('Staff View reader: table layout', () => {
  it('reads a value containing "|" as one value', async () => {
    const [record] = await readAll(staffViewReader, `Loading…\nA | B\n${STAFF}\n`);
    expect(record?.fields.title).toBe('A | B');
    expect(record?.hints?.heading).toBe('A | B');
    expect(record?.issues).toEqual([]);
  });

  it('reads multi-line cells in the core table and in the staff table', async () => {
    const text = [
      'Cargando…', 'Title', 'Autores principales: | , |', '---|---|',
      'Publicado: |', 'Editorial Uno', '2001', '|',
      'Materias: | |',
      '_version_ | 1 |', '---|---|',
      'author | Kim, Jeongseop Lee, Min |',
      'description | First line of a long abstract', 'second line of it', 'and the end. |',
      'id | rec-2 |',
      'publishDate |', '2001', '2002', '|',
      'title | Title |',
    ].join('\n');
    const [record] = await readAll(staffViewReader, text, { chunkSize: 7 });
    expect(record?.hints?.corePublished).toBe('Editorial Uno\n2001');
    expect(record?.fields.description).toBe('First line of a long abstract\nsecond line of it\nand the end.');
    // One line per value: the scrape kept the line breaks, nothing to split.
    expect(record?.fields.publishDate).toEqual(['2001', '2002']);
    expect(record?.fields.title).toBe('Title');
    expect(record?.issues).toEqual([]);
  });

  it('reads an unsorted table whose first row is not _version_', async () => {
    const text = ['Loading…', 'T', 'Main Author: | |', '---|---|', 'id | rec-3 |', '---|---|', 'title | T |', 'author | Doe, Jane |', '_version_ | 42 |'].join('\n');
    const [record] = await readAll(staffViewReader, text);
    expect(Object.keys(record?.fields ?? {})).toEqual(['id', 'title', 'author', '_version_']);
    expect(record?.fields.author).toEqual(['Doe, Jane']);
  });

  it('accepts a file that starts with the title line or with the staff table (no marker)', async () => {
    const titled = await readAll(staffViewReader, `Some Title\nAn abstract...\nMain Author: | |\n---|---|\n${STAFF}\n`);
    expect(titled.map((r) => [r.fields.id, r.hints?.heading])).toEqual([['rec-1', 'Some Title']]);
    const bare = await readAll(staffViewReader, `${STAFF}\n`);
    expect(bare.map((r) => r.fields.id)).toEqual(['rec-1']);
    expect(bare[0]?.issues).toEqual([]);
  });

  it('splits marker-less records where a new title or a repeated field starts', async () => {
    const second = STAFF.replace('rec-1', 'rec-2');
    const records = await readAll(staffViewReader, `${STAFF}\n${second}\nAnother Title\n${STAFF.replace('rec-1', 'rec-3')}\n`);
    expect(records.map((r) => [r.fields.id, r.source.line])).toEqual([['rec-1', 1], ['rec-2', 6], ['rec-3', 11]]);
  });

  it('reads CRLF line endings and a BOM', async () => {
    const text = `\uFEFFLoading…\r\nT\r\n${STAFF.replaceAll('\n', '\r\n')}\r\n`;
    const [record] = await readAll(staffViewReader, text);
    expect(record?.fields.title).toBe('A | B');
    expect(record?.source.byteOffset).toBe(3);
  });

  it('detects Staff View heads and rejects others', () => {
    expect(staffViewReader.detect('Wird geladen …\nTitel\n')).toBeGreaterThan(0);
    expect(staffViewReader.detect('_version_ | 1 |\n---|---|\n')).toBeGreaterThan(0);
    expect(staffViewReader.detect('id | x |\n')).toBeGreaterThan(0);
    expect(staffViewReader.detect('{"response":{"docs":[]}}')).toBe(0);
    expect(staffViewReader.detect('<response><result/></response>')).toBe(0);
  });
});
