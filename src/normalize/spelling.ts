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
  /** A statement that closes the layout where a copyright line stands but names no copyright: not taken. */
  trailingStatement?: string;
  /** Where each collective name stands among all the authors (persons and bodies), when `spelling` lists them. */
  collectivePositions?: Map<string, number>;
  /** ISO dates (YYYY-MM-DD) in the order they appear. */
  dates: string[];
}

const LICENSE_URL = /https?:\/\/creativecommons\.org\/(?:licenses\/[a-z-]{2,12}\/\d\.\d|publicdomain\/(?:zero|mark)\/\d\.\d)\/?/i;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/g;
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
  const statement = closingStatement(spelling, Math.max(afterAbstract, 0), license?.index, values(fields.format));
  if (statement?.copyright) findings.copyright = statement.copyright;
  else if (statement?.other) findings.trailingStatement = statement.other;

  const title = collapseWhitespace(firstValue(fields.title_full) ?? firstValue(fields.title) ?? '');
  const titleEnd = title ? endOf(spelling, title, 0) : -1;
  // A record with no author (a retraction notice, an erratum, an editorial): the journal
  // abbreviation follows the title itself, which must then be found.
  const gapStart = authorsEnd(spelling, Math.max(titleEnd, 0), authorNames, fields, findings);
  if (gapStart === -1 || (gapStart === Math.max(titleEnd, 0) && titleEnd === -1)) return findings;

  const publisher = collapseWhitespace(firstValue(fields.publisher) ?? '');
  const gapEnd = description
    ? spelling.indexOf(description.slice(0, 60), gapStart)
    : publisher
      ? publisherBeforeDate(spelling, publisher, gapStart)
      : nextDateOrLink(spelling, gapStart);
  if (gapEnd === -1) return findings;

  let gap = spelling.slice(gapStart, gapEnd).trim();
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

/** A copyright mark, or words that only a copyright or licence statement holds (`Published by Elsevier Inc.`, `Creative Commons Attribution license.`). */
const COPYRIGHT_WORDS = /Copyright|©|\(c\) \d{4}|\bPublished by\b|\bCreative Commons\b|\bAll rights reserved\b|\bLicensee\b/iu;
/** The formats the PubMed/PMC import writes into `spelling` (`Text`), whatever the stored `format` says. */
const IMPORT_FORMATS: readonly string[] = ['Online', 'Article', 'Text', 'Electronic'];
/** A word of the layout before the closing statement: a link, or a lower-case language code (`en`, `pt-BR`). */
const LINK_OR_LANGUAGE = /^(?:https?:\/\/\S+|\/(?:pmc|pubmed)\/\S+|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/u;

/**
 * The statement that closes the layout (after the links, the formats and the language codes,
 * before a licence URL): the copyright line when it names one, with or without a (c) sign
 * (`Crown Copyright © 2015. Published by...`, `Published by Elsevier Inc.`), else returned as
 * `other` so the caller can say it was not taken. Where the layout's end cannot be found,
 * the first copyright mark after the abstract starts the statement. Text too long to be a
 * copyright line is neither.
 */
function closingStatement(spelling: string, from: number, licenseAt: number | undefined, formats: readonly string[]): { copyright?: string; other?: string } | undefined {
  const end = licenseAt !== undefined && licenseAt > from ? licenseAt : spelling.length;
  const region = spelling.slice(from, end);
  const words = region.split(' ');
  // The links run, then the formats and language codes; the statement follows them (it may
  // hold a link of its own: `...please go to http://group.bmj.com/...`).
  const firstLink = words.findIndex((word) => /^(?:https?:\/\/|\/(?:pmc|pubmed)\/)/u.test(word));
  if (firstLink !== -1) {
    let first = firstLink;
    const isLayoutWord = (word: string): boolean => LINK_OR_LANGUAGE.test(word) || formats.includes(word) || IMPORT_FORMATS.includes(word);
    while (first < words.length && isLayoutWord(words[first] as string)) first += 1;
    const tail = words.slice(first).join(' ').trim();
    if (tail === '' || tail.length > MAX_COPYRIGHT_LENGTH) return undefined;
    return COPYRIGHT_WORDS.test(tail) ? { copyright: tail } : { other: tail };
  }
  const mark = /Copyright|©|\(c\) \d{4}/u.exec(region);
  if (!mark) return undefined;
  const text = region.slice(mark.index).trim();
  return text.length > 0 && text.length <= MAX_COPYRIGHT_LENGTH ? { copyright: text } : undefined;
}

/**
 * Where the authors end in `spelling`: `from` when the record has none, -1 when they are not
 * where the layout puts them.
 * Persons are found in order after the title; collective names kept apart (`author2`,
 * `author_corporate`) are found among them or right after them, and their places among all
 * the authors are recorded: `spelling` keeps the source's order (a consortium first).
 */
function authorsEnd(spelling: string, from: number, authorNames: readonly string[], fields: Record<string, RawValue>, findings: SpellingFindings): number {
  const starts: { name: string; at: number; collective: boolean }[] = [];
  let cursor = from;
  let end: number | undefined;
  for (const name of authorNames) {
    const text = collapseWhitespace(name);
    const found = endOf(spelling, text, cursor);
    if (found === -1) return -1; // the layout is not the one we know: infer nothing
    starts.push({ name: text, at: found - text.length, collective: false });
    cursor = found;
    end = found;
  }
  const apart = [...values(fields.author2), ...values(fields.author_corporate)].map((name) => collapseWhitespace(name)).filter((name) => name !== '');
  const placed: { name: string; at: number }[] = [];
  // Passes until nothing more is placed: bodies after the persons may be listed in any order.
  for (let found = true; found; ) {
    found = false;
    for (const text of apart) {
      if (placed.some((body) => body.name === text)) continue;
      const at = spelling.indexOf(text, from);
      if (at === -1) continue;
      const followsRun = spelling[at - 1] === ' ' && at - 1 === (end ?? from);
      if (followsRun) end = at + text.length;
      if (followsRun || (end !== undefined && at < end)) {
        placed.push({ name: text, at });
        found = true;
      }
    }
  }
  if (placed.length === apart.length && placed.length > 0) {
    const order = [...starts, ...placed.map((body) => ({ ...body, collective: true }))].sort((a, b) => a.at - b.at);
    findings.collectivePositions = new Map(order.flatMap((entry, index) => (entry.collective ? [[entry.name, index] as const] : [])));
  }
  if (end !== undefined) return end;
  return authorNames.length === 0 && apart.length === 0 ? from : -1;
}

/** A record without abstract and publisher: the gap ends where the dates or the links start. */
const DATE_OR_LINK = /\s(?:\d{4}-\d{2}-\d{2}(?=\s|$)|\/pmc\/|\/pubmed\/|https?:\/\/)/u;

function nextDateOrLink(spelling: string, from: number): number {
  const match = DATE_OR_LINK.exec(spelling.slice(from));
  return match ? from + match.index : -1;
}
