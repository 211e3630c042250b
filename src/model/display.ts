import type { PersonName, PublicationDate } from './record.js';

/**
 * Display forms of model values, shared by the normalizer and every writer. They only
 * shape values already in the model; nothing here parses or validates.
 */

/**
 * NLM initials: the first letter of each space- or hyphen-separated part of the given
 * name, upper-cased: "Tae-Eun" -> "TE", "Ja Wook" -> "JW", "H.-P." -> "HP".
 */
export function nlmInitials(given: string): string {
  let initials = '';
  for (const part of given.split(/[\s.-]+/u)) {
    const letter = part.replace(/^[^\p{L}]+/u, '');
    const first = letter.codePointAt(0);
    if (first !== undefined) initials += String.fromCodePoint(first).toUpperCase();
  }
  return initials;
}

/** A person's initials: the normalizer's, or derived from the given name. */
export function initialsOf(person: PersonName): string | undefined {
  if (person.initials) return person.initials;
  if (!person.given) return undefined;
  return nlmInitials(person.given) || undefined;
}

/** "Given Family Suffix": the order of schema.org `name`. */
export function naturalName(person: PersonName): string {
  return [person.given, person.family, person.suffix].filter((part) => part !== undefined && part !== '').join(' ');
}

/** "Family, Given, Suffix": the catalogue's inverted form (CSV, MEDLINE text FAU). */
export function invertedName(person: PersonName): string {
  const parts = [person.family];
  if (person.given) parts.push(person.given);
  if (person.suffix) parts.push(person.suffix);
  return parts.join(', ');
}

/** The title with its subtitle, unless the title already carries the subtitle. */
export function fullTitle(title: string | undefined, subtitle: string | undefined): string | undefined {
  if (!title) return subtitle;
  if (!subtitle || title.includes(subtitle)) return title;
  return `${title}: ${subtitle}`;
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** ISO 8601 date at the precision known: "2023", "2023-08", "2023-08-31". */
export function isoDate(date: PublicationDate): string | undefined {
  if (date.year === undefined) return undefined;
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  if (date.day === undefined) return `${year}-${pad2(date.month)}`;
  return `${year}-${pad2(date.month)}-${pad2(date.day)}`;
}

export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function monthAbbreviation(month: number): string | undefined {
  return MONTH_ABBREVIATIONS[month - 1];
}

/**
 * Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts a
 * sequence that can retitle or clear the screen; U+009B is a one-character CSI), DEL, the
 * line and paragraph separators and the bidirectional overrides and isolates (which reorder
 * what is shown). JSON.stringify leaves C1 and the rest as they are, so they are escaped here.
 */
const TERMINAL_ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Text safe to print on a terminal: every character it would act on shown as `\n` or `\u001b`. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_ACTIVE, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
