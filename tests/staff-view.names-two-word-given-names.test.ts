import { describe, expect, it } from 'vitest';
import { issueCodes, pageWithAuthors, readPage } from './fixtures/staff-view/page.js';

describe('Staff View author splitting: two-word given names (Korean, Chinese)', () => {
  const authors = ['Kim, Ja Wook', 'Koo, Min', 'Lee, Seung Hwan', 'Park, Ji'];

  it('work keys decide every boundary', async () => {
    const record = await readPage(pageWithAuthors(authors, { workKeys: true }));
    expect(record.fields.author).toEqual(authors);
    expect(issueCodes(record)).toEqual([]);
  });

  it('work keys decide the rarer reading too ("Kim, Ja" + "Wook Koo, Min")', async () => {
    const unusual = ['Kim, Ja', 'Wook Koo, Min'];
    const record = await readPage(pageWithAuthors(unusual, { workKeys: true }));
    expect(record.fields.author).toEqual(unusual);
    expect(issueCodes(record)).toEqual([]);
  });

  it('without work keys the likely split is chosen and reported as ambiguous', async () => {
    const record = await readPage(pageWithAuthors(authors));
    expect(record.fields.author).toEqual(authors);
    const issue = record.issues.find((candidate) => candidate.code === 'author.split-ambiguous');
    expect(issue?.field).toBe('author');
    expect(issue?.message).toContain('"Kim, Ja" + "Wook Koo, Min"');
    expect(issue?.message).toContain('"Lee, Seung" + "Hwan Park, Ji"');
  });

  it('a hyphenated given name is one word and needs no evidence', async () => {
    const hyphenated = ['Kim, Tae-Eun', 'Lee, Seung-Hwan', 'Zhang, Xiao-Ming'];
    const record = await readPage(pageWithAuthors(hyphenated));
    expect(record.fields.author).toEqual(hyphenated);
    expect(issueCodes(record)).toEqual([]);
  });
});
