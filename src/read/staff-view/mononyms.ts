import type { NameToken } from './name-tokens.js';
import type { AuthorEvidence, AuthorSplit } from './unflatten-authors.js';
import { WORK_KEY_MAX_LENGTH } from './work-keys.js';
import { COLLECTIVE_WORDS } from '../../vocab/collective-names.js';
import { EAST_ASIAN_FAMILY_NAMES, FAMILY_NAMES, GIVEN_NAMES, NAME_PARTICLES, NAME_SUFFIXES } from './name-lexicon.js';
import { normalizeWorkKeyText } from './work-keys.js';

/**
 * Single-word names (`Sutomo`, `Mulyadi`: many Indonesian, Javanese and Burmese people have
 * one name) carry no comma, so the comma-based split glues them to a neighbour:
 * `Sutomo Bakker, Joost` reads as one person. Two kinds of evidence find them again:
 * - work keys: VuFind writes one `AT` key per author, so a reading in which every name is
 *   exactly one author key (`sutomo`, `bakkerjoost`) is the record's own split;
 * - the core table's author count: when it counts more authors than the commas give, the
 *   missing names are single words, peeled off where a name has a word to spare.
 */

/** Longest run of words one author key may cover (long collective names included). */
const MAX_WORDS_PER_NAME = 40;
/** Beyond this many words the key segmentation is skipped (it only refines). */
const MAX_TOKENS = 4000;

export function separateMononyms(flattened: string, tokens: readonly NameToken[], split: AuthorSplit, evidence: AuthorEvidence): AuthorSplit {
  const expected = evidence.expectedCount;
  // Every name confirmed by its own work key (or author_sort): nothing to separate.
  if (split.confirmed === split.names.length && split.names.length > 0) return split;
  if (split.confirmed < split.names.length && evidence.authorKeys.size > 0 && tokens.length <= MAX_TOKENS) {
    const keyed = segmentByKeys(flattened, tokens, evidence.authorKeys, expected);
    if (keyed !== undefined) return { names: keyed, ambiguous: [], confirmed: keyed.length };
  }
  if (expected !== undefined && expected > split.names.length) return peelMononyms(split, expected - split.names.length);
  // No count to go by: a run of words that names a body is still not part of a person's name.
  if (expected === undefined && evidence.authorKeys.size === 0) return peelMononyms(split, Infinity);
  return split;
}

/** Text of tokens [first, last] as written. */
function textOf(flattened: string, tokens: readonly NameToken[], first: number, last: number): string {
  return flattened.slice((tokens[first] as NameToken).start, (tokens[last] as NameToken).end);
}

/**
 * Splits the words into names that are each exactly one author key (all words, or without
 * dates and suffixes as MARC keys are built). A name never ends with a comma word. Fewest
 * names wins, unless the core table's count picks another complete reading.
 */
function segmentByKeys(flattened: string, tokens: readonly NameToken[], keys: ReadonlySet<string>, expected: number | undefined): string[] | undefined {
  const n = tokens.length;
  const isKey = (key: string): boolean => key.length > 0 && (keys.has(key) || (key.length > WORK_KEY_MAX_LENGTH && keys.has(key.slice(0, WORK_KEY_MAX_LENGTH))));
  const fits = (first: number, end: number): boolean => {
    if ((tokens[end - 1] as NameToken).endsWithComma) return false;
    let all = '';
    let bare = '';
    for (let index = first; index < end; index += 1) {
      const token = tokens[index] as NameToken;
      if (token.dateLike) continue;
      all += token.key;
      if (!token.suffix) bare += token.key;
    }
    return isKey(all) || isKey(bare);
  };
  // fewest[i] / most[i]: fewest and most names covering the first i words (Infinity / -1: none).
  const fewest = new Array<number>(n + 1).fill(Infinity);
  const most = new Array<number>(n + 1).fill(-1);
  const fewestFrom = new Array<number>(n + 1).fill(-1);
  const mostFrom = new Array<number>(n + 1).fill(-1);
  fewest[0] = 0;
  most[0] = 0;
  for (let end = 1; end <= n; end += 1) {
    for (let first = Math.max(0, end - MAX_WORDS_PER_NAME); first < end; first += 1) {
      if ((most[first] as number) < 0 || !fits(first, end)) continue;
      if ((fewest[first] as number) + 1 < (fewest[end] as number)) {
        fewest[end] = (fewest[first] as number) + 1;
        fewestFrom[end] = first;
      }
      if ((most[first] as number) + 1 > (most[end] as number)) {
        most[end] = (most[first] as number) + 1;
        mostFrom[end] = first;
      }
    }
  }
  if ((most[n] as number) < 0) return undefined;
  const useMost = expected !== undefined && fewest[n] !== expected && most[n] === expected;
  const from = useMost ? mostFrom : fewestFrom;
  const names: string[] = [];
  for (let end = n; end > 0; end = from[end] as number) names.unshift(textOf(flattened, tokens, from[end] as number, end - 1));
  return names;
}

