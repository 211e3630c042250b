import { nlmInitials } from '../model/display.js';
import type { PersonName } from '../model/record.js';
import { SPACE_AND_PUNCTUATION, trimEndChars } from '../text.js';

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v', 'vi', '2nd', '3rd', '4th', 'esq', 'esq.']);
/** MARC personal-name dates: "1668-1744", "1950-", "b. 1950", "d. 1890", "fl. 1850". */
const NAME_DATES = /^(?:(?:b|d|fl|ca)\.\s*)?\d{3,4}\??(?:-(?:\d{3,4}\??)?)?\.?$/;

/** True for a suffix such as "Jr." or "III". */
export function isNameSuffix(text: string): boolean {
  return SUFFIXES.has(text.trim().toLowerCase());
}

/** Removes MARC's closing period from a given name, but not from an initial ("J.", "H.-P."). */
function tidyGivenName(given: string): string {
  const trimmed = trimEndChars(given, SPACE_AND_PUNCTUATION);
  if (!trimmed.endsWith('.')) return trimmed;
  const lastWord = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  // "J.A." and "H.-P." are initials (at most one letter between dots and hyphens): their
  // last period is part of the name, not MARC punctuation.
  const longestPart = Math.max(...lastWord.split(/[.-]/u).map((part) => part.replace(/[^\p{L}]/gu, '').length));
  return longestPart > 1 ? trimmed.slice(0, -1) : trimmed;
}

/**
 * Parses one personal name as VuFind stores it, `Family, Given[, Suffix][, dates]`.
 * A name with no comma is taken as a family name only (it may be a mononym); MARC
 * dates go to `dates`; the NLM initials are derived from the given name.
 */
export function parsePersonName(text: string): PersonName {
  const parts = text.split(',').map((part) => part.trim());
  const family = trimEndChars(parts.shift() ?? '', SPACE_AND_PUNCTUATION + '.');
  const name: PersonName = { family };
  const givenParts: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    if (NAME_DATES.test(part)) {
      name.dates = trimEndChars(part, '.');
      continue;
    }
    // "Fontana, V" is an initial; "King, Martin Luther, V" a suffix.
    if (isNameSuffix(part) && (givenParts.length > 0 || part.length > 1)) {
      name.suffix = part;
      continue;
    }
    givenParts.push(part);
  }
  const given = tidyGivenName(givenParts.join(', '));
  if (given) {
    name.given = given;
    const initials = nlmInitials(given);
    if (initials) name.initials = initials;
  }
  return name;
}

