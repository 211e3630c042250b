import { COLLECTIVE_AUTHORS, displayName, makePerson, NAME_KIND_WEIGHTS, relative, CORPORATE_AUTHORS, type GivenStyle, type NameKind, type PersonTruth } from './names.js';
import { Random } from './random.js';
import { abstractText, articleTitle, BOOK_PUBLISHERS, BOOK_TOPICS, bookTitle, JOURNALS, leadingArticleLength } from './texts.js';
import { computeWorkKeys } from './work-keys.js';

/**
 * Ground-truth records: a Solr document as VuFind would hold it, and what the record
 * really is. Articles follow the PubMed/PMC import of the seed record (FORMATS.md 1.1),
 * books follow VuFind's MARC import (the `search.json` fixtures).
 */

export interface CorpusTruth {
  /** Personal authors in order (author, then author2), exactly as the catalogue means them. */
  authors: PersonTruth[];
  corporateAuthors: string[];
  pmid?: string;
  pmcid?: string;
  doi?: string;
  /** ISBN-13s, no hyphens, in order, without repeats. */
  isbn: string[];
  year?: number;
  /** Language names as VuFind stores them. */
  languages: string[];
  formats: string[];
  journalAbbreviation?: string;
  /** The kinds this record exercises (name kinds, `mononym`, `repeated-name`, `bad-doi`...), for the per-kind table. */
  kinds: string[];
  /** Publication types NLM would list (articles), by NLM name. */
  publicationTypes?: string[];
  /** The publication date at the precision the record supports. */
  published?: { year: number; month?: number; day?: number };
  /** Secondary authors with a non-author role (`Family, Given` and role). */
  contributors?: { name: string; role: string }[];
  pageStart?: string;
  pages?: string;
  copyright?: string;
}

/** PMC article headings (the first topic of a PubMed-harvest record) and the type NLM lists for each. */
const ARTICLE_HEADINGS: readonly (readonly [string, string[], number])[] = [
  ['Research Article', ['Journal Article'], 20], ['Original Article', ['Journal Article'], 14], ['Review', ['Journal Article', 'Review'], 14],
  ['Systematic Review', ['Journal Article', 'Systematic Review'], 5], ['Case Report', ['Journal Article', 'Case Reports'], 7],
  ['Original Research', ['Journal Article'], 5], ['Article', ['Journal Article'], 8], ['Editorial', ['Editorial'], 3], ['Letter', ['Letter'], 2],
  // A Comment alone is a Journal Article to NLM (issue 19: 9 of 9 MEDLINE 2016 records).
  ['Comment', ['Journal Article', 'Comment'], 1], ['Evaluation Study', ['Journal Article', 'Evaluation Study'], 2], ['Meta-Analysis', ['Journal Article', 'Meta-Analysis'], 2],
  ['Brief Report', ['Journal Article'], 3], ['Research', ['Journal Article'], 3], ['Letter to the Editor', ['Letter'], 2],
  ['Clinical Trial, Phase III', ['Journal Article', 'Clinical Trial, Phase III'], 1], ['Research Paper', ['Journal Article'], 2],
];
/** Keywords that follow the heading in `topic` (PMC `kwd`). */
const ARTICLE_KEYWORDS: readonly string[] = ['Depression', 'Ketamine', 'Glutamate', 'Treatment-resistant depression', 'COVID-19', 'Dengue',
  'Machine learning', 'Obesity', 'Bariatric surgery', 'Bone density', 'Asthma', 'Inhaled corticosteroids', 'Burns', 'Frailty',
  'Urinalysis', 'Public health', 'Epidemiology', 'Children', 'Mortality', 'Quality of life'];

export interface CorpusRecord {
  /** The Solr document; `_version_` as a string of digits. */
  doc: Record<string, string | string[]>;
  truth: CorpusTruth;
  /** True for a VuFind 7.1+ site that stores `work_keys_str_mv`. */
  hasWorkKeys: boolean;
  /** The UI language of the record page (a key of the core labels). */
  locale: string;
}

export type CorpusProfile = 'accuracy' | 'bench';