interface Peel {
  /** Index of the name the words come from. */
  name: number;
  /** `first`: words of its family part go before it; `last`: words of its given part after it. */
  side: 'first' | 'last';
  /** How many words make the peeled name (1 for a single-word name, more for a collective name). */
  words: number;
  cost: number;
  /** A run of words that names a body (a collective name), not a single-word person. */
  collective?: true;
}

function isBodyWord(word: string): boolean {
  return COLLECTIVE_WORDS.has(word.toLowerCase().replace(/[(),]/gu, ''));
}

const CAPITALIZED = /^\p{Lu}/u;
const LOWER_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'al', 'el', 'bin', 'binti', 'ter', 'ten', 'zu', 'y']);

function words(text: string): string[] {
  return text.split(' ').filter((word) => word !== '');
}

/**
 * Takes `wanted` names out of the comma-based names, one at a time, the cheapest place
 * first: a collective name glued to a person, the first word of a family part of two words
 * or more (`Sutomo Bakker, Joost`), or the last word of a given part of two words or more
 * (`Bakker, Joost Sutomo`). Taking one at a time handles runs of single-word names
 * (`Sutomo Mulyadi Bakker, Joost`). When other places were nearly as likely, the choice is
 * reported. With `wanted` Infinity (no count known) only collective names are taken out.
 */
function peelMononyms(split: AuthorSplit, wanted: number): AuthorSplit {
  const collectiveOnly = !Number.isFinite(wanted);
  let names = [...split.names];
  let doubtful = false;
  for (let taken = 0; collectiveOnly || taken < wanted; taken += 1) {
    const peels = candidatePeels(names).filter((peel) => !collectiveOnly || peel.collective === true);
    if (peels.length === 0) {
      if (collectiveOnly) break;
      return split;
    }
    peels.sort((a, b) => a.cost - b.cost || a.name - b.name);
    const best = peels[0] as Peel;
    if (!collectiveOnly && peels.length > 1 && (peels[1] as Peel).cost - best.cost < 1) doubtful = true;
    names = applyPeel(names, best);
  }
  if (names.length === split.names.length) return split;
  const ambiguous = doubtful
    ? [...split.ambiguous, { chosen: [names[0] ?? '', names[1] ?? ''] as [string, string], alternatives: [[split.names.join(' '), 'another word as a single-word name'] as [string, string]], margin: 0 }]
    : split.ambiguous;
  return { names, ambiguous, confirmed: split.confirmed };
}

