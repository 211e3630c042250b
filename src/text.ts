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
