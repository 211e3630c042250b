import { describe, expect, it } from 'vitest';
import { issueCodes, pageWithAuthors, readPage } from './fixtures/staff-view/page.js';

describe('Staff View author splitting: initials', () => {
  it('initials stay with the given name: an initial never starts a family name', async () => {
    const authors = ['Smith, J A', 'Müller, H.-P.', 'Jones, J.R.R.', 'Brown, A. B.', 'Taylor, K'];
    const record = await readPage(pageWithAuthors(authors));
    expect(record.fields.author).toEqual(authors);
    expect(issueCodes(record)).toEqual([]);
  });
});