function candidatePeels(names: readonly string[]): Peel[] {
  const peels: Peel[] = [];
  names.forEach((name, index) => {
    const comma = name.indexOf(',');
    if (comma === -1) return;
    const family = words(name.slice(0, comma));
    const given = words(name.slice(comma + 1));
    // A collective name glued on (`Parraga, Grace Canadian Respiratory Research Network`):
    // the run of words up to (family side) or from (given side) a word that names a body.
    const lastBody = family.slice(0, -1).findLastIndex(isBodyWord);
    if (lastBody >= 1) peels.push({ name: index, side: 'first', words: lastBody + 1, cost: -1, collective: true });
    const start = collectiveStart(given);
    if (start !== undefined) peels.push({ name: index, side: 'last', words: given.length - start, cost: -1, collective: true });
    // A word the name lexicon knows as a family name is more likely half of a compound
    // surname (`Cardoso Ribeiro`) than a person of its own; an unknown word before a known
    // family name (`Supriyadi Jang`) is the likelier single-word name.
    const head = family[0] ?? '';
    // A particle, capitalized or not (`Abu Bakr`, `Di Stefano`, `de la Cruz`), opens a family name.
    if (family.length >= 2 && CAPITALIZED.test(head) && !LOWER_PARTICLES.has(head.toLowerCase()) && !NAME_PARTICLES.has(lexiconKey(head))) {
      const restKnown = family.length === 2 && isFamilyName(family[1] as string);
      peels.push({ name: index, side: 'first', words: 1, cost: (isFamilyName(head) ? 3 : 0) + (restKnown && !isFamilyName(head) ? -0.5 : 0) });
    }
    const tail = given.at(-1) ?? '';
    const beforeTail = given.at(-2) ?? '';
    // Not a suffix (`Stefan, IV`), not the end of a compound given name (`Juan de Dios`).
    const suffix = NAME_SUFFIXES.has(lexiconKey(tail)) || beforeTail.endsWith(',');
    const compoundTail = LOWER_PARTICLES.has(beforeTail.toLowerCase()) || NAME_PARTICLES.has(beforeTail);
    if (given.length >= 2 && CAPITALIZED.test(tail) && tail.replace(/[^\p{L}]/gu, '').length > 1 && !tail.endsWith(',') && !suffix && !compoundTail) {
      peels.push({ name: index, side: 'last', words: 1, cost: 1 + (GIVEN_NAMES.has(lexiconKey(tail)) ? 3 : 0) + (isFamilyName(tail) ? 1 : 0) });
    }
  });
  return peels;
}

function applyPeel(names: readonly string[], peel: Peel): string[] {
  const name = names[peel.name] as string;
  const parts = peel.side === 'first'
    ? [name.slice(0, nthSpace(name, peel.words)), name.slice(nthSpace(name, peel.words) + 1)]
    : [name.slice(0, nthSpaceFromEnd(name, peel.words)), name.slice(nthSpaceFromEnd(name, peel.words) + 1)];
  return [...names.slice(0, peel.name), ...parts, ...names.slice(peel.name + 1)];
}

/** Index of the n-th space from the start (the end of the first n words). */
function nthSpace(text: string, n: number): number {
  let at = -1;
  for (let found = 0; found < n; found += 1) at = text.indexOf(' ', at + 1);
  return at;
}

/** Index of the n-th space from the end (the start of the last n words, less one). */
function nthSpaceFromEnd(text: string, n: number): number {
  let at = text.length;
  for (let found = 0; found < n; found += 1) at = text.lastIndexOf(' ', at - 1);
  return at;
}

function lexiconKey(word: string): string {
  return normalizeWorkKeyText(word);
}

function isFamilyName(word: string): boolean {
  const key = lexiconKey(word);
  return FAMILY_NAMES.has(key) || EAST_ASIAN_FAMILY_NAMES.has(key);
}

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'del', 'der', 'für', 'la', 'des', 'et', 'y', 'e', 'i', '&']);

/**
 * Where a collective name glued to a given part starts (`Timothy TOPCAT Trial Team` -> 1):
 * from the first word that names a body back over capitalized words and connectors, but
 * never over a known given name, an initial, a suffix, or the first given word.
 */
function collectiveStart(given: readonly string[]): number | undefined {
  const body = given.findIndex(isBodyWord);
  if (body < 1) return undefined;
  let start = body;
  while (start - 1 >= 1) {
    const word = given[start - 1] as string;
    const bare = word.replace(/[,.]$/u, '');
    const connector = CONNECTORS.has(word.toLowerCase());
    if (word.endsWith(',') || GIVEN_NAMES.has(lexiconKey(bare)) || /^\p{Lu}\.?$/u.test(bare) || /^(?:I{1,3}|IV|VI{0,3}|Jr|Sr)\.?$/u.test(bare)) break;
    if (!connector && !CAPITALIZED.test(word) && !/^\d/u.test(word)) break;
    start -= 1;
  }
  // A connector cannot open a name.
  while (start < body && CONNECTORS.has((given[start] as string).toLowerCase())) start += 1;
  return start;
}
