import { describe, expect, it } from 'vitest';
import { people, reconstruct } from './helpers/author-pages.js';

/** Author splitting, sites without work keys. */
describe('reconstruction on sites without work keys (VuFind before 7.1)', () => {
  it('an undecidable boundary converts with a warning that names the alternatives', async () => {
    // "Martín" is a given name and a surname: "Luis Martín" + "Bravo" or "Luis" + "Martín Bravo".
    // (Not first in the list: author_sort would settle the first name.)
    const result = await reconstruct(people('Jones, Mary', 'Prieto, Luis', 'Martín Bravo, Raquel'));
    expect(result.rejected).toBe(false);
    expect(result.authors).toHaveLength(3);
    const issue = result.issues.find((candidate) => candidate.code === 'author.split-ambiguous');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('"Prieto, Luis" + "Martín Bravo, Raquel"');
    expect(issue?.message).toContain('"Prieto, Luis Martín" + "Bravo, Raquel"');
  });

  it('the same page with work keys needs no warning', async () => {
    const authors = people('Jones, Mary', 'Prieto, Luis', 'Martín Bravo, Raquel');
    const result = await reconstruct(authors, { workKeys: true });
    expect(result.authors).toEqual(authors);
    expect(result.codes).not.toContain('author.split-ambiguous');
  });

  it('author_sort still fixes the first name exactly', async () => {
    // Only author_sort says that "Lorenzo" belongs to the second family name, not to "María José".
    const authors = people('Lorenzo Vargas, María José', 'Lorenzo Vargas, Carmen');
    const result = await reconstruct(authors);
    expect(result.authors).toEqual(authors);
    expect(result.codes).not.toContain('author.split-ambiguous');
  });

  it('a 40-author list with one unknown boundary gets every other name right', async () => {
    const many = Array.from({ length: 39 }, (_, index) => `Author${String.fromCharCode(65 + (index % 26))}${index}, J`);
    const authors = people(...many, 'Koo, Ja Wook');
    const result = await reconstruct(authors);
    expect(result.authors).toEqual(authors);
  });
});
