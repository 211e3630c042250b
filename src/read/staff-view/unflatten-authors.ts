import { collapseWhitespace } from '../../text.js';
import { findFamilyCommas, tokenizeNames, type NameToken } from './name-tokens.js';
import { COMPOUND_GIVEN_TAILS } from './name-lexicon.js';
import { WORK_KEY_MAX_LENGTH } from './work-keys.js';
import { separateMononyms } from './mononyms.js';

/**
 * Undoes the flattening of `author`, `author2` and `author_facet`: the Staff View printed
 * each name on its own line and the scrape joined the lines with one space, so
 * `Kim, Ja Wook Koo, Min` hides where "Ja Wook" ends and "Koo" begins.
 *
 * Every name is `Family, Given[, Suffix]`, so the commas fix the number of names and each
 * gap between two family commas holds the end of one name and the start of the next. The
 * split point of every gap is chosen by a min-sum over the chain of gaps: hard evidence
 * (a work key or `author_sort` naming exactly that author, an initial that cannot start a
 * family name) outweighs soft evidence (particles, word lists, name lengths).
 */

export interface AuthorEvidence {
  /** Author keys from the `AT` work keys (any order). */
  authorKeys: ReadonlySet<string>;
  /** `author_sort`: the first author exactly (only for the `author` field). */
  firstAuthor?: string | undefined;
  /** Names the core table counts for this field, when it shows them. */
  expectedCount?: number | undefined;
}

export interface AmbiguousGap {
  /** The two names on either side of the gap as chosen. */
  chosen: [string, string];
  /** Other readings that scored nearly as well. */
  alternatives: [string, string][];
  /** How much worse the closest alternative scored than the chosen reading (0: a tie). */
  margin: number;
}

export interface AuthorSplit {
  names: string[];
  ambiguous: AmbiguousGap[];
  /** Names whose work key (or `author_sort`) confirmed them. */
  confirmed: number;
}

/** A cost no soft evidence can outweigh: a family name that is an initial, a suffix, a date. */
const HARD = 8;
/** Bonus for a name confirmed by a work key or by `author_sort`. */
const CONFIRMED = 12;
/**
 * A reading within this cost of the best is a real alternative. After an East Asian family
 * name a given-name syllable may as well start the next name (`Kim, Ja` + `Wook Koo, Min`):
 * the wide margin. Elsewhere, measured on 786 real NLM records scraped without work keys
 * (issue 19), every wrong list's closest alternative was within 0.7, while the wide margin
 * also flagged right lists whose alternatives were implausible (`Woods, Steven` + `Paul
 * Morgan`): the narrow one, with a safety band above the worst seen.
 */
const AMBIGUITY_MARGIN = 5;
const NARROW_AMBIGUITY_MARGIN = 2;
/** Split points tried per gap; gaps are a few words long in real data. */
const MAX_CANDIDATES_PER_SIDE = 6;
/** Beyond this many names, key lookups are skipped (they only refine, and cost time). */
const MAX_NAMES_FOR_KEYS = 5000;

function familyTokenCost(token: NameToken): number {
  if (token.initial || token.suffix || token.dateLike || token.endsWithComma) return HARD;
  if (token.lowerParticle) return -1;
  if (token.capitalParticle) return 0;
  if (token.givenName && !token.familyName && !token.eastAsianFamily) return 2.5;
  if (token.familyName) return 0.3;
  return 1;
}

function givenTokenCost(token: NameToken): number {
  // A lower-case particle starts the family name that follows (`Juan de la Cruz`); MARC's
  // `Beethoven, Ludwig van` is the rarer reading.
  if (token.lowerParticle) return HARD / 2;
  if (token.givenName) return -0.2;
  if ((token.familyName || token.eastAsianFamily) && !token.initial) return 0.7;
  return 0;
}

/** Extra cost of moving a word after an East Asian family name into the next family name. */
const EAST_ASIAN_SYLLABLE = 1;
const CONJUNCTIONS: ReadonlySet<string> = new Set(['y', 'e', 'i']);
/** Longest family name read as a person's two particle groups (`da Silva de Souza`). */
const MAX_PERSONAL_FAMILY_WORDS = 4;
/** Cost of a full word after a dotted initial within one given name (`R. Santiago`). */
const INITIALS_THEN_WORD = 4;
/**
 * The same after an undotted initial: NLM writes `W. Paul` as the ForeName `W Paul`, and
 * PubMed-harvest records carry NLM's form (`Segars, W Paul`, `Zheng, D Diane`). In a list of
 * initials (`Smith, J A Pérez López, M`, NLM before 2002) the word starts the next family
 * name. In a list whose given names are written out, a given name that opens with an
 * initial goes on with the name the person is known by (`Atkinson, J Hampton`): that is
 * likelier than the one person among them with only an initial, so the word costs nothing
 * there and its name shape decides. A middle initial after a written-out name (`Ingles,
 * Donna J Pierce Campbell`) more often ends the given name: the usual cost.
 */
