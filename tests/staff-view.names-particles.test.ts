import { describe, expect, it } from 'vitest';
import { issueCodes, pageWithAuthors, readPage } from './fixtures/staff-view/page.js';

describe('Staff View author splitting: family-name particles', () => {
  it('lower-case particles start the family name that follows', async () => {
    const authors = ['Smith, Anna', 'van der Berg, Anna', 'de la Cruz, María', 'Jones, Bob', 'von Neumann, John', 'dos Santos, João'];
    const record = await readPage(pageWithAuthors(authors));
    expect(record.fields.author).toEqual(authors);
    expect(issueCodes(record)).toEqual([]);
  });

  it('a particle opening the list belongs to the first family name', async () => {
    const authors = ['van der Berg, Anna', 'Smith, J'];
    const record = await readPage(pageWithAuthors(authors, { authorSort: true }));
    expect(record.fields.author).toEqual(authors);
  });
});
