import { VUFIND_FORMATS } from '../../vocab/formats.js';
import { knownLanguageNames } from '../../vocab/languages.js';

/**
 * Splitting flattened multi-valued cells other than author names: by whitespace where
 * values cannot hold spaces, by a phrase vocabulary (longest match) for `format` and
 * `language`, and by locating the source fields' text inside a copyField target.
 */

export function splitOnWhitespace(text: string): string[] {
  return text.split(/\s+/u).filter((value) => value.length > 0);
}

/**
 * Splits on white space, but keeps a parenthesized qualifier with the value before it:
 * MARC ISBNs carry them (`9780306406157 (pbk. : alk. paper)`), and a qualifier never
 * starts a value.
 */
export function splitKeepingQualifiers(text: string): string[] {
  const values: string[] = [];
  let depth = 0;
  for (const word of splitOnWhitespace(text)) {
    const joins = values.length > 0 && (depth > 0 || word.startsWith('('));
    if (joins) values[values.length - 1] += ` ${word}`;
    else values.push(word);
    for (const char of word) {
      if (char === '(') depth += 1;
      else if (char === ')' && depth > 0) depth -= 1;
    }
  }
  return values;
}

export interface VocabularySplit {
  values: string[];
  /** Runs of words that matched no vocabulary entry (each kept as one value). */
  unknown: string[];
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** True when the words up to here form a whole phrase. */
  end: boolean;
}

/** A set of phrases matched word by word (a word trie), longest first; matching ignores case. */
export class PhraseVocabulary {
  private readonly root: PhraseNode = { next: new Map(), end: false };

  /**
   * With `qualifiers`, a parenthesised run of words right after a phrase stays with it:
   * no value starts with "(", and MARC names carry qualifiers ISO spells differently
   * (`Occitan (post-1500)`, `Norwegian (Bokmål)`, `Bantu (Other)`).
   */
  private readonly qualifiers: boolean;

  constructor(phrases: Iterable<string>, options: { qualifiers?: boolean } = {}) {
    this.qualifiers = options.qualifiers ?? false;
    for (const phrase of phrases) {
      const words = splitOnWhitespace(phrase.toLowerCase());
      if (words.length === 0) continue;
      let node = this.root;
      for (const word of words) {
        let child = node.next.get(word);
        if (child === undefined) {
          child = { next: new Map(), end: false };
          node.next.set(word, child);
        }
        node = child;
      }
      node.end = true;
    }
  }

  private longestMatch(lowerWords: readonly string[], index: number): number {
    let node: PhraseNode | undefined = this.root;
    let longest = 0;
    for (let at = index; at < lowerWords.length; at += 1) {
      node = node.next.get(lowerWords[at] as string);
      if (node === undefined) break;
      if (node.end) longest = at - index + 1;
    }
    return longest;
  }

  /** Splits `Online Article Text` into known phrases; unknown words stay together. */
  split(text: string): VocabularySplit {
    const words = splitOnWhitespace(text);
    const lowerWords = words.map((word) => word.toLowerCase());
    const values: string[] = [];
    const unknown: string[] = [];
    let pendingStart = -1;
    const flushUnknown = (end: number): void => {
      if (pendingStart < 0) return;
      const value = words.slice(pendingStart, end).join(' ');
      values.push(value);
      unknown.push(value);
      pendingStart = -1;
    };
    let index = 0;
    while (index < words.length) {
      const matched = this.longestMatch(lowerWords, index);
      if (matched === 0) {
        if (pendingStart < 0) pendingStart = index;
        index += 1;
        continue;
      }
      flushUnknown(index);
      const end = index + matched + (this.qualifiers ? qualifierWords(words, index + matched) : 0);
      values.push(words.slice(index, end).join(' '));
      index = end;
    }
    flushUnknown(words.length);
    return { values, unknown };
  }
}

/** Words of a `(...)` qualifier starting at `index` (0 when none, or when it never closes). */
function qualifierWords(words: readonly string[], index: number): number {
  if (!(words[index] ?? '').startsWith('(')) return 0;
  for (let at = index; at < words.length && at < index + 8; at += 1) {
    if ((words[at] as string).endsWith(')')) return at - index + 1;
  }
  return 0;
}

export const FORMAT_VOCABULARY = new PhraseVocabulary(VUFIND_FORMATS);

/**
 * Multi-word names of VuFind's MARC language map (`language_map.properties`) that ISO 639-2
 * does not spell that way; single words need no entry (an unknown word stays a value).
 */
const VUFIND_ONLY_LANGUAGE_NAMES = [
  'Haitian French Creole', 'Neapolitan Italian', 'Sicilian Italian', 'Reunionese, Reunion Creole', 'Newari, Old',
  'Syriac, Modern', 'Turkish, Ottoman', 'Old Persian (ca. 600-400 B.C.)', 'Western Pahari languages', 'Lamba (Zambia and Congo)',
];

/**
 * English language names as VuFind stores them: every ISO 639-2 name variant and the MARC
 * spellings the language table knows (`Greek, Modern (1453-)`, `Norwegian (Nynorsk)`).
 * A parenthesised qualifier after a known name belongs to it (see `qualifierWords`).
 */
function languageNames(): string[] {
  return ['Undetermined', 'Multiple languages', 'No linguistic content', 'Greek, Modern (1453- )', ...knownLanguageNames(), ...VUFIND_ONLY_LANGUAGE_NAMES];
}

export const LANGUAGE_VOCABULARY = new PhraseVocabulary(languageNames(), { qualifiers: true });

/** A source field's values and its flattened cell, used to cut a copyField target apart. */
export interface CopySource {
  flattened: string;
  values: readonly string[];
}

/**
 * Splits a copyField target (`spellingShingle` = author + title + contents + series + topic
 * copies, in the order the indexer posted them) by finding each source's flattened text at
 * the current position. Text that matches no source is kept as one value; `complete` says
 * whether every part was accounted for.
 */
export function splitByCopySources(flattened: string, sources: readonly CopySource[]): { values: string[]; complete: boolean } {
  const values: string[] = [];
  const candidates = sources.filter((source) => source.flattened.length > 0)
    .sort((a, b) => b.flattened.length - a.flattened.length);
  const used = new Set<CopySource>();
  let position = 0;
  let complete = true;
  const text = flattened.trim();
  while (position < text.length) {
    const source = candidates.find((candidate) => !used.has(candidate) && text.startsWith(candidate.flattened, position)
      && (position + candidate.flattened.length === text.length || text[position + candidate.flattened.length] === ' '));
    if (!source) {
      values.push(text.slice(position));
      complete = false;
      break;
    }
    used.add(source);
    values.push(...source.values);
    position += source.flattened.length;
    while (text[position] === ' ') position += 1;
  }
  return { values, complete };
}