const BARE_INITIAL_THEN_WORD = 1;
const BARE_INITIAL_THEN_WORD_AMONG_FULL_NAMES = 0;
/** Share of names whose given name starts with a word above which a list counts as written out. */
const WRITTEN_OUT_SHARE = 0.5;
/** Cost per word of a known compound given-name tail ("María de los Ángeles"). */
const COMPOUND_GIVEN_WORD = -0.5;

/**
 * Offsets `[start, end)` within the first `split` words of the gap of a known compound
 * given-name tail, or `[split, split]` when there is none. Spanish and Portuguese given names
 * keep their particles (`María del Carmen`, `Maria das Graças`): the tail follows at least one
 * given word. Words after it are weighed like any others: NLM keeps a Brazilian author's
 * middle surname in the ForeName (`Maria de Lourdes Veronese` + `Messias`).
 */
function compoundGivenTail(tokens: readonly NameToken[], first: number, split: number): [number, number] {
  for (let start = 1; start < split; start += 1) {
    if (!(tokens[first + start] as NameToken).lowerParticle) continue;
    let key = '';
    let end: number | undefined;
    for (let offset = start; offset < split; offset += 1) {
      key += (tokens[first + offset] as NameToken).key;
      if (COMPOUND_GIVEN_TAILS.has(key)) end = offset + 1;
    }
    return end === undefined ? [split, split] : [start, end];
  }
  return [split, split];
}

interface Gap {
  /** Cost of a full word after an undotted initial in this list (see BARE_INITIAL_THEN_WORD). */
  bareInitialThenWord: number;
  /** Index of the first word after the family comma. */
  first: number;
  /** Number of words up to the next family comma. */
  length: number;
  /** The family comma word that follows the gap. */
  nextAnchor: NameToken;
  candidates: readonly number[];
  unary: number[];
  /** Best total cost with this gap at each candidate (filled by the min-sum). */
  marginal: number[];
}

const NO_GIVEN_NAME: readonly number[] = [0];
const ONE_WORD: readonly number[] = [1];

function candidateSplits(length: number): readonly number[] {
  if (length === 0) return NO_GIVEN_NAME;
  if (length === 1) return ONE_WORD;
  const splits = new Set<number>();
  for (let p = 1; p <= Math.min(length, MAX_CANDIDATES_PER_SIDE); p += 1) splits.add(p);
  for (let p = Math.max(1, length - MAX_CANDIDATES_PER_SIDE + 1); p <= length; p += 1) splits.add(p);
  return [...splits].sort((a, b) => a - b);
}

/** Cost of giving the first `split` words of the gap to the given name before it. */
function splitCost(tokens: readonly NameToken[], gap: Gap, split: number): number {
  let cost = 0.3 * Math.max(0, split - 1);
  const [tailStart, tailEnd] = compoundGivenTail(tokens, gap.first, split);
  for (let offset = 0; offset < split; offset += 1) {
    const token = tokens[gap.first + offset] as NameToken;
    const previous = offset > 0 ? tokens[gap.first + offset - 1] as NameToken : undefined;
    // A given name written as initials goes on as initials: "Castillo, R. Santiago Campos, M."
    // has "Santiago" starting the next family name ("John A." puts the full word first).
    if (previous?.initial === true && !token.initial && !token.suffix) {
      cost += previous.text.includes('.') ? INITIALS_THEN_WORD : offset === 1 ? gap.bareInitialThenWord : BARE_INITIAL_THEN_WORD;
    }
    cost += offset >= tailStart && offset < tailEnd ? COMPOUND_GIVEN_WORD : givenTokenCost(token);
  }
  const familyWords = gap.length - split;
  // After an East Asian family name the given name is syllables ("Cho, Il Yun"), not the
  // start of the next person's family name.
  const eastAsianPerson = (tokens[gap.first - 1] as NameToken | undefined)?.eastAsianFamily === true;
  for (let offset = split; offset < gap.length; offset += 1) {
    const token = tokens[gap.first + offset] as NameToken;
    cost += familyTokenCost(token);
    if (eastAsianPerson && (token.eastAsianFamily || (token.givenName && !token.familyName)) && !token.lowerParticle) cost += EAST_ASIAN_SYLLABLE;
  }
  // "y" and "e" join two surnames ("Martín y Arias"); no family name starts with them.
  if (familyWords > 0 && CONJUNCTIONS.has((tokens[gap.first + split] as NameToken).key)) cost += HARD;
  if (familyWords > 0 && gap.nextAnchor.eastAsianFamily) cost += 1.5;
  if (familyWords === 0 && gap.nextAnchor.key.length === 0) cost += HARD;
  return cost;
}

