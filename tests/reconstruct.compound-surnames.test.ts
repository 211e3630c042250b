import { describe, expect, it } from 'vitest';
import { people, reconstruct } from './fixtures/reconstruct/article.js';

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
