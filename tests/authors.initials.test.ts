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

  it('among written-out given names, one that opens with an undotted initial goes on with the name the person is known by (NLM "J Hampton")', async () => {
    // The word after the initial is not a known name either way: only the list's style decides.
    const authors = people('Okafor, Chidinma', 'Lindqvist, R Magnus', 'Hartmann, Petra', 'Brennan, Siobhan', 'Achterberg, T Willem', 'Quist, Ingeborg');
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });

  it('a middle initial after a written-out name still ends the given name before a compound surname', async () => {
    const authors = people('Okafor, Chidinma', 'Whitlock, Donna J', 'Pierce Campbell, Christine M', 'Brennan, Siobhan');
    expect((await reconstruct(authors)).authors).toEqual(authors);
  });

  it('in a list of initials, a word after an undotted initial still starts the next family name', async () => {
    const authors = people('Okafor, C', 'Lindqvist, R', 'Magnus Hartmann, P', 'Brennan, S', 'Achterberg, T', 'Veldkamp Quist, I');
    expect((await reconstruct(authors)).authors).toEqual(authors);
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
