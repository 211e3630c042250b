import { describe, expect, it } from 'vitest';
import { issueCodes, pageWithAuthors, people, person, readPage, reconstruct } from './helpers/author-pages.js';

/**
 * Author splitting, suffixes and dates: one family for the splitter. The first block reads a record
 * page and normalizes it (the names as persons); the second checks the reader's split of
 * the flattened `author` cell and its findings.
 */
describe('reconstruction of names with suffixes and dates', () => {
  it('Jr. and III are suffixes of the name before them', async () => {
    const authors = people('Smith, John, Jr.', 'King, Martin Luther, III', 'Jones, Bob', 'Walsh, S, Jr.');
    const result = await reconstruct(authors, { workKeys: true, coreTable: true });
    expect(result.authors).toEqual(authors);
    expect(result.codes).not.toContain('author.count-mismatch');
  });

  it('a lone "V" or "M.D." after the family name is an initial, not a suffix', async () => {
    const authors = people('Tsai, T', 'Fontana, V', 'Martínez, P', 'Dang, K.', 'Dang, M.D.', 'Russo, V');
    expect((await reconstruct(authors)).authors).toEqual(authors);
    expect((await reconstruct(authors, { workKeys: true })).authors).toEqual(authors);
  });

  it('"Md" (Mohammad, South Asian) after a family comma is a given name, not the degree MD', async () => {
    const authors = people('Das, Anjali', 'Karim, Md Rezaul', 'Sen, Priya', 'Hossain, Md', 'Roy, Partha');
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });

  it('the core table count makes "V" a suffix when only that reading has the right number of names', async () => {
    const authors = [person('King, Martin Luther, V'), person('Jones, Bob')];
    const result = await reconstruct(authors, { coreTable: true });
    expect(result.authors).toEqual(authors);
  });

  it('MARC life dates are dropped, and MARC work keys (names without dates or Jr.) still confirm the split', async () => {
    const authors = people('Vico, Giambattista', 'Song, Mei-chih', 'Tian, Na', 'Smith, John, Jr.');
    const stored = ['Vico, Giambattista, 1668-1744', 'Song, Mei-chih, 1673-', 'Tian, Na, 1652-1715', 'Smith, John, Jr.'];
    const result = await reconstruct(authors, { workKeys: true, stored, marcKeys: true });
    expect(result.authors).toEqual(authors);
    expect(result.codes).not.toContain('author.split-ambiguous');
  });
});

describe('Staff View author splitting: suffixes and MARC dates', () => {
  it('a comma before a suffix does not start a new name', async () => {
    const authors = ['Smith, John, Jr.', 'King, Martin Luther, III', 'Jones, Bob'];
    const record = await readPage(pageWithAuthors(authors));
    expect(record.fields.author).toEqual(authors);
    expect(record.hints?.coreAuthorCount).toBe('3');
    expect(issueCodes(record)).toEqual([]);
  });

  it('a comma before life dates does not start a new name', async () => {
    const authors = ['García Márquez, Gabriel, 1927-2014', 'Borges, Jorge Luis, 1899-1986'];
    const record = await readPage(pageWithAuthors(authors, { workKeys: true }));
    expect(record.fields.author).toEqual(authors);
  });

  it('reports a count that disagrees with the core table', async () => {
    const text = pageWithAuthors(['Smith, John', 'Jones, Bob']).replace('Main Authors: | , |', 'Main Authors: | , , |');
    const record = await readPage(text);
    expect(issueCodes(record)).toEqual(['author.count-mismatch']);
    expect(record.issues[0]?.expected).toBe('3 names');
  });
});
