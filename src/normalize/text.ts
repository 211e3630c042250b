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

/** Removes leading and trailing characters found in `chars`. */
export function trimChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text.charAt(start))) start++;
  return trimEndChars(text.slice(start), chars);
}

/** True for the characters `\s` matches in a JavaScript regular expression. */
function isWhiteSpace(code: number): boolean {
  if (code < 0xa0) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * True when collapsing white space would not change the text: no white space but single
 * spaces between other characters. Most catalogue values are like that, and checking is
 * far cheaper than splitting and joining (a hot path: every title and abstract).
 */
export function isWhitespaceCollapsed(text: string): boolean {
  let afterSpace = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (isWhiteSpace(code)) {
      return false;
    } else {
      afterSpace = false;
    }
  }
  return !afterSpace || text.length === 0;
}

/** Collapses runs of white space to one space and trims. */
export function collapseWhitespace(text: string): string {
  return isWhitespaceCollapsed(text) ? text : text.split(/\s+/).filter(Boolean).join(' ');
}

export const SPACE_AND_PUNCTUATION = ' \t\r\n,;:/';
