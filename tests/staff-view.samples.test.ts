import type { Issue } from '../src/model/issue.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { readAll } from './helpers/read.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const sample = (name: string): Buffer => readFileSync(join(PROJECT_ROOT, 'samples', name));

describe('Staff View reader: the project samples', () => {
  it('reads a German page (Wird geladen …) with work keys deciding the names', async () => {
    const [record] = await readAll(staffViewReader, sample('a German record page with two authors.txt'));
    expect(record?.hints?.locale).toBe('de');
    expect(record?.hints?.coreAuthorCount).toBe('2');
    expect(record?.fields.author).toEqual(['Müller, Hans-Peter', 'van der Berg, Anna']);
    expect(record?.fields.work_keys_str_mv).toContain('AT vanderberganna sleepqualityandcognitivedeclineinolderadultsalongitudinalcohortstudy');
    expect(withoutFlattenedSubjects(record?.issues)).toEqual([]);
  });

  it('reads an old unsorted table without work keys and says which split it guessed', async () => {
    const [record] = await readAll(staffViewReader, sample('an old unsorted staff table without work keys.txt'));
    expect(record?.hints?.locale).toBe('fr');
    expect(Object.keys(record?.fields ?? {})[0]).toBe('id');
    expect(record?.fields._version_).toBe('1698812345678901248');
    expect(record?.fields.work_keys_str_mv).toBeUndefined();
    expect(record?.fields.language).toEqual(['French', 'English']);
    expect(record?.fields.author).toEqual(['de la Cruz, María', 'Kim, Ja Wook', 'Dubois, Jean-Luc']);
    const ambiguous = record?.issues.filter((issue) => issue.code === 'author.split-ambiguous') ?? [];
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]?.severity).toBe('warning');
    expect(ambiguous[0]?.field).toBe('author');
    expect(ambiguous[0]?.message).toContain('"Kim, Ja" + "Wook Dubois, Jean-Luc"');
    expect(ambiguous[0]?.recordId).toBe('pubmed-8123456');
  });

  it('reads a record with one author (the singular "Main Author" label)', async () => {
    const [record] = await readAll(staffViewReader, sample('a record with one author.txt'));
    expect(record?.hints?.locale).toBe('en');
    expect(record?.hints?.coreAuthorCount).toBe('1');
    expect(record?.fields.author).toEqual(["O'Brien, Pat"]);
    expect(withoutFlattenedSubjects(record?.issues)).toEqual([]);
  });

  it('reads a book: ISBN, format Book, MARC author with dates, no abstract line', async () => {
    const [record] = await readAll(staffViewReader, sample('a book with an ISBN.txt'));
    expect(record?.fields.format).toEqual(['Book']);
    expect(record?.fields.isbn).toEqual(['9789500700313']);
    expect(record?.fields.author).toEqual(['García Márquez, Gabriel, 1927-2014']);
    expect(record?.fields['callnumber-raw']).toEqual(['PQ8180.17.A73 C5 1967']);
    expect(record?.fields.physical).toEqual(['351 p. ; 20 cm.']);
    expect(record?.fields.edition).toBe('1a ed.');
    expect(record?.hints?.heading).toBe('Cien años de soledad');
    expect(record?.hints?.abstractHead).toBeUndefined();
    expect(record?.hints?.coreEdition).toBe('1a ed.');
    expect(withoutFlattenedSubjects(record?.issues)).toEqual([]);
  });

  it('reads several records from one file with their own line numbers, offsets and locales', async () => {
    const bytes = sample('three records in one file.txt');
    const records = await readAll(staffViewReader, bytes, { chunkSize: 100 });
    expect(records.map((r) => r.fields.id)).toEqual(['pubmed-10987654', 'pubmed-10555111', 'pubmed-9345678']);
    expect(records.map((r) => r.source.ordinal)).toEqual([1, 2, 3]);
    expect(records.map((r) => r.hints?.locale)).toEqual(['pt-br', 'en', 'it']);
    const lines = bytes.toString('utf8').split('\n');
    for (const record of records) {
      const line = record.source.line ?? 0;
      expect(['Carregando…', 'Loading…', 'Caricamento...']).toContain(lines[line - 1]);
      expect(bytes.subarray(record.source.byteOffset ?? 0).toString('utf8').startsWith(lines[line - 1] ?? '?')).toBe(true);
    }
    expect(records[2]?.fields.author2).toEqual(['Esposito, Giovanni']);
    expect(records[2]?.fields.author_facet).toEqual(['Rossi, Maria Chiara', 'Bianchi, Luca', 'Esposito, Giovanni']);
    expect(records[2]?.hints?.coreOtherAuthorCount).toBe('1');
    expect(records.every((r) => withoutFlattenedSubjects(r.issues).length === 0)).toBe(true);
  });
});

/** A multi-word subject cell is kept as flattened text with an info issue (a type cannot be told from flattened text); other issues count. */
function withoutFlattenedSubjects(issues: readonly Issue[] | undefined): Issue[] {
  return (issues ?? []).filter((issue) => !(issue.code === 'subject.flattened' && issue.severity === 'info'));
}
