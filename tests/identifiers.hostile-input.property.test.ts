import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  doiUrl,
  identifiersFromPath,
  identifiersFromUrl,
  parseDoi,
  parseHttpUrl,
  parseIsbn,
  parseIssn,
  parsePmcid,
  parsePmid,
  type Parsed,
} from '../src/identifiers/index.js';
import { lookupLanguage } from '../src/vocab/languages.js';
import { expectLinearGrowth } from './helpers/growth.js';

const PARSERS: Record<string, (text: string) => Parsed> = { parseDoi, parsePmid, parsePmcid, parseIsbn, parseIssn, parseHttpUrl };

/** Strings built from the characters these parsers care about, so that near-misses are common. */
const identifierLike = fc.string({
  unit: fc.constantFrom(...'0123456789Xx-./:; ()%PMCpmcdoiDOIhttps ISBN\t\n\u00a0é\ud800'.split('')),
  maxLength: 60,
});

function isWellFormed(parsed: Parsed): boolean {
  return parsed.ok ? typeof parsed.value === 'string' : parsed.code.length > 0 && parsed.message.length > 0;
}

describe('identifier readers on arbitrary input', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} never throws and always answers`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), identifierLike), (text) => {
          expect(isWellFormed(parse(text))).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('identifiersFromUrl, identifiersFromPath and lookupLanguage never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), identifierLike), (text) => {
        expect(typeof identifiersFromUrl(text)).toBe('object');
        expect(typeof identifiersFromPath(text)).toBe('object');
        lookupLanguage(text);
      }),
      { numRuns: 500 },
    );
  });

  it('accepted values read back unchanged (parsers are idempotent)', () => {
    fc.assert(
      fc.property(identifierLike, (text) => {
        for (const parse of [parseDoi, parsePmid, parsePmcid, parseIsbn, parseIssn]) {
          const first = parse(text);
          if (first.ok) expect(parse(first.value)).toEqual(first);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a DOI survives doiUrl and parseDoi', () => {
    const suffix = fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !/[\s\u0000-\u001f\u007f-\u00a0]/.test(text));
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99999 }), suffix, (registrant, tail) => {
        const doi = `10.${registrant}/${tail}`;
        const parsed = parseDoi(doi);
        if (!parsed.ok) return;
        expect(parseDoi(doiUrl(doi))).toEqual({ ok: true, value: doi });
      }),
      { numRuns: 500 },
    );
  });
});

describe('identifier readers on adversarial long strings', () => {
  const MEGABYTE = 1024 * 1024;
  const hostileAt = (n: number): string[] => [
    ', '.repeat(n / 2),
    ' '.repeat(MEGABYTE),
    '1'.repeat(MEGABYTE),
    '1-'.repeat(MEGABYTE / 2),
    `10.${'1.'.repeat(MEGABYTE / 2)}/x`,
    `10.1000/${'a'.repeat(MEGABYTE)} `,
    `https://doi.org/${'%'.repeat(MEGABYTE)}`,
    `https://www.ncbi.nlm.nih.gov/${'/'.repeat(MEGABYTE)}`,
    `PMC${'9'.repeat(MEGABYTE)}`,
    `http://example.org/${'a'.repeat(MEGABYTE)}`,
    `ISBN ${'0 '.repeat(MEGABYTE / 2)}`,
  ];

  it('each reader grows linearly on hostile text up to 1 MB', async () => {
    const shapes = hostileAt(MEGABYTE).length;
    for (let shape = 0; shape < shapes; shape++) {
      for (const [name, parse] of Object.entries(PARSERS)) {
        const text = hostileAt(MEGABYTE)[shape]!;
        await expectLinearGrowth(`${name} on ${JSON.stringify(text.slice(0, 20))}...`, (size) => {
          const sized = hostileAt(size)[shape]!;
          parse(sized);
          identifiersFromUrl(sized);
        });
      }
    }
  });

  it('refusal messages stay short whatever the input length', () => {
    const parsed = parseIsbn('1'.repeat(MEGABYTE));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeLessThan(300);
  });
});
