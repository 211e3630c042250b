import { describe, expect, it } from 'vitest';
import { doiKey, doiUrl, parseDoi } from '../src/identifiers/index.js';

describe('parseDoi', () => {
  it.each([
    ['10.9758/cpn.22.1034', '10.9758/cpn.22.1034'],
    ['  10.9758/cpn.22.1034\n', '10.9758/cpn.22.1034'],
    ['doi:10.9758/cpn.22.1034', '10.9758/cpn.22.1034'],
    ['DOI: 10.9758/cpn.22.1034', '10.9758/cpn.22.1034'],
    ['http://dx.doi.org/10.9758/cpn.22.1034', '10.9758/cpn.22.1034'],
    ['https://doi.org/10.9758/cpn.22.1034', '10.9758/cpn.22.1034'],
    ['HTTPS://DOI.ORG/10.9758/cpn.22.1034', '10.9758/cpn.22.1034'],
    ['https://doi.org/10.1002/(SICI)1097-4636(199710)37:1%3C51::AID-JBM7%3E3.0.CO;2-K', '10.1002/(SICI)1097-4636(199710)37:1<51::AID-JBM7>3.0.CO;2-K'],
    ['10.1000.10/abc', '10.1000.10/abc'],
    ['10.1000/a/b/c', '10.1000/a/b/c'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseDoi(input)).toEqual({ ok: true, value: expected });
  });

  it('keeps the case as given', () => {
    expect(parseDoi('10.1000/ABC.Def')).toEqual({ ok: true, value: '10.1000/ABC.Def' });
  });

  it.each([
    ['10.abc', 'no slash'],
    ['10.abc/x', 'registrant not digits'],
    ['11.1000/x', 'not a 10. prefix'],
    ['10./x', 'empty registrant'],
    ['10.1000..1/x', 'empty registrant group'],
    ['10.1000/', 'empty suffix'],
    ['10.1000/a b', 'space in suffix'],
    ['10.1000/a\tb', 'tab in suffix'],
    ['', 'empty'],
    ['https://doi.org/10.1000/%E0%A4%A', 'broken percent-encoding'],
    ['https://example.org/10.1000/x', 'not a DOI resolver'],
  ])('refuses %j (%s) with doi.invalid', (input) => {
    const parsed = parseDoi(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.code).toBe('doi.invalid');
  });
});

describe('doiKey', () => {
  it('compares DOIs case-insensitively', () => {
    expect(doiKey('10.9758/CPN.22.1034')).toBe(doiKey('10.9758/cpn.22.1034'));
  });
});

describe('doiUrl', () => {
  it('builds the https://doi.org URL', () => {
    expect(doiUrl('10.9758/cpn.22.1034')).toBe('https://doi.org/10.9758/cpn.22.1034');
  });

  it('percent-encodes characters not allowed in IRIs and those that would end the path', () => {
    expect(doiUrl('10.1002/x<1>"{}|\\^`')).toBe('https://doi.org/10.1002/x%3C1%3E%22%7B%7D%7C%5C%5E%60');
    expect(doiUrl('10.1000/a?b#c%d')).toBe('https://doi.org/10.1000/a%3Fb%23c%25d');
  });

  it('keeps characters DOIs commonly hold', () => {
    expect(doiUrl('10.1002/(SICI)1097-4636;2-K')).toBe('https://doi.org/10.1002/(SICI)1097-4636;2-K');
  });

  it('reads back to the same DOI', () => {
    for (const doi of ['10.1002/x<1>"{}|\\^`', '10.1000/a?b#c%d', '10.1000/é']) {
      expect(parseDoi(doiUrl(doi))).toEqual({ ok: true, value: doi });
    }
  });
});
