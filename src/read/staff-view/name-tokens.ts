import { EAST_ASIAN_FAMILY_NAMES, FAMILY_NAMES, GIVEN_NAMES, NAME_PARTICLES, NAME_SUFFIXES } from './name-lexicon.js';
import { normalizeWorkKeyText } from './work-keys.js';

/** One whitespace-separated word of a flattened name list, with the facts the splitter weighs. */
export interface NameToken {
  text: string;
  /** Offsets in the flattened string, so that a name keeps its inner spacing exactly. */
  start: number;
  end: number;
  /** Work-key form of the word (`Jeongseop` -> `jeongseop`, `Tae-Eun` -> `taeeun`). */
  key: string;
  endsWithComma: boolean;
  /** `J`, `J.`, `H.-P.`: a given-name initial, never a family name. */
  initial: boolean;
  /** `van`, `de`, `la` written in lower case: part of the family name that follows. */
  lowerParticle: boolean;
  /** `Van`, `De`: a particle or an ordinary word; weak evidence. */
  capitalParticle: boolean;
  /** `Jr.`, `III`: belongs to the name before it. */
  suffix: boolean;
  /** `1950-`, `b.`: MARC dates after a name. */
  dateLike: boolean;
  givenName: boolean;
  familyName: boolean;
  eastAsianFamily: boolean;
}

function isLetter(char: string): boolean {
  return char.toLowerCase() !== char.toUpperCase();
}

/** `J`, `J.`, `JA.`? no: every part between dots and hyphens is at most one letter. */
function isInitial(word: string): boolean {
  let letters = 0;
  let segment = 0;
  let dots = 0;
  let hyphens = 0;
  for (const char of word) {
    if (char === '.' || char === '-') {
      if (char === '.') dots += 1;
      else hyphens += 1;
      segment = 0;
    } else if (isLetter(char)) {
      letters += 1;
      segment += 1;
      if (segment > 1) return false;
    } else {
      return false;
    }
  }
  return letters >= 1 && (dots > 0 || hyphens > 0 || letters === 1) && word[0] === word[0]?.toUpperCase();
}

function isDateLike(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return true;
  return /^(?:b|d|fl|ca)\.\d?/u.test(word) || word.startsWith('-1') || word.startsWith('-2');
}

function startsUpper(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}

/** The work-key form of a plain ASCII word without Unicode normalization (the common, fast case). */
function asciiWorkKey(word: string): string | undefined {
  let key = '';
  for (let index = 0; index < word.length; index += 1) {
    const char = word.charCodeAt(index);
    if (char >= 0x80) return undefined;
    if (char >= 0x41 && char <= 0x5a) key += String.fromCharCode(char + 0x20);
    else if ((char >= 0x61 && char <= 0x7a) || (char >= 0x30 && char <= 0x39)) key += word[index];
  }
  return key;
}

/**
 * `Md` (with a lower-case d) is the South Asian abbreviation of Mohammad, a given name
 * (`Hussain, Md Iftikar`); the degree is written `MD` or `M.D.`. So with `Phd` / `PhD`.
 */
function abbreviatedGivenName(key: string, word: string): boolean {
  return (key === 'md' || key === 'phd') && /\p{Ll}\.?$/u.test(word);
}

/** Splits a flattened cell into words, keeping each word's offsets. */
export function tokenizeNames(flattened: string): NameToken[] {
  const tokens: NameToken[] = [];
  for (const match of flattened.matchAll(/\S+/gu)) {
    const text = match[0];
    const start = match.index;
    const endsWithComma = text.endsWith(',');
    const word = endsWithComma ? text.slice(0, -1) : text;
    const key = asciiWorkKey(word) ?? normalizeWorkKeyText(word);
    const upper = startsUpper(word);
    const particle = NAME_PARTICLES.has(key) && word.length <= 6;
    tokens.push({
      text,
      start,
      end: start + text.length,
      key,
      endsWithComma,
      // Irish `Ó Briain`: the accented Ó is a surname prefix, not an initial.
      initial: word !== 'Ó' && isInitial(word),
      lowerParticle: particle && !upper,
      capitalParticle: (particle && upper && key.length >= 2) || word === 'Ó',
      suffix: NAME_SUFFIXES.has(key) && (upper || /^\d/u.test(word)) && !abbreviatedGivenName(key, word),
      dateLike: isDateLike(word),
      givenName: GIVEN_NAMES.has(key),
      familyName: FAMILY_NAMES.has(key),
      eastAsianFamily: EAST_ASIAN_FAMILY_NAMES.has(key),
    });
  }
  return tokens;
}

/**
 * Indices of the commas that close a family name. Each author is `Family, Given[, Suffix]`,
 * so a comma closes a family name unless it follows a given name and precedes a suffix or a
 * date (`Smith, John, Jr.`, `Smith, John, 1950-`) or ends the list.
 *
 * A suffix shaped like initials (`V`, `M.D.`) is far more often a given name (`Fontana, V`,
 * `Dang, M.D.`): it counts as a suffix only when the core table's author count asks for it.
 */
export function findFamilyCommas(tokens: readonly NameToken[], expectedCount?: number): number[] {
  const strict = familyCommas(tokens, false);
  if (expectedCount === undefined || strict.length === expectedCount) return strict;
  const loose = familyCommas(tokens, true);
  return loose.length === expectedCount ? loose : strict;
}

function familyCommas(tokens: readonly NameToken[], oneLetterSuffixes: boolean): number[] {
  const anchors: number[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as NameToken;
    if (!token.endsWithComma) continue;
    const last = anchors[anchors.length - 1];
    const next = tokens[index + 1];
    const suffix = next !== undefined && next.suffix && (oneLetterSuffixes || !next.initial);
    if (last !== undefined && (next === undefined || suffix || next.dateLike)) continue;
    anchors.push(index);
  }
  return anchors;
}
