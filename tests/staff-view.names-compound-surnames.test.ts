import { describe, expect, it } from 'vitest';
import { pageWithAuthors, readPage } from './fixtures/staff-view/page.js';

describe('Staff View author splitting: compound (Spanish, Portuguese) surnames', () => {
  it('two known family names before the comma form one family name', async () => {
    const authors = ['López, Ana', 'García Márquez, Gabriel'];
    const record = await readPage(pageWithAuthors(authors));
    expect(record.fields.author).toEqual(authors);
  });

  it('work keys settle a compound surname either way without a warning', async () => {
    for (const authors of [['Pérez, Juan', 'García Márquez, Gabriel'], ['Pérez, Juan García', 'Márquez, Gabriel']]) {
      const record = await readPage(pageWithAuthors(authors, { workKeys: true }));
      expect(record.fields.author).toEqual(authors);
      expect(record.issues).toEqual([]);
    }
  });

  it('author_sort settles the first boundary', async () => {
    const authors = ['Pérez, Juan García', 'Márquez, Gabriel'];
    const record = await readPage(pageWithAuthors(authors, { authorSort: true }));
    expect(record.fields.author).toEqual(authors);
    expect(record.issues).toEqual([]);
  });
});
