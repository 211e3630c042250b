import type { IssueCode } from '../model/rules.js';

/** The result of reading one identifier: the normalized value, or why it was refused. */
export type Parsed = { ok: true; value: string } | { ok: false; code: IssueCode; message: string };

export function accepted(value: string): Parsed {
  return { ok: true, value };
}

export function refused(code: IssueCode, message: string): Parsed {
  return { ok: false, code, message };
}

/** Cuts long input for messages so that a hostile 1 MB value does not land in a report whole. */
export function quote(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** True when `text` starts with `prefix`, ignoring ASCII case. */
export function startsWithIgnoreCase(text: string, prefix: string): boolean {
  return text.length >= prefix.length && text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

/**
 * Removes a leading label such as `PMID:` or `ISBN` (case-insensitive), with an optional
 * colon and spaces after it. Returns the text unchanged when the label is absent.
 */
export function stripLabel(text: string, label: string): string {
  if (!startsWithIgnoreCase(text, label)) return text;
  let index = label.length;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index++;
  if (text[index] === ':') index++;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index++;
  return text.slice(index);
}

export function isAsciiDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function isAllDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) {
    if (!isAsciiDigit(text[index])) return false;
  }
  return true;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `encodeURIComponent` that never throws: lone surrogates become U+FFFD first. */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}
