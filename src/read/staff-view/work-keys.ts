/**
 * VuFind work keys (`work_keys_str_mv`, VuFind 7.1+): `AT <authorkey> <titlekey>` for every
 * (title, author) pair and `UT <titlekey>` for uniform titles. Keys hold no spaces, so a
 * flattened cell splits on the `AT`/`UT` tokens. The author keys, in order, are the best
 * evidence for where one flattened author name ends and the next begins.
 */

export interface WorkKeys {
  /** Every key as VuFind stored it (`AT kimjeongseop theroleof...`). */
  keys: string[];
  /** Distinct author keys in the order VuFind generated them (the record's author order). */
  authorKeys: string[];
}

function isKeyMarker(token: string): boolean {
  return token === 'AT' || token === 'UT';
}

/** Splits a flattened `work_keys_str_mv` cell into its keys and its ordered author keys. */
export function splitWorkKeys(flattened: string): WorkKeys {
  const tokens = flattened.split(/\s+/u).filter((token) => token.length > 0);
  const keys: string[] = [];
  const authorKeys: string[] = [];
  const seenAuthors = new Set<string>();
  let index = 0;
  // Text before the first marker cannot be a key; it is kept as one value so nothing is lost.
  const leading: string[] = [];
  while (index < tokens.length && !isKeyMarker(tokens[index] as string)) leading.push(tokens[index++] as string);
  if (leading.length > 0) keys.push(leading.join(' '));
  while (index < tokens.length) {
    const marker = tokens[index] as string;
    const parts: string[] = [];
    index += 1;
    while (index < tokens.length && !isKeyMarker(tokens[index] as string)) parts.push(tokens[index++] as string);
    keys.push(parts.length > 0 ? `${marker} ${parts.join(' ')}` : marker);
    const author = parts[0];
    if (marker === 'AT' && parts.length >= 2 && author !== undefined && !seenAuthors.has(author)) {
      seenAuthors.add(author);
      authorKeys.push(author);
    }
  }
  return { keys, authorKeys };
}

const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]+/gu;

/**
 * VuFind's work-key normalization for Latin-script text (NFD, lower case, drop everything
 * that is not a letter or number, NFKC). VuFind also transliterates other scripts to Latin
 * with ICU; that step is not reproduced, so keys of non-Latin names simply do not match and
 * the reader falls back to name-shape evidence.
 */
export function normalizeWorkKeyText(text: string): string {
  return text.normalize('NFD').toLowerCase().replace(NOT_LETTER_OR_NUMBER, '').normalize('NFKC');
}

/** VuFind cuts keys to 255 code points; a longer normalized name matches its cut key. */
export const WORK_KEY_MAX_LENGTH = 255;