/**
 * Whether most given names of the list start with a written-out word: the word after each
 * family comma is the start of a given name whatever the split, so it tells the list's style.
 */
function givenNamesWrittenOut(tokens: readonly NameToken[], anchors: readonly number[]): boolean {
  let writtenOut = 0;
  for (const anchor of anchors) {
    const first = tokens[anchor + 1];
    if (first !== undefined && !first.initial && !first.lowerParticle && !first.suffix && !first.dateLike) writtenOut += 1;
  }
  return writtenOut > anchors.length * WRITTEN_OUT_SHARE;
}

/** Splits a flattened author cell into names (see the module comment). */
export function splitAuthorNames(flattened: string, evidence: AuthorEvidence): AuthorSplit {
  const tokens = tokenizeNames(flattened);
  if (tokens.length === 0) return { names: [], ambiguous: [], confirmed: 0 };
  const anchors = findFamilyCommas(tokens, evidence.expectedCount);
  if (anchors.length <= 1) {
    const whole = { names: [flattened.trim()], ambiguous: [], confirmed: 0 };
    // All single-word names (`Sutomo Mulyadi`) or one person beside them: the evidence decides.
    if (anchors.length === 0 && evidence.expectedCount === tokens.length) {
      return separateMononyms(flattened, tokens, { names: tokens.map((token) => token.text), ambiguous: [], confirmed: 0 }, evidence);
    }
    return separateMononyms(flattened, tokens, whole, evidence);
  }

  const bareInitialThenWord = givenNamesWrittenOut(tokens, anchors) ? BARE_INITIAL_THEN_WORD_AMONG_FULL_NAMES : BARE_INITIAL_THEN_WORD;
  const gaps: Gap[] = [];
  for (let index = 0; index + 1 < anchors.length; index += 1) {
    const anchor = anchors[index] as number;
    const next = anchors[index + 1] as number;
    const gap: Gap = { bareInitialThenWord, first: anchor + 1, length: next - anchor - 1, nextAnchor: tokens[next] as NameToken, candidates: [], unary: [], marginal: [] };
    gap.candidates = candidateSplits(gap.length);
    gap.unary = gap.candidates.map((split) => splitCost(tokens, gap, split));
    gaps.push(gap);
  }

  const useKeys = evidence.authorKeys.size > 0 && anchors.length <= MAX_NAMES_FOR_KEYS;
  // Work-key form of every word, concatenated, so a name's key is one slice. MARC keys
  // (100ab/700ab) leave out dates and `Jr.`-style titles; XSLT imports keep the titles.
  const keyOffsets: number[] = [0];
  const bareOffsets: number[] = [0];
  let allKeys = '';
  let bareKeys = '';
  if (useKeys) {
    for (const token of tokens) {
      if (!token.dateLike) allKeys += token.key;
      if (!token.dateLike && !token.suffix) bareKeys += token.key;
      keyOffsets.push(allKeys.length);
      bareOffsets.push(bareKeys.length);
    }
  }
  const isAuthorKey = (key: string): boolean =>
    evidence.authorKeys.has(key) || (key.length > WORK_KEY_MAX_LENGTH && evidence.authorKeys.has(key.slice(0, WORK_KEY_MAX_LENGTH)));
  const firstAuthor = evidence.firstAuthor !== undefined ? collapseWhitespace(evidence.firstAuthor) : undefined;

  const trivialAuthors = !useKeys && firstAuthor === undefined;
  const lastAuthor = anchors.length - 1;
  const nameText = (first: number, last: number): string =>
    flattened.slice((tokens[first] as NameToken).start, (tokens[last] as NameToken).end);

  const authorCost = (author: number, first: number, last: number): number => {
    let cost = 0;
    if (useKeys) {
      if (isAuthorKey(allKeys.slice(keyOffsets[first], keyOffsets[last + 1]))
        || isAuthorKey(bareKeys.slice(bareOffsets[first], bareOffsets[last + 1]))) cost -= CONFIRMED;
    }
    if (author === 0 && firstAuthor !== undefined && collapseWhitespace(nameText(first, last)) === firstAuthor) cost -= CONFIRMED;
    return cost;
  };

  // Author i spans from (end of gap i-1's given part) to (end of gap i's given part).
  const authorStart = (author: number, previousSplit: number): number =>
    author === 0 ? 0 : (gaps[author - 1] as Gap).first + previousSplit;
  const authorEnd = (author: number, split: number): number =>
    author === lastAuthor ? tokens.length - 1 : (anchors[author] as number) + split;

  const splits = chooseSplits(gaps, anchors.length, tokens.length, authorCost, authorStart, authorEnd, trivialAuthors);
  const names: string[] = [];
  let confirmed = 0;
  for (let author = 0; author <= lastAuthor; author += 1) {
    const start = authorStart(author, author === 0 ? 0 : (splits.chosen[author - 1] as number));
    const end = authorEnd(author, author === lastAuthor ? 0 : (splits.chosen[author] as number));
    names.push(nameText(start, end));
    if (!trivialAuthors && authorCost(author, start, end) < 0) confirmed += 1;
  }

  const readingAt = (index: number, split: number): [string, string] => [
    nameText(authorStart(index, index === 0 ? 0 : (splits.chosen[index - 1] as number)), (anchors[index] as number) + split),
    nameText((gaps[index] as Gap).first + split, index + 1 === lastAuthor ? tokens.length - 1 : authorEnd(index + 1, splits.chosen[index + 1] as number)),
  ];
  const ambiguous: AmbiguousGap[] = [];
  gaps.forEach((gap, index) => {
    const close = closeReadings(tokens, gap, splits.chosen[index] as number, splits.bestTotal);
    if (close.splits.length === 0) return;
    ambiguous.push({ chosen: [names[index] as string, names[index + 1] as string], alternatives: close.splits.map((split) => readingAt(index, split)), margin: close.margin });
  });
  return separateMononyms(flattened, tokens, { names, ambiguous, confirmed }, evidence);
}

