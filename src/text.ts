/**
 * Small text helpers written as loops on purpose: patterns like /[\s,]+$/ backtrack
 * quadratically on hostile input (a long run of separators followed by another char).
 */

/** Removes trailing characters found in `chars`. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Matches where collapsing white space would change the text: white space at either end,
 * two white-space characters in a row, or any white space other than a plain space. Each
 * alternative looks at one or two characters, so the scan is linear; it runs natively,
 * which is far cheaper than splitting and joining (a hot path: every title and abstract).
 */
const NOT_COLLAPSED = /^\s|\s$|\s\s|[^\S ]/;

/** True when collapsing white space would not change the text. */
export function isWhitespaceCollapsed(text: string): boolean {
  return !NOT_COLLAPSED.test(text);
}

/** Collapses runs of white space to one space and trims. */
export function collapseWhitespace(text: string): string {
  return isWhitespaceCollapsed(text) ? text : text.split(/\s+/).filter(Boolean).join(' ');
}

export const SPACE_AND_PUNCTUATION = ' \t\r\n,;:/';

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence in `bytes` (bytes.length
 * when there is none): the lead byte of a sequence that is cut off or continues wrongly
 * (`C3 28` is invalid at the C3, not at the 28), or a byte that can start no sequence.
 * Linear, by the well-formed byte sequences of the Unicode standard (table 3-7).
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const length = bytes.length;
  let at = 0;
  while (at < length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead === 0xe0) {
      need = 2;
      low = 0xa0;
    }
    else if ((lead >= 0xe1 && lead <= 0xec) || lead === 0xee || lead === 0xef) need = 2;
    else if (lead === 0xed) {
      need = 2;
      high = 0x9f;
    }
    else if (lead === 0xf0) {
      need = 3;
      low = 0x90;
    }
    else if (lead >= 0xf1 && lead <= 0xf3) need = 3;
    else if (lead === 0xf4) {
      need = 3;
      high = 0x8f;
    }
    else return at;
    for (let next = 1; next <= need; next++) {
      if (at + next >= length) return at;
      const byte = bytes[at + next]!;
      if (byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return at;
    }
    at += need + 1;
  }
  return length;
}

/** Unicode format characters (general category Cf): zero-width spaces and joiners, BOM, bidi marks and overrides, soft hyphen. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * The record id bibpipe writes: the raw id without surrounding white space and without
 * invisible format characters anywhere (`" a1"`, `"a1\u200b"` and `"\ufeffa1"` are all
 * `a1`). Solr keeps them as different keys, but every output would show them as one, so
 * the id is written this way, `id.normalized` says so, and two records that meet here
 * are an `id.duplicate`. An id that is nothing else is no id (`id.missing`).
 */
export function normalizedId(raw: string): string {
  return raw.replace(FORMAT_CHARACTERS, '').trim();
}

/**
 * Characters no output writes raw (`value.control-character` names them on the record): C0
 * controls other than tab, LF and CR, DEL, C1 controls (U+0080-U+009F: NEL U+0085 is a line
 * break to some readers, CSI U+009B starts a terminal sequence) and the bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that reorder what a
 * reader shows. U+2028/U+2029 are white space to the text formats and are not in this set.
 */
const UNWRITABLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const NEXT_LINE = '\u0085';

/** True when `text` holds a character of UNWRITABLE_CONTROLS (a scan, no copy). */
export function hasUnwritableControl(text: string): boolean {
  UNWRITABLE_CONTROLS.lastIndex = 0;
  return UNWRITABLE_CONTROLS.test(text);
}

/**
 * Text for the text and XML outputs (.nbib, CSV, MEDLINE XML): the unwritable controls
 * left out, NEL (U+0085) as a space since it separates words.
 */
export function withoutControlCharacters(text: string): string {
  if (!hasUnwritableControl(text)) return text;
  return text.replace(UNWRITABLE_CONTROLS, (char) => (char === NEXT_LINE ? ' ' : ''));
}

/** The same characters in JSON text (JSON.stringify writes C1 and bidi controls raw): as \uXXXX escapes, so the value is kept whole. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** JSON text with no raw control, line separator or bidi character (they can only be inside its strings). */
export function escapeControlsInJson(json: string): string {
  RAW_IN_JSON.lastIndex = 0;
  if (!RAW_IN_JSON.test(json)) return json;
  return json.replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
