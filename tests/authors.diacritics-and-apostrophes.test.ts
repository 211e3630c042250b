import { describe, expect, it } from 'vitest';
import { normalizeWorkKeyText } from '../src/read/staff-view/work-keys.js';
import { issueCodes, pageWithAuthors, readPage } from './helpers/author-pages.js';

/** Author splitting, diacritics and apostrophes. */
describe('Staff View author splitting: diacritics and apostrophes', () => {
  it('normalizes names as VuFind work keys do', () => {
    expect(normalizeWorkKeyText('Koo, Ja Wook')).toBe('koojawook');
    expect(normalizeWorkKeyText('Müller, Hans-Peter')).toBe('mullerhanspeter');
    expect(normalizeWorkKeyText("O'Brien, Pat")).toBe('obrienpat');
    expect(normalizeWorkKeyText('Łukasiewicz, Jan')).toBe('łukasiewiczjan');
  });

  it('matches work keys through diacritics, apostrophes and decomposed accents', async () => {
    const authors = ["O'Brien, Pat", 'Müller, Jürgen Klaus', 'Łukasiewicz, Jan', 'Nuñez, Jose\u0301 María'];
    const record = await readPage(pageWithAuthors(authors, { workKeys: true }));
    expect(record.fields.author).toEqual(authors);
    expect(issueCodes(record)).toEqual([]);
  });
});
