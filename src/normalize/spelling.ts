import type { RawValue } from '../model/raw-record.js';
import { canonicalPublicationType } from '../vocab/publication-types.js';
import { collapseWhitespace } from '../text.js';

/**
 * What `spelling` (a copy of VuFind's index-only `allfields`: the whole source record's
 * text, glued together) tells beyond the stored fields. Everything here is inferred.
 */
export interface SpellingFindings {
  journalAbbreviation?: string;
  publicationTypes: string[];
  license?: string;
  copyright?: string;
  /** ISO dates (YYYY-MM-DD) in the order they appear. */
  dates: string[];
}

const LICENSE_URL = /https?:\/\/creativecommons\.org\/(?:licenses\/[a-z-]{2,12}\/\d\.\d|publicdomain\/(?:zero|mark)\/\d\.\d)\/?/i;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/g;
const COPYRIGHT = /(?:Copyright|©|\(c\) \d{4})/g;
/** A copyright line is one sentence or two; longer text after the mark is something else. */
const MAX_COPYRIGHT_LENGTH = 300;
/** A journal abbreviation is a short run of words: anything longer is not one. */
const MAX_ABBREVIATION_LENGTH = 120;

function values(value: RawValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function firstValue(value: RawValue | undefined): string | undefined {
  return values(value)[0];
}

/** Index just past `needle` in `text` at or after `from`, or -1. */
function endOf(text: string, needle: string, from: number): number {
  if (!needle) return -1;
  const at = text.indexOf(needle, from);
  return at === -1 ? -1 : at + needle.length;
}

/**
 * Recovers the source fields that `spelling` carries and no stored field has. The text is
 * laid out in source-record order (id+date, title, authors, journal abbreviation,
 * publication types, abstract, publisher, dates, links, format, language, copyright,
 * licence), so the gap between the last author and the abstract is the journal
 * abbreviation followed by the publication types.
 */
export function recoverFromSpelling(fields: Record<string, RawValue>, authorNames: readonly string[]): SpellingFindings {
  const findings: SpellingFindings = { publicationTypes: [], dates: [] };
  const spelling = collapseWhitespace(values(fields.spelling).join(' '));
  if (!spelling) return findings;

  for (const match of spelling.matchAll(ISO_DATE)) {
    // The OAI datestamp is glued to the id (`pubmed-103359032023-08-31`): the harvest
    // date, never the publication date. Dates of the record stand as words of their own.
    const before = spelling.charAt(match.index - 1);
    if (match.index > 0 && before !== ' ') continue;
    findings.dates.push(match[0]);
  }

  const description = collapseWhitespace(firstValue(fields.description) ?? '');
  // The copyright line follows the abstract (never search the abstract: it may say "copyright").
  const afterAbstract = description ? endOf(spelling, description, 0) : -1;
  const license = LICENSE_URL.exec(spelling);
  if (license) findings.license = license[0].endsWith('/') ? license[0] : `${license[0]}/`;
  const copyright = copyrightStatement(spelling, Math.max(afterAbstract, 0), license?.index);
  if (copyright) findings.copyright = copyright;

  const title = collapseWhitespace(firstValue(fields.title_full) ?? firstValue(fields.title) ?? '');
  let cursor = title ? Math.max(endOf(spelling, title, 0), 0) : 0;
  let afterAuthors = -1;
  for (const name of authorNames) {
    const end = endOf(spelling, collapseWhitespace(name), cursor);
    if (end === -1) return findings; // the layout is not the one we know: infer nothing
    cursor = end;
    afterAuthors = end;
  }
  // Collective authors (PMC `collab`) follow the people: step over them so they are not
  // mistaken for the start of the journal abbreviation.
  for (const name of [...values(fields.author2), ...values(fields.author_corporate)]) {
    const text = collapseWhitespace(name);
    const at = afterAuthors === -1 ? cursor : afterAuthors;
    if (text && spelling.startsWith(text, at + 1) && spelling[at] === ' ') afterAuthors = at + 1 + text.length;
  }
  if (afterAuthors === -1) return findings;

  const publisher = collapseWhitespace(firstValue(fields.publisher) ?? '');
  const gapEnd = description
    ? spelling.indexOf(description.slice(0, 60), afterAuthors)
    : publisher
      ? publisherBeforeDate(spelling, publisher, afterAuthors)
      : nextDateOrLink(spelling, afterAuthors);
  if (gapEnd === -1) return findings;

  let gap = spelling.slice(afterAuthors, gapEnd).trim();
  // Publication types close the gap; peel them off from the end, longest name first.
  // As written in the source (`Case Report`), which is what `spelling` holds.
  // A scrape's topic cell may be flattened ("Article Depression Ketamine"): the heading the
  // gap ends with is then a run of its first words.
  const topics = [...values(fields.topic), ...values(fields.genre)].map((name) => collapseWhitespace(name));
  const firstWords = (topics[0] ?? '').split(' ');
  const prefixes = firstWords.map((_, index) => firstWords.slice(0, index + 1).join(' '));
  const candidates = [...new Set([...topics, ...prefixes])].filter((name) => name !== '').sort((a, b) => b.length - a.length);
  const peeled: string[] = [];
  for (let changed = true; changed && gap; ) {
    changed = false;
    for (const type of candidates) {
      if (gap === type || gap.endsWith(` ${type}`)) {
        peeled.unshift(type);
        gap = gap.slice(0, gap.length - type.length).trim();
        changed = true;
        break;
      }
    }
  }
  findings.publicationTypes = peeled.map((type) => canonicalPublicationType(type)).filter((type) => type !== undefined);
  if (gap && gap.length <= MAX_ABBREVIATION_LENGTH) findings.journalAbbreviation = gap;
  return findings;
}

/**
 * Where the publisher starts in `spelling`: the occurrence followed by a date (the layout's
 * "publisher date date"), since a journal can be its own publisher ("Cureus Cureus 2023-...").
 */
function publisherBeforeDate(spelling: string, publisher: string, from: number): number {
  const first = spelling.indexOf(publisher, from);
  for (let at = first; at !== -1; at = spelling.indexOf(publisher, at + 1)) {
    const after = spelling.slice(at + publisher.length, at + publisher.length + 5);
    if (/^ \d{4}$/u.test(after)) return at;
  }
  return first;
}

/**
 * The copyright statement: from its mark (`Copyright`, `©`) to the licence URL when one
 * follows, else to the end of `spelling` (the statement closes the layout; most records
 * carry no licence URL). The first mark after the abstract starts it; a run too long to be
 * a copyright line is not taken.
 */
function copyrightStatement(spelling: string, from: number, licenseAt: number | undefined): string | undefined {
  const end = licenseAt !== undefined && licenseAt > from ? licenseAt : spelling.length;
  let start = -1;
  for (const match of spelling.slice(from, end).matchAll(COPYRIGHT)) {
    start = from + match.index;
    break;
  }
  if (start === -1) return undefined;
  const text = spelling.slice(start, end).trim();
  return text.length > 0 && text.length <= MAX_COPYRIGHT_LENGTH ? text : undefined;
}

/** A record without abstract and publisher: the gap ends where the dates or the links start. */
const DATE_OR_LINK = /\s(?:\d{4}-\d{2}-\d{2}(?=\s|$)|\/pmc\/|\/pubmed\/|https?:\/\/)/u;

function nextDateOrLink(spelling: string, from: number): number {
  const match = DATE_OR_LINK.exec(spelling.slice(from));
  return match ? from + match.index : -1;
}
