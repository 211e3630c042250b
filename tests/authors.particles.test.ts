import { describe, expect, it } from 'vitest';
import { pageWithAuthors, people, readPage, reconstruct } from './helpers/author-pages.js';

/**
 * Author splitting, family-name particles: one family for the splitter. The first block reads a record
 * page and normalizes it (the names as persons); the second checks the reader's split of
 * the flattened `author` cell and its findings.
 */
describe('reconstruction of family names with particles', () => {
  it('lower-case particles start the family name that follows', async () => {
    const authors = people('Smith, Anna', 'van der Berg, Jan', 'Jones, Mary', 'de la Cruz, Ana', 'Brown, Peter', 'dos Santos, Paulo');
    const result = await reconstruct(authors);
    expect(result.authors).toEqual(authors);
  });

  it('capitalized prefixes (Di, Mc, Abu, Ní, Ó) start the family name, with or without work keys', async () => {
    const authors = people('Ito, Taro', 'Di Stefano, Anna Maria', 'Pieter, Jan', 'Mc Carthy, Patrick', 'Ortiz, María Teresa', 'Abu Bakr, Mohamed', 'Zeng, Danzi', 'Ní Bhriain, Sinéad', 'Watanabe, Satoshi', 'Ó Briain, Eoin');
    expect((await reconstruct(authors, { workKeys: true })).authors).toEqual(authors);
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });

  it('a word after a compound given-name tail ("Maria das Graças") is weighed like any other: NLM keeps a Brazilian middle surname in the given name', async () => {
    // "Tavolaro" is no known name: only the tail rule used to push it into the next family name.
    const authors = people('Okafor, Chidinma', 'Nogueira, Maria das Graças Tavolaro', 'Quintella, Bruna', 'Pereira Santos, Rita de Cássia', 'Lima, Paulo');
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });

  it('two Portuguese surnames with particles in one family name ("da Cunha do Nascimento") are flagged: the first may close the given name before it', async () => {
    // NLM keeps a Portuguese "da Cunha" in the ForeName ("Barreto, M L da Cunha" + "do Nascimento, R");
    // nothing on the page tells that from one compound surname, so the reading is a guess and says so.
    const result = await reconstruct(people('Okafor, C', 'Barreto, M L da Cunha', 'do Nascimento, R', 'Lima, P'));
    const issue = result.issues.find((candidate) => candidate.code === 'author.split-ambiguous');
    expect(issue?.message).toContain('"Barreto, M L da Cunha" + "do Nascimento, R"');
    const single = await reconstruct(people('Okafor, Chidinma', 'Santos, Paulo', 'da Costa Oliveira, Henrique', 'Lima, Paulo'));
    expect(single.authors).toEqual(people('Okafor, Chidinma', 'Santos, Paulo', 'da Costa Oliveira, Henrique', 'Lima, Paulo'));
    expect(single.codes).not.toContain('author.split-ambiguous');
    // Spanish double surnames keep both particles: no guess to report.
    const spanish = await reconstruct(people('Okafor, Chidinma', 'Ruiz, Manuel', 'del Río de la Fuente, Ana', 'Lima, Paulo'));
    expect(spanish.authors).toEqual(people('Okafor, Chidinma', 'Ruiz, Manuel', 'del Río de la Fuente, Ana', 'Lima, Paulo'));
    expect(spanish.codes).not.toContain('author.split-ambiguous');
  });

  it('Flemish contracted particles (Vanden, Vander, Vande) start the family name', async () => {
    const authors = people('Okafor, Chidinma', 'Vanden Berghe, Tom', 'Brennan, Siobhan', 'Vander Zanden, Jake', 'Quist, Ingeborg', 'Vande Velde, Lieve');
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });

  it("apostrophes and diacritics stay inside the name (O'Brien, D'Angelo, Dell'Acqua)", async () => {
    const authors = people("O'Brien, Siobhán", "D'Angelo, Niccolò", "Dell'Acqua, Federica", 'Åström, Åsa', 'Þórsson, Jan Erik');
    const result = await reconstruct(authors, { workKeys: true });
    expect(result.authors).toEqual(authors);
  });

  it('a given name with particles keeps them ("María de los Ángeles")', async () => {
    const authors = people('Gutiérrez Torres, María de los Ángeles', 'Petit, Stéphane', 'Sousa Castro, Rita de Cássia', 'Lima, Paulo');
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });
});

describe('Staff View author splitting: family-name particles', () => {
  it('a particle opening the list belongs to the first family name', async () => {
    const authors = ['van der Berg, Anna', 'Smith, J'];
    const record = await readPage(pageWithAuthors(authors, { authorSort: true }));
    expect(record.fields.author).toEqual(authors);
  });
});