export interface CorpusOptions {
  seed: number;
  count: number;
  profile?: CorpusProfile;
}

export const LOCALES: readonly string[] = ['en', 'es', 'pt', 'pt-br', 'de', 'fr', 'it', 'ar', 'bn', 'ca', 'cs', 'cy', 'da', 'el', 'eu',
  'fi', 'ga', 'gl', 'he', 'hi', 'hr', 'hy', 'ja', 'mi', 'mn', 'nl', 'pl', 'ru', 'se', 'sl', 'sv', 'tr', 'uk', 'vi', 'zh', 'zh-cn'];

/** Names from VuFind's MARC language map, including the multi-word ones that make splitting hard. */
export const BOOK_LANGUAGES: readonly string[] = ['English', 'Spanish', 'German', 'French', 'Portuguese', 'Italian', 'Latin', 'Chinese',
  'Japanese', 'Korean', 'Russian', 'Dutch', 'Greek, Modern (1453-)', 'Greek, Ancient (to 1453)', 'Norwegian (Bokmål)',
  'Norwegian (Nynorsk)', 'Scottish Gaelic', 'Swiss German', 'Low German', 'Church Slavic', 'Haitian French Creole',
  'Multiple languages', 'Undetermined', 'English, Middle (1100-1500)', 'Occitan (post-1500)', 'Old Norse', 'Northern Sami',
  'Tok Pisin', 'Creoles and Pidgins, French-based (Other)', 'Sign languages', 'Irish', 'Welsh', 'Catalan', 'Basque', 'Galician',
  'Polish', 'Czech', 'Hungarian', 'Vietnamese', 'Arabic', 'Hebrew', 'Persian', 'Turkish', 'Hindi', 'Swedish', 'Danish',
  'Finnish', 'Sango (Ubangi Creole)', 'Luo (Kenya and Tanzania)', 'German, Middle High (ca. 1050-1500)', 'No linguistic content'];
const ARTICLE_LANGUAGES: readonly (readonly [string, string])[] = [['English', 'en'], ['Spanish', 'es'], ['Portuguese', 'pt'],
  ['German', 'de'], ['French', 'fr'], ['Chinese', 'zh'], ['Korean', 'ko'], ['Japanese', 'ja'], ['Italian', 'it'], ['Russian', 'ru']];

