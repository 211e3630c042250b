import { iso6392 } from 'iso-639-2';
import { describe, expect, it } from 'vitest';
import { knownLanguageNames, lookupLanguage } from '../src/vocab/languages.js';

describe('lookupLanguage by VuFind name', () => {
  it.each([
    ['English', 'English', 'eng', 'en'],
    ['Spanish', 'Spanish', 'spa', 'es'],
    ['Dutch', 'Dutch', 'dut', 'nl'],
    ['Flemish', 'Flemish', 'dut', 'nl'],
    ['German', 'German', 'ger', 'de'],
    ['French', 'French', 'fre', 'fr'],
    ['Greek, Modern (1453-)', 'Greek, Modern (1453-)', 'gre', 'el'],
    ['Greek', 'Greek', 'gre', 'el'],
    ['Greek, Ancient (to 1453)', 'Greek, Ancient (to 1453)', 'grc', 'grc'],
    ['Chinese', 'Chinese', 'chi', 'zh'],
    ['Multiple languages', 'Multiple languages', 'mul', 'mul'],
    ['Undetermined', 'Undetermined', 'und', 'und'],
    ['Latin', 'Latin', 'lat', 'la'],
    ['Italian', 'Italian', 'ita', 'it'],
  ])('%s', (input, name, iso639_2b, bcp47) => {
    expect(lookupLanguage(input)).toEqual({ name, iso639_2b, bcp47 });
  });

  it('ignores case, spacing and punctuation differences (MARC list spellings)', () => {
    expect(lookupLanguage('english')?.iso639_2b).toBe('eng');
    expect(lookupLanguage(' English ')?.iso639_2b).toBe('eng');
    expect(lookupLanguage('English, Old (ca. 450-1100)')?.iso639_2b).toBe('ang');
    expect(lookupLanguage('Norwegian (Nynorsk)')?.iso639_2b).toBe('nno');
    expect(lookupLanguage('Provencal, Old (to 1500)')?.iso639_2b).toBe('pro');
  });

  it('knows the names VuFind\'s MARC language map spells differently', () => {
    expect(lookupLanguage('Abkhaz')?.iso639_2b).toBe('abk');
    expect(lookupLanguage('Frisian')?.iso639_2b).toBe('fry');
    expect(lookupLanguage('Klingon (Artificial language)')?.iso639_2b).toBe('tlh');
    expect(lookupLanguage('Unknown')?.iso639_2b).toBe('und');
  });

  it('uses the 639-2/T code for BCP 47 when there is no 639-1 code', () => {
    expect(lookupLanguage('Hawaiian')).toEqual({ name: 'Hawaiian', iso639_2b: 'haw', bcp47: 'haw' });
  });

  it('leaves ambiguous base names unknown', () => {
    expect(lookupLanguage('Ndebele')).toBeUndefined();
    expect(lookupLanguage('Tonga')).toBeUndefined();
  });

  it.each(['Elvish', '', 'Englisch', 'en-US', 'E'])('does not know %j', (input) => {
    expect(lookupLanguage(input)).toBeUndefined();
  });
});

describe('lookupLanguage by code', () => {
  it.each([
    ['eng', 'eng', 'en'],
    ['en', 'eng', 'en'],
    ['ger', 'ger', 'de'],
    ['deu', 'ger', 'de'],
    ['de', 'ger', 'de'],
    ['GER', 'ger', 'de'],
    ['chi', 'chi', 'zh'],
    ['zho', 'chi', 'zh'],
    ['haw', 'haw', 'haw'],
  ])('%s', (code, iso639_2b, bcp47) => {
    expect(lookupLanguage(code)).toMatchObject({ iso639_2b, bcp47 });
  });

  it('reads lower-case two letters as a code and a capitalised word as a name', () => {
    expect(lookupLanguage('ga')?.name).toBe('Irish');
    expect(lookupLanguage('Ga')?.iso639_2b).toBe('gaa');
  });
});

describe('knownLanguageNames', () => {
  it('holds every ISO 639-2 name variant, longest first', () => {
    const names = knownLanguageNames();
    const variants = iso6392.flatMap((entry) => entry.name.split('; '));
    const lowerNames = new Set(names.map((name) => name.toLowerCase()));
    const missing = variants.filter((variant) => !lowerNames.has(variant.toLowerCase()) && lookupLanguage(variant) === undefined);
    expect(missing).toEqual([]);
    expect(names).toContain('Multiple languages');
    expect(names).toContain('Greek');
    for (let index = 1; index < names.length; index++) {
      expect((names[index - 1] as string).length).toBeGreaterThanOrEqual((names[index] as string).length);
    }
  });

  it('every known name looks up', () => {
    for (const name of knownLanguageNames()) expect(lookupLanguage(name), name).toBeDefined();
  });
});