/**
 * The other splits of a gap that are real alternatives: those scoring within the ambiguity
 * margin of the best (see AMBIGUITY_MARGIN), and a second particle group's start (below).
 */
function closeReadings(tokens: readonly NameToken[], gap: Gap, chosen: number, bestTotal: number): { splits: number[]; margin: number } {
  const ambiguityMargin = (tokens[gap.first - 1] as NameToken | undefined)?.eastAsianFamily === true ? AMBIGUITY_MARGIN : NARROW_AMBIGUITY_MARGIN;
  const splits: number[] = [];
  let margin = Infinity;
  gap.candidates.forEach((split, candidate) => {
    const behind = (gap.marginal[candidate] as number) - bestTotal;
    if (split === chosen || behind >= ambiguityMargin) return;
    margin = Math.min(margin, behind);
    splits.push(split);
  });
  const grouped = secondParticleGroup(tokens, gap, chosen);
  if (grouped !== undefined && !splits.includes(grouped)) {
    const candidate = gap.candidates.indexOf(grouped);
    margin = Math.min(margin, candidate < 0 ? HARD : (gap.marginal[candidate] as number) - bestTotal);
    splits.push(grouped);
  }
  return { splits, margin };
}

/** Portuguese particles that open a surname (`da Silva`, `dos Santos`, `de Souza`). */
const PORTUGUESE_PARTICLES: ReadonlySet<string> = new Set(['da', 'das', 'do', 'dos', 'de']);

/**
 * Where the family name chosen in a gap holds two Portuguese surnames with particles (`da Silva
 * de Souza`), the first may as well close the given name before it: NLM keeps a Brazilian
 * author's middle surname in the ForeName (`Anjos, D H da Silva` + `de Souza, W`), and no
 * NLM LastName of the real records holds two such groups. Spanish double surnames keep both
 * (`del Río de la Fuente`: `del`, and `de` before an article, are not counted). The split at
 * the second group, or undefined.
 */
function secondParticleGroup(tokens: readonly NameToken[], gap: Gap, split: number): number | undefined {
  // A longer run of words with particles is a body's name (`Grupo de Estudio de ...`), not a person's.
  if (gap.length - split + 1 > MAX_PERSONAL_FAMILY_WORDS) return undefined;
  let groups = 0;
  // The family name runs to the next family comma's word (the gap's end + 1).
  for (let offset = split; offset < gap.length; offset += 1) {
    const token = tokens[gap.first + offset] as NameToken;
    const next = tokens[gap.first + offset + 1] as NameToken;
    if (!token.lowerParticle || !PORTUGUESE_PARTICLES.has(token.key) || next.text[0] === next.text[0]?.toLowerCase()) continue;
    groups += 1;
    if (groups === 2) return offset;
  }
  return undefined;
}