/** VuFind releases: the staff table is sorted from 9.0, work keys exist from 7.1. */
const VUFIND_VERSIONS: readonly (readonly [number, number])[] = [[2.5, 4], [5.1, 6], [6.1, 8], [7.0, 10], [7.1, 8], [8.1, 16], [9.1, 24], [10.0, 24]];

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let index = 0; index < 12; index += 1) sum += Number(first12[index]) * (index % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

function isbn10Of(isbn13: string): string | undefined {
  if (!isbn13.startsWith('978')) return undefined;
  const body = isbn13.slice(3, 12);
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(body[index]) * (10 - index);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

function hyphenate(isbn: string): string {
  return isbn.length === 13 ? `${isbn.slice(0, 3)}-${isbn.slice(3, 4)}-${isbn.slice(4, 7)}-${isbn.slice(7, 12)}-${isbn.slice(12)}` : `${isbn.slice(0, 1)}-${isbn.slice(1, 4)}-${isbn.slice(4, 9)}-${isbn.slice(9)}`;
}

function authorCount(random: Random, profile: CorpusProfile): number {
  if (profile === 'bench') return random.int(3, 12);
  return random.weighted<() => number>([
    [() => 1, 8], [() => random.int(2, 6), 50], [() => random.int(7, 15), 28], [() => random.int(16, 40), 11], [() => random.int(41, 70), 3],
  ])();
}

/** The people of one record: a lab's mix of name kinds, the same family name now and then. */
function makeAuthors(random: Random, count: number, givenStyle: GivenStyle): { people: PersonTruth[]; kinds: NameKind[] } {
  const home = random.weighted(NAME_KIND_WEIGHTS);
  const people: PersonTruth[] = [];
  const kinds: NameKind[] = [];
  const seen = new Set<string>();
  const options = { givenStyle, suffixChance: 0.05 };
  while (people.length < count) {
    const kind = random.chance(0.6) ? home : random.weighted(NAME_KIND_WEIGHTS);
    const previous = people.length > 0 ? random.int(0, people.length - 1) : -1;
    const person = previous >= 0 && random.chance(0.07)
      ? relative(people[previous] as PersonTruth, kinds[previous] as NameKind, random, options)
      : makePerson(kind, random, options);
    const key = displayName(person);
    if (seen.has(key)) continue; // a record never names one person twice
    seen.add(key);
    people.push(person);
    kinds.push(kind);
  }
  return { people, kinds };
}

function givenStyleOf(random: Random): GivenStyle {
  return random.weighted<GivenStyle>([['full', 72], ['initials', 12], ['initials-dotted', 10], ['first-full', 6]]);
}

function versionString(random: Random): string {
  return `17${random.digits(17, true)}`;
}

function titleForms(title: string, articleLength: number): { full: string; sort: string; keys: string[] } {
  const trimmed = title.slice(articleLength);
  return { full: title, sort: trimmed.toLowerCase(), keys: articleLength > 0 ? [title, trimmed] : [title] };
}

/** `10.1038/x` -> `10.1O38/x`: the letter O for the first zero (or the first digit) of the registrant code. */
function withLetterO(doi: string): string {
  const slash = doi.indexOf('/');
  const registrant = doi.slice(3, slash);
  const at = registrant.includes('0') ? registrant.indexOf('0') : 0;
  return `10.${registrant.slice(0, at)}O${registrant.slice(at + 1)}${doi.slice(slash)}`;
}

// eslint-disable-next-line max-lines-per-function -- the seeded corpus depends on the order of these draws; one body keeps that order in view
function makeArticle(random: Random, profile: CorpusProfile, hasWorkKeys: boolean): { doc: Record<string, string | string[]>; truth: CorpusTruth } {
  const made = makeAuthors(random, authorCount(random, profile), givenStyleOf(random));
  const people = made.people;
  const kinds: string[] = [...new Set<string>(made.kinds)];
  // The same full name twice in one record (two people, or one listed twice by the source).
  if (profile !== 'bench' && people.length > 0 && random.chance(0.03)) {
    people.splice(random.int(1, people.length), 0, { ...(people[random.int(0, people.length - 1)] as PersonTruth) });
    kinds.push('repeated-name');
  }
  const journal = random.pick(JOURNALS);
  const year = random.int(1995, 2025);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const pmcNumber = random.digits(random.int(6, 8));
  const pmcid = `PMC${pmcNumber}`;
  const pmid = random.chance(0.92) ? random.digits(8) : undefined;
  const doiDrawn = random.chance(0.88)
    ? `${journal.doiPrefix}/${random.pick([`cpn.${year % 100}.${random.digits(4)}`, `journal.pone.0${random.digits(6)}`, `s41467-0${year % 100}-${random.digits(5)}-${random.int(0, 9)}`, `fimmu.${year}.${random.digits(7)}`, `S0140-6736(${year % 100})${random.digits(5)}-${random.int(0, 9)}`, `jkms.${year}.${random.digits(2)}.e${random.digits(3)}`, `ijerph${random.digits(8)}`])}`
    : undefined;
  // A careless exporter's DOI: the letter O for a zero in the registrant code. Never an identifier.
  const badDoi = doiDrawn !== undefined && profile !== 'bench' && random.chance(0.02);
  const doi = badDoi ? undefined : doiDrawn;
  if (badDoi) kinds.push('bad-doi');
  const title = articleTitle(random);
  const titles = titleForms(title, leadingArticleLength(title) > 0 && /^(?:The|A|An) /u.test(title) ? leadingArticleLength(title) : 0);
  const corporate = random.chance(0.04) ? [random.pick(CORPORATE_AUTHORS)] : [];
  // A collective name inside `author` (PMC collab), mostly last, sometimes among the persons.
  const collective = profile !== 'bench' && random.chance(0.05) ? random.pick(COLLECTIVE_AUTHORS) : undefined;
  const collectiveAt = collective === undefined ? -1 : random.chance(0.7) ? people.length : random.int(0, people.length);
  if (collective !== undefined) kinds.push('collective-in-author');
  const languagePair = random.chance(0.86) ? [ARTICLE_LANGUAGES[0] as readonly [string, string]] : random.chance(0.5)
    ? [ARTICLE_LANGUAGES[0] as readonly [string, string], random.pick(ARTICLE_LANGUAGES.slice(1))]
    : [random.pick(ARTICLE_LANGUAGES.slice(1))];
  const languages = languagePair.map(([name]) => name);
  const [heading, headingTypes] = random.weighted<readonly [string, string[]]>(ARTICLE_HEADINGS.map(([name, types, weight]) => [[name, types] as const, weight]));
  if (heading.includes(' ') && headingTypes.length > 0) kinds.push('multi-word-type');
  const keywords = profile === 'bench' ? [] : [...new Set(Array.from({ length: random.weighted<number>([[0, 40], [1, 20], [2, 20], [3, 20]]) }, () => random.pick(ARTICLE_KEYWORDS)))];
  if (keywords.length > 1) kinds.push('multi-heading-subjects');
  const topics = [heading, ...keywords];
  // The OAI datestamp glued to the id is the harvest date, after publication.
  const harvested = `${Math.min(year + random.int(0, 2), 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const pageStart = profile !== 'bench' && random.chance(0.3) ? String(random.int(1, 2400)) : undefined;
  const pages = pageStart !== undefined && random.chance(0.15) ? `${pageStart}-${random.int(2, 99)}` : undefined;
  if (pageStart !== undefined) kinds.push(pages === undefined ? 'start-page' : 'page-range');
  const abbreviationInSource = profile === 'bench' || random.chance(0.95);
  if (!abbreviationInSource) kinds.push('no-abbreviation');
  const formats = random.weighted<string[]>([[['Online', 'Article', 'Text'], 85], [['Article', 'Text'], 8], [['Electronic', 'Article'], 4], [['Online', 'Journal Article'], 3]]);
  const abstract = random.chance(profile === 'bench' ? 1 : 0.94) ? abstractText(random, profile === 'bench' ? 1200 : random.int(300, 1600)) : undefined;
  const publisher = journal.publisher;
  const id = `pubmed-${pmcNumber}`;

  const pmcUrl = random.chance(0.8) ? `https://www.ncbi.nlm.nih.gov/pmc/articles/${pmcid}/` : `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`;
  const urls = [pmcUrl];
  if (pmid !== undefined) urls.push(random.chance(0.8) ? `https://www.ncbi.nlm.nih.gov/pubmed/${pmid}` : `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`);
  const writtenDoi = badDoi ? withLetterO(doiDrawn as string) : doi;
  const doiUrl = writtenDoi === undefined ? undefined : `${random.chance(0.8) ? 'http://dx.doi.org/' : 'https://doi.org/'}${writtenDoi}`;
  if (doiUrl !== undefined) urls.push(doiUrl);

  const names = people.map(displayName);
  const authorNames = collective === undefined ? names : [...names.slice(0, collectiveAt), collective, ...names.slice(collectiveAt)];
  const licensed = random.chance(0.8);
  // Most NLM-derived records carry a copyright line and no licence URL.
  const copyrightOnly = !licensed && profile !== 'bench' && random.chance(0.6);
  if (copyrightOnly) kinds.push('copyright-no-licence');
  const copyright = random.pick([`Copyright© ${year}, ${publisher}`, `© ${year} The Authors`, `Copyright © ${year} ${names[0] ?? 'The Authors'} et al.`]);
  const licenseUrl = random.pick(['https://creativecommons.org/licenses/by/4.0/', 'https://creativecommons.org/licenses/by-nc/4.0/', 'https://creativecommons.org/licenses/by-nc-nd/4.0/']);
  const spellingParts = [`${id}${harvested}`, title, ...authorNames, ...corporate, ...(abbreviationInSource ? [journal.abbreviation] : []), heading];
  if (abstract !== undefined) spellingParts.push(abstract);
  spellingParts.push(publisher, date, date, `/pmc/articles/${pmcid}/`);
  if (pmid !== undefined) spellingParts.push(`/pubmed/${pmid}`);
  if (doiUrl !== undefined) spellingParts.push(doiUrl);
  spellingParts.push('Text', languagePair.map(([, code]) => code).join(' '));
  if (copyrightOnly) spellingParts.push(copyright);
  if (licensed) spellingParts.push(copyright, `${licenseUrl}This is an open-access article distributed under the terms of the Creative Commons Attribution License, which permits unrestricted use, distribution, and reproduction in any medium, provided the original work is properly cited.`);

  // Fields in the order the PubMed import adds them (the stored order older VuFind prints).
  const doc: Record<string, string | string[]> = { id, record_format: 'MEDLINE/PubMed', collection: ['PubMed'], institution: ['National Center for Biotechnology Information'] };
  doc.title = title;
  doc.title_short = title;
  doc.title_full = title;
  doc.title_sort = titles.sort;
  if (authorNames.length > 0) {
    doc.author = authorNames;
    doc.author_sort = authorNames[0] as string;
  }
  if (corporate.length > 0) {
    doc.author_corporate = corporate;
    if (authorNames.length === 0) doc.author_sort = corporate[0] as string;
  }
  doc.author_facet = [...authorNames, ...corporate];
  doc.publisher = [publisher];
  doc.publishDate = [String(year)];
  if (abstract !== undefined) doc.description = abstract;
  doc.topic = topics;
  doc.language = languages;
  doc.format = formats;
  doc.url = urls;
  if (pageStart !== undefined) doc.container_start_page = pages ?? pageStart;
  doc.spelling = [spellingParts.join(' ')];
  doc.spellingShingle = [...topics, ...authorNames, title];
  doc.title_fullStr = title;
  doc.title_full_unstemmed = title;
  if (hasWorkKeys) doc.work_keys_str_mv = computeWorkKeys({ uniformTitles: [], titles: titles.keys, authors: [...authorNames, ...corporate] });

  const truth: CorpusTruth = {
    authors: people, corporateAuthors: collective === undefined ? corporate : [collective, ...corporate.filter((name) => name !== collective)],
    pmcid, isbn: [], year, languages, formats, kinds, publicationTypes: headingTypes, published: { year, month, day },
  };
  if (abbreviationInSource) truth.journalAbbreviation = journal.abbreviation;
  if (pageStart !== undefined) truth.pageStart = pageStart;
  if (pages !== undefined) truth.pages = pages;
  if (licensed || copyrightOnly) truth.copyright = copyright;
  if (pmid !== undefined) truth.pmid = pmid;
  if (doi !== undefined) truth.doi = doi;
  return { doc, truth };
}

// eslint-disable-next-line max-lines-per-function -- the seeded corpus depends on the order of these draws; one body keeps that order in view
function makeBook(random: Random, hasWorkKeys: boolean): { doc: Record<string, string | string[]> ; truth: CorpusTruth } {
  const corporateMain = random.chance(0.08);
  const made = makeAuthors(random, (corporateMain ? 0 : 1) + random.weighted<number>([[0, 45], [1, 25], [2, 15], [3, 8], [5, 5], [8, 2]]), random.weighted<GivenStyle>([['full', 85], ['initials-dotted', 10], ['first-full', 5]]));
  const people = made.people;
  const kinds: string[] = [...new Set<string>(made.kinds)];
  const corporate = corporateMain || random.chance(0.05) ? [random.pick(CORPORATE_AUTHORS)] : [];
  // MARC names carry dates ("Bryant, Dorothy, 1930-"); the work keys leave them out.
  const withDates = people.map((person) => {
    const name = displayName(person);
    if (!random.chance(0.25)) return name;
    const born = random.int(1550, 1990);
    return random.chance(0.5) ? `${name}, ${born}-` : `${name}, ${born}-${born + random.int(30, 90)}`;
  });
  const main = corporateMain ? [] : withDates.slice(0, 1);
  const others = corporateMain ? withDates : withDates.slice(1);
  const otherPeople = corporateMain ? people : people.slice(1);
  // author2_role runs parallel to author2: most records leave every role empty or fill every
  // one (MARC 700 $4/$e); a few mix them, which a flattened scrape cannot place.
  const roleStyle = others.length === 0 ? 'none' : random.weighted<string>([['empty', 55], ['filled', 43], ['mixed', 2]]);
  const roles = others.map(() => (roleStyle === 'empty' ? '' : roleStyle === 'filled' ? random.weighted<string>([['edt', 40], ['trl', 25], ['ill', 15], ['aut', 20]]) : random.pick(['', 'edt', 'trl'])));
  if (roles.some((role) => role !== '' && role !== 'aut')) kinds.push('author2-role');
  const book = bookTitle(random);
  const fullTitle = book.subtitle === undefined ? book.title : `${book.title} : ${book.subtitle}`;
  const keyTitle = book.subtitle === undefined ? book.title : `${book.title} ${book.subtitle}`;
  const year = random.int(1600, 2025);
  const isbns: string[] = [];
  const isbnValues: string[] = [];
  const isbnCount = random.weighted<number>([[0, 15], [1, 55], [2, 25], [3, 5]]);
  for (let index = 0; index < isbnCount; index += 1) {
    const isbn13 = (() => {
      const first12 = `${random.chance(0.9) ? '978' : '979'}${random.digits(9, true)}`;
      return first12 + isbn13CheckDigit(first12);
    })();
    if (!isbns.includes(isbn13)) isbns.push(isbn13);
    const isbn10 = isbn10Of(isbn13);
    const stored = isbn10 !== undefined && random.chance(0.4) ? isbn10 : isbn13;
    const written = random.chance(0.15) ? hyphenate(stored) : stored;
    const qualifier = random.weighted<string>([['', 70], [' (pbk.)', 10], [' (pbk. : alk. paper)', 8], [' (hardcover)', 6], [' (v. 1)', 6]]);
    isbnValues.push(written + qualifier);
    if (random.chance(0.1) && isbn10 !== undefined) isbnValues.push(stored === isbn10 ? isbn13 : isbn10); // both forms of one book
  }
  const languages = random.chance(0.88) ? [random.pick(BOOK_LANGUAGES)] : [random.pick(BOOK_LANGUAGES), random.pick(BOOK_LANGUAGES)];
  const uniqueLanguages = [...new Set(languages)];
  const formats = random.weighted<string[]>([[['Book'], 60], [['eBook'], 12], [['Book', 'Thesis'], 5], [['Sound Recording'], 4], [['Musical Score'], 3],
    [['Video', 'DVD'], 3], [['Map', 'Atlas'], 2], [['Book Chapter'], 4], [['Conference Proceeding'], 3], [['Manuscript'], 2], [['Book', 'Online'], 2]]);
  const topics = random.chance(0.3) ? [] : Array.from({ length: random.weighted<number>([[1, 60], [2, 25], [3, 15]]) }, () => random.pick(BOOK_TOPICS));
  const uniqueTopics = [...new Set(topics)];
  const publisher = random.pick(BOOK_PUBLISHERS);
  const id = random.chance(0.5) ? random.digits(9, true) : `in${random.digits(11, true)}`;
  const uniform = random.chance(0.1) ? [random.pick(['Bible. English', 'Hamlet', 'Don Quixote', 'Iliad. Spanish'])] : [];

  const doc: Record<string, string | string[]> = { id, collection: ['Catalog'], institution: ['MyInstitution'], record_format: 'marc' };
  if (isbnValues.length > 0) doc.isbn = isbnValues;
  doc.ctrlnum = [`(OCoLC)ocm${random.digits(8)}`];
  doc.language = uniqueLanguages;
  doc.format = formats;
  if (main.length > 0) doc.author = main;
  if (others.length > 0) {
    doc.author2 = others;
    doc.author2_role = roles;
  }
  if (main.length > 0) doc.author_role = [''];
  if (corporate.length > 0) doc.author_corporate = corporate;
  doc.author_facet = [...main, ...others, ...corporate];
  doc.author_sort = main[0] ?? corporate[0] ?? others[0] ?? '';
  if (doc.author_sort === '') delete doc.author_sort;
  doc.title = book.title;
  if (book.subtitle !== undefined) doc.title_sub = book.subtitle;
  doc.title_short = book.title;
  doc.title_full = `${fullTitle} / ${people.map((person) => `${person.given ?? ''} ${person.family}`.trim()).join(', ')}.`;
  doc.title_fullStr = doc.title_full;
  doc.title_full_unstemmed = doc.title_full;
  doc.title_sort = keyTitle.slice(book.nonFiling).toLowerCase();
  doc.publisher = [`${publisher},`];
  doc.publishDate = [String(year)];
  doc.physical = [`${random.int(90, 900)} p. ; ${random.int(18, 30)} cm.`];
  if (uniqueTopics.length > 0) doc.topic = uniqueTopics;
  if (formats.includes('eBook') || formats.includes('Online')) doc.url = [`https://books.example.org/${id}`];
  doc.spelling = [...withDates, `${fullTitle} /`, `${publisher}, ${year}.`, ...uniqueTopics];
  doc.spellingShingle = [...main, ...others, `${book.title} /`, ...uniqueTopics];
  if (hasWorkKeys) {
    // WorkKeys.java takes 100ab/700ab: names without dates (and without 100c titles such as "Jr.").
    const keyAuthors = [...people.map((person) => (person.given === undefined ? person.family : `${person.family}, ${person.given}`)), ...corporate];
    const ordered = corporateMain ? [...corporate, ...keyAuthors.slice(0, people.length)] : keyAuthors;
    const titles = book.nonFiling > 0 ? [keyTitle, keyTitle.slice(book.nonFiling)] : [keyTitle];
    doc.work_keys_str_mv = computeWorkKeys({ uniformTitles: uniform, titles, authors: ordered });
  }
  const isAuthor = (index: number): boolean => roles[index] === '' || roles[index] === 'aut';
  const truthAuthors = [...(corporateMain ? [] : people.slice(0, 1)), ...otherPeople.filter((_, index) => isAuthor(index))];
  const contributors = otherPeople.flatMap((person, index) => (isAuthor(index) ? [] : [{ name: displayName(person), role: roles[index] as string }]));
  const truth: CorpusTruth = { authors: truthAuthors, corporateAuthors: corporate, isbn: isbns, year, languages: uniqueLanguages, formats, kinds, published: { year } };
  if (contributors.length > 0) truth.contributors = contributors;
  return { doc, truth };
}

/** Records of a corpus, the same for the same options on every machine. */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusRecord> {
  const profile = options.profile ?? 'accuracy';
  const random = new Random(options.seed);
  // A catalogue's ids, PMIDs and DOIs are unique: a record that repeats one is drawn again
  // (deterministically), so the corpus has no accidental duplicates.
  const seen = new Set<string>();
  const isNew = (truth: CorpusTruth, id: string): boolean =>
    !seen.has(`id:${id}`) && (truth.pmid === undefined || !seen.has(`pmid:${truth.pmid}`)) && (truth.doi === undefined || !seen.has(`doi:${truth.doi.toLowerCase()}`));
  for (let index = 0; index < options.count; index += 1) {
    for (;;) {
      const recordRandom = random.fork();
      const version = recordRandom.weighted(VUFIND_VERSIONS);
      const hasWorkKeys = version >= 7.1;
      const locale = profile === 'bench' ? 'en' : recordRandom.pick(LOCALES);
      const made = profile === 'bench' || recordRandom.chance(0.78) ? makeArticle(recordRandom, profile, hasWorkKeys) : makeBook(recordRandom, hasWorkKeys);
      const id = String(made.doc.id);
      if (!isNew(made.truth, id)) continue;
      seen.add(`id:${id}`);
      if (made.truth.pmid !== undefined) seen.add(`pmid:${made.truth.pmid}`);
      if (made.truth.doi !== undefined) seen.add(`doi:${made.truth.doi.toLowerCase()}`);
      const doc = { ...made.doc, _version_: versionString(recordRandom) };
      yield { doc, truth: made.truth, hasWorkKeys, locale };
      break;
    }
  }
}
