/**
 * VuFind's work keys (`work_keys_str_mv`, VuFind 7.1+: `WorkKeys.java` for MARC,
 * `VuFindWorkKeys.php` for XSLT imports), written independently of the reader so that the
 * corpus can check it: one `UT <title>` per uniform title, then one `AT <author> <title>`
 * per (title, author) pair, titles in full and without their leading article; repeats dropped.
 */

const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]/gu;
const MAX_KEY_LENGTH = 255;

/**
 * The key form of a string: NFD, lower case, transliteration to Latin (the corpus holds
 * Latin-script text only, which ICU's Any-Latin leaves unchanged), every code point that is
 * not a letter or number deleted (spaces, punctuation, hyphens, combining marks), NFKC,
 * then cut to 255 code points.
 */
export function workKeyForm(text: string): string {
  const normalized = text.normalize('NFD').toLowerCase().replace(NOT_LETTER_OR_NUMBER, '').normalize('NFKC');
  const codePoints = [...normalized];
  return codePoints.length > MAX_KEY_LENGTH ? codePoints.slice(0, MAX_KEY_LENGTH).join('') : normalized;
}

export interface WorkKeyInput {
  uniformTitles: readonly string[];
  /** Titles as used for keys, in order: the full title, then the one without its leading article. */
  titles: readonly string[];
  /** Author strings as the importer passes them (MARC: name without dates). */
  authors: readonly string[];
}

export function computeWorkKeys(input: WorkKeyInput): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  const add = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    keys.push(key);
  };
  for (const uniform of input.uniformTitles) {
    const title = workKeyForm(uniform);
    if (title.length > 0) add(`UT ${title}`);
  }
  for (const rawTitle of input.titles) {
    const title = workKeyForm(rawTitle);
    if (title.length === 0) continue;
    for (const rawAuthor of input.authors) {
      const author = workKeyForm(rawAuthor);
      if (author.length > 0) add(`AT ${author} ${title}`);
    }
  }
  return keys;
}
