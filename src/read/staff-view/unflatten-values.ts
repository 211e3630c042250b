import { iso6392 } from 'iso-639-2';
import { VUFIND_FORMATS } from '../../vocab/formats.js';

/**
 * Splitting flattened multi-valued cells other than author names: by whitespace where
 * values cannot hold spaces, by a phrase vocabulary (longest match) for `format` and
 * `language`, and by locating the source fields' text inside a copyField target.
 */

export function splitOnWhitespace(text: string): string[] {
  return text.split(/\s+/u).filter((value) => value.length > 0);
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

  constructor(phrases: Iterable<string>) {
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
      values.push(words.slice(index, index + matched).join(' '));
      index += matched;
    }
    flushUnknown(words.length);
    return { values, unknown };
  }
}

export const FORMAT_VOCABULARY = new PhraseVocabulary(VUFIND_FORMATS);

/**
 * English language names as VuFind stores them. ISO 639-2 lists alternatives in one name
 * (`Spanish; Castilian`); VuFind uses one of them (`Spanish`), so each alternative counts,
 * with and without a parenthesised qualifier (`Greek, Modern (1453-)`).
 */
function languageNames(): string[] {
  const names: string[] = ['Undetermined', 'Multiple languages', 'No linguistic content', 'Greek, Modern (1453- )'];
  for (const language of iso6392) {
    for (const alternative of language.name.split(';')) {
      const name = alternative.trim();
      if (name.length === 0) continue;
      names.push(name);
      const parenthesis = name.indexOf(' (');
      if (parenthesis > 0) names.push(name.slice(0, parenthesis));
    }
  }
  return names;
}

export const LANGUAGE_VOCABULARY = new PhraseVocabulary(languageNames());

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
