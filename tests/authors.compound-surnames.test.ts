import { describe, expect, it } from 'vitest';
import { pageWithAuthors, people, readPage, reconstruct } from './helpers/author-pages.js';

/**
 * Author splitting, compound surnames: one family for the splitter. The first block reads a record
 * page and normalizes it (the names as persons); the second checks the reader's split of
 * the flattened `author` cell and its findings.
 */
describe('reconstruction of Spanish and Portuguese compound surnames', () => {
  const authors = people('García Márquez, Gabriel', 'Mercier, Françoise', 'Vidal Sáez, Pablo', 'Dimitriou, Athanasios', 'Gallego y Ramírez, María de los Ángeles',
    'Pérez-Reverte, Arturo', 'Lima, Paulo', 'Marques Júnior, Luiz Carlos', 'Fernandes Borges, F.', 'Gonçalves Pinto, M.');

  it('work keys decide every boundary', async () => {
    const result = await reconstruct(authors, { workKeys: true, coreTable: true });
    expect(result.authors).toEqual(authors);
    expect(result.codes).not.toContain('author.split-ambiguous');
  });

  it('without work keys, name knowledge and name shape find them', async () => {
    const result = await reconstruct(authors);
    expect(result.authors).toEqual(authors);
  });

  it('a family name never starts with the conjunction "y"', async () => {
    const result = await reconstruct(people('Dimitriou, Athanasios', 'Martín y Arias, Íñigo'));
    expect(result.authors).toEqual(people('Dimitriou, Athanasios', 'Martín y Arias, Íñigo'));
  });
});

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
