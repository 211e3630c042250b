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

/** Collapses runs of white space to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

export const SPACE_AND_PUNCTUATION = ' \t\r\n,;:/';