type AuthorCost = (author: number, first: number, last: number) => number;

/**
 * Min-sum over the chain of gaps: unary costs per split, plus a cost per author that depends
 * on the two gaps around it (work keys, author_sort). Fills each gap's min-marginals (best
 * total with that gap fixed), which say how close the alternatives came.
 */
function chooseSplits(
  gaps: readonly Gap[], authors: number, tokenCount: number, authorCost: AuthorCost,
  authorStart: (author: number, previousSplit: number) => number, authorEnd: (author: number, split: number) => number,
  trivialAuthors: boolean,
): { chosen: number[]; bestTotal: number } {
  // Where every gap allows one split and no author-level evidence exists, there is nothing to choose.
  if (trivialAuthors && gaps.every((gap) => gap.candidates.length === 1)) {
    for (const gap of gaps) gap.marginal = [0];
    return { chosen: gaps.map((gap) => gap.candidates[0] as number), bestTotal: 0 };
  }
  const cost = trivialAuthors ? (): number => 0 : authorCost;
  const lastAuthor = authors - 1;
  // One flat array per pass (a small array per gap costs more than the arithmetic).
  const offsets = new Int32Array(gaps.length + 1);
  for (let index = 0; index < gaps.length; index += 1) offsets[index + 1] = (offsets[index] as number) + (gaps[index] as Gap).candidates.length;
  const size = offsets[gaps.length] as number;
  const forward = new Float64Array(size);
  const backward = new Float64Array(size);
  const backPointer = new Int32Array(size);
  for (let index = 0; index < gaps.length; index += 1) {
    const gap = gaps[index] as Gap;
    const base = offsets[index] as number;
    for (let candidate = 0; candidate < gap.candidates.length; candidate += 1) {
      const end = authorEnd(index, gap.candidates[candidate] as number);
      if (index === 0) {
        forward[base + candidate] = (gap.unary[candidate] as number) + cost(0, 0, end);
        continue;
      }
      const previous = gaps[index - 1] as Gap;
      const previousBase = offsets[index - 1] as number;
      let best = Infinity;
      for (let earlier = 0; earlier < previous.candidates.length; earlier += 1) {
        const total = (forward[previousBase + earlier] as number) + cost(index, authorStart(index, previous.candidates[earlier] as number), end);
        if (total < best) {
          best = total;
          backPointer[base + candidate] = earlier;
        }
      }
      forward[base + candidate] = best + (gap.unary[candidate] as number);
    }
  }
  for (let index = gaps.length - 1; index >= 0; index -= 1) {
    const gap = gaps[index] as Gap;
    const base = offsets[index] as number;
    for (let candidate = 0; candidate < gap.candidates.length; candidate += 1) {
      const start = authorStart(index + 1, gap.candidates[candidate] as number);
      if (index === gaps.length - 1) {
        backward[base + candidate] = cost(lastAuthor, start, tokenCount - 1);
        continue;
      }
      const next = gaps[index + 1] as Gap;
      const nextBase = offsets[index + 1] as number;
      let best = Infinity;
      for (let later = 0; later < next.candidates.length; later += 1) {
        const total = cost(index + 1, start, authorEnd(index + 1, next.candidates[later] as number))
          + (next.unary[later] as number) + (backward[nextBase + later] as number);
        if (total < best) best = total;
      }
      backward[base + candidate] = best;
    }
  }
  for (let index = 0; index < gaps.length; index += 1) {
    const gap = gaps[index] as Gap;
    const base = offsets[index] as number;
    gap.marginal = gap.candidates.map((_, candidate) => (forward[base + candidate] as number) + (backward[base + candidate] as number));
  }
  const last = gaps[gaps.length - 1] as Gap;
  let bestTotal = Infinity;
  let chosenCandidate = 0;
  last.marginal.forEach((total, candidate) => {
    if (total < bestTotal) {
      bestTotal = total;
      chosenCandidate = candidate;
    }
  });
  const chosen: number[] = new Array<number>(gaps.length);
  for (let index = gaps.length - 1; index >= 0; index -= 1) {
    chosen[index] = (gaps[index] as Gap).candidates[chosenCandidate] as number;
    chosenCandidate = backPointer[(offsets[index] as number) + chosenCandidate] as number;
  }
  return { chosen, bestTotal };
}
