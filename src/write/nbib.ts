import type { Issue } from '../model/issue.js';
import type { BibRecord } from '../model/record.js';
import { MEDLINE_OPTIONS, medlineArticleTitle, medlineJournalAbbreviation, medlinePublicationTypes, medlineRefusal, type MedlineOptions } from './medline-xml.js';
import { fullTitle, initialsOf, monthAbbreviation } from '../model/display.js';
import type { RecordWriter, WriterSession } from './types.js';
import { authorsInOrder } from './author-order.js';
import { withoutControlCharacters } from '../text.js';

/**
 * MEDLINE tagged text (`.nbib`, PubMed's "Save > PubMed format", read by Zotero, EndNote,
 * Mendeley): a tag padded to 4 characters, `- `, the value from column 7; long values wrap
 * greedily at 81 characters onto lines indented 6 spaces; repeated tags repeat; one blank
 * line between records. Like MEDLINE XML it needs a PMID (the same `medline.no-pmid` skip)
 * and uses the same MedlineTA fallback. Line breaks inside a value cannot be represented:
 * runs of whitespace become one space; control and bidi characters are left out (NEL is a
 * space), as validation's value.control-character says.
 */

const WRAP_WIDTH = 81;
const CONTINUATION = ' '.repeat(6);

/** Runs of white space (including line breaks) as one space; a linear scan, not a regex with backtracking. */
function singleLine(value: string): string {
  return value.split(/\s+/u).filter((word) => word !== '').join(' ');
}

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= WRAP_WIDTH) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

function field(tag: string, value: string | undefined): string {
  if (value === undefined) return '';
  // A raw NUL, ESC, NEL or bidi override would break the tagged lines or what a reader shows.
  const text = singleLine(withoutControlCharacters(value));
  if (text === '') return '';
  const [first, ...rest] = wrap(text);
  return `${tag.padEnd(4)}- ${first}\n${rest.map((line) => `${CONTINUATION}${line}\n`).join('')}`;
}

function publicationDate(record: BibRecord): string | undefined {
  const { year, month, day, text } = record.published;
  if (year === undefined) return text;
  const monthName = month === undefined ? undefined : monthAbbreviation(month);
  if (!monthName) return text && text.trim() !== String(year) ? text : String(year);
  return day === undefined ? `${year} ${monthName}` : `${year} ${monthName} ${day}`;
}

function source(record: BibRecord, journal: string, date: string | undefined): string {
  const { volume, issue, pages, pageStart } = record.container;
  let text = `${journal}.`;
  if (date) text += ` ${date}`;
  if (volume) text += `;${volume}${issue ? `(${issue})` : ''}`;
  const where = pages ?? pageStart;
  if (where) text += `:${where}`;
  text += '.';
  if (record.identifiers.doi) text += ` doi: ${record.identifiers.doi}.`;
  return text;
}

/** One record in MEDLINE tagged format, ending with the blank line that separates records. */
export function nbibRecord(record: BibRecord, options: MedlineOptions = {}): string {
  const ids = record.identifiers;
  const journal = medlineJournalAbbreviation(record, options) ?? '';
  const date = publicationDate(record);
  const parts: string[] = [
    field('PMID', ids.pmid),
    field('OWN', 'NLM'),
    field('STAT', 'PubMed-not-MEDLINE'),
    ...ids.issn.map((issn) => field('IS', issn)),
    ...ids.isbn.map((isbn) => field('ISBN', isbn)),
    field('VI', record.container.volume),
    field('IP', record.container.issue),
    field('DP', date),
    field('TI', medlineArticleTitle(fullTitle(record.title, record.subtitle))),
    // PG is the pagination: a page range only (a start page alone is in SO).
    field('PG', record.container.pages),
    field('LID', ids.doi && `${ids.doi} [doi]`),
    field('AB', record.abstract),
    field('CI', record.copyright),
  ];
  // PubMed's format lists a collective name (CN) where it stands among the persons.
  for (const entry of authorsInOrder(record)) {
    if ('organization' in entry) {
      parts.push(field('CN', entry.organization));
      continue;
    }
    const author = entry.person;
    const name = [author.family, author.given].filter(Boolean).join(', ');
    parts.push(field('FAU', author.suffix ? `${name}, ${author.suffix}` : name));
    parts.push(field('AU', [author.family, initialsOf(author), author.suffix].filter(Boolean).join(' ')));
  }
  const languages = record.languages.map((language) => language.iso639_2b).filter((code) => code !== undefined);
  for (const code of languages.length > 0 ? new Set(languages) : ['und']) parts.push(field('LA', code));
  for (const type of medlinePublicationTypes(record)) parts.push(field('PT', type));
  parts.push(field('PL', record.placeOfPublication), field('TA', journal), field('JT', record.container.title));
  if (record.subjects.length > 0) parts.push(field('OTO', 'NOTNLM'));
  for (const subject of record.subjects) parts.push(field('OT', subject));
  parts.push(field('PMC', ids.pmcid), field('AID', ids.doi && `${ids.doi} [doi]`), field('PST', 'ppublish'));
  parts.push(field('SO', source(record, journal, date)));
  return `${parts.join('')}\n`;
}

export const nbibWriter: RecordWriter<MedlineOptions> = {
  name: 'nbib',
  requiresRecords: true,
  description: 'MEDLINE tagged text (.nbib, PubMed format) for reference managers; records without a PMID are skipped',
  fileName: 'records.nbib',
  mediaType: 'application/nbib',
  options: MEDLINE_OPTIONS,
  accepts(record: BibRecord, options: MedlineOptions = {}): Issue | undefined {
    return medlineRefusal(record, options, 'MEDLINE tagged text');
  },
  open(options: MedlineOptions): WriterSession {
    return {
      start: () => '',
      write: (record) => nbibRecord(record, options),
      end: () => '',
    };
  },
};
