import { describe, expect, it } from 'vitest';
import { people, reconstruct } from './fixtures/reconstruct/article.js';

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
