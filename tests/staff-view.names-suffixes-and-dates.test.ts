import { describe, expect, it } from 'vitest';
import { issueCodes, pageWithAuthors, readPage } from './fixtures/staff-view/page.js';

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
