import { describe, expect, it } from 'vitest';
import { issueCodes, pageWithAuthors, people, readPage, reconstruct } from './helpers/author-pages.js';

/**
 * Author splitting, two-word given names: one family for the splitter. The first block reads a record
 * page and normalizes it (the names as persons); the second checks the reader's split of
 * the flattened `author` cell and its findings.
 */
describe('reconstruction of romanized East Asian names from a flattened scrape', () => {
  const authors = people('Kim, Jeongseop', 'Kim, Tae-Eun', 'Lee, Seung-hwan', 'Koo, Ja Wook', 'Min, Ho', 'Cho, Il Yun', 'Giordano, Giulia', 'Nguyen, Thi Minh Chau', 'Tran, Van An');

  it('work keys decide two-word given names whose second syllable is also a family name', async () => {
    const result = await reconstruct(authors, { workKeys: true });
    expect(result.authors).toEqual(authors);
    expect(result.codes).not.toContain('author.split-ambiguous');
  });

  it('without work keys the syllable after an East Asian family name stays in the given name', async () => {
    const result = await reconstruct(people('Cho, Il Yun', 'Giordano, Giulia', 'Choi, Yong Jeong', 'Morris, Carter'));
    expect(result.authors).toEqual(people('Cho, Il Yun', 'Giordano, Giulia', 'Choi, Yong Jeong', 'Morris, Carter'));
  });

  it('without work keys "Koo, Ja Wook Min, Ho" is read the likely way and flagged as a guess', async () => {
    // Not first in the list: author_sort would settle the first name.
    const result = await reconstruct(people('Smith, Anna', 'Koo, Ja Wook', 'Min, Ho'));
    expect(result.authors).toEqual(people('Smith, Anna', 'Koo, Ja Wook', 'Min, Ho'));
    const issue = result.issues.find((candidate) => candidate.code === 'author.split-ambiguous');
    expect(issue?.message).toContain('"Koo, Ja" + "Wook Min, Ho"');
    expect(result.rejected).toBe(false);
  });

  it('hyphenated and joined given names need no evidence', async () => {
    const joined = people('Kim, Tae-Eun', 'Zhang, Xiaoming', 'Liang, Han-pei', 'Park, Jeongseop');
    const result = await reconstruct(joined);
    expect(result.authors).toEqual(joined);
    expect(result.codes).not.toContain('author.split-ambiguous');
  });
});

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
