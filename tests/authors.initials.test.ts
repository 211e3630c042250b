import { describe, expect, it } from 'vitest';
import { issueCodes, pageWithAuthors, people, readPage, reconstruct } from './helpers/author-pages.js';

/**
 * Author splitting, initials: one family for the splitter. The first block reads a record
 * page and normalizes it (the names as persons); the second checks the reader's split of
 * the flattened `author` cell and its findings.
 */
describe('reconstruction of given names written as initials', () => {
  it('initials with and without periods, hyphenated initials and their final period survive', async () => {
    const authors = people('Smith, J A', 'Müller, H.-P.', 'dos Teixeira, L.F.', 'Baek, I-I', 'Woo, S-R', 'Brown, A. B.', 'Heo, Y.-S.');
    expect((await reconstruct(authors)).authors).toEqual(authors);
    expect((await reconstruct(authors, { workKeys: true })).authors).toEqual(authors);
  });

  it('a full word after initials starts the next family name', async () => {
    const authors = people('Castillo, R.', 'Santiago Campos, M. Á.', 'dos Andrade, P', 'Mendes Marques, M F', 'Han, T T', 'Pinto Barbosa, M');
    const result = await reconstruct(authors);
    expect(result.authors).toEqual(authors);
  });

  it('"John A." keeps the initial after the full given name', async () => {
    const authors = people('Taylor, John A.', 'Baker, Mary K.', 'Hill, Peter');
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });
});

describe('Staff View author splitting: initials', () => {
  it('initials stay with the given name: an initial never starts a family name', async () => {
    const authors = ['Smith, J A', 'Müller, H.-P.', 'Jones, J.R.R.', 'Brown, A. B.', 'Taylor, K'];
    const record = await readPage(pageWithAuthors(authors));
    expect(record.fields.author).toEqual(authors);
    expect(issueCodes(record)).toEqual([]);
  });
});
