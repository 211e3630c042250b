import { isControlField, type MarcDataField, type MarcRecord } from '../../src/model/marc.js';
import type { BibRecord } from '../../src/model/record.js';

/**
 * What the MARC record itself says, read straight from its fields for the MARC accuracy
 * measure (no bibpipe code), and the same facts taken from a normalized record. Text is
 * compared by content: case, diacritics, punctuation and spacing aside (ISBD punctuation is
 * a cataloguing convention, not data).
 */

export const MARC_MEASURES = ['authors', 'subjects', 'identifiers', 'title', 'year', 'languages', 'publisher', 'edition', 'extent', 'series'] as const;
export type MarcMeasure = (typeof MARC_MEASURES)[number];

/** A measure's facts: a list compared in order (or as a set), or nothing when the record has none. */
export type Facts = string[];

export function contentOf(text: string | undefined): string {
  return (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const fields = (record: MarcRecord, test: (tag: string) => boolean): MarcDataField[] =>
  record.fields.filter((field): field is MarcDataField => !isControlField(field) && test(field.tag));

const values = (field: MarcDataField, codes: string): string[] => field.subfields.filter((subfield) => codes.includes(subfield.code)).map((subfield) => subfield.value);

function control(record: MarcRecord, tag: string): string {
  const field = record.fields.find((candidate) => candidate.tag === tag);
  return field && isControlField(field) ? field.value : '';
}

const NAME_TAGS = new Set(['100', '110', '111', '700', '710', '711']);
const SUBJECT_TAGS = new Set(['600', '610', '611', '630', '647', '648', '650', '651', '653', '654', '655', '656', '657', '658', '662']);

function nameParts(field: MarcDataField): string {
  const codes = field.tag.endsWith('00') ? 'abcdq' : field.tag.endsWith('10') ? 'abcdn' : 'acdnq';
  return contentOf(values(field, codes).join(' '));
}

/**
 * `name|role role`: a name in record order with its relators ($e/$j terms, $4 codes). A
 * name-title entry (a 7XX with `$t`) names a work the item contains, not a contributor
 * (MARC to MODS makes it a related item), so it is not counted.
 */
function authorTruth(record: MarcRecord): Facts {
  // A name field without any name (only a relator, say) names nobody.
  return fields(record, (tag) => NAME_TAGS.has(tag)).filter((field) => !field.subfields.some((subfield) => subfield.code === 't') && nameParts(field) !== '').map((field) => {
    const roles = [...values(field, field.tag.endsWith('11') ? 'j4' : 'e4')].map(contentOf).filter(Boolean).sort();
    return `${nameParts(field)}|${roles.join(' ')}`;
  });
}

/** One heading per 6XX field (653: per `$a`): its subfields but the control ones ($0-$9). */
function subjectTruth(record: MarcRecord): Facts {
  return fields(record, (tag) => SUBJECT_TAGS.has(tag)).flatMap((field) => {
    if (field.tag === '653') return values(field, 'a').map(contentOf);
    return [contentOf(field.subfields.filter((subfield) => !/[0-9e4]/u.test(subfield.code)).map((subfield) => subfield.value).join(' '))];
  }).filter(Boolean).sort();
}

function isbn13(text: string): string | undefined {
  const digits = text.replace(/[-\s]/gu, '').match(/^(\d{13}|\d{9}[\dXx])/u)?.[0]?.toUpperCase();
  if (digits === undefined) return undefined;
  if (digits.length === 13) {
    const sum = [...digits].reduce((total, char, index) => total + Number(char) * (index % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0 ? digits : undefined;
  }
  const check = [...digits].reduce((total, char, index) => total + (char === 'X' ? 10 : Number(char)) * (10 - index), 0);
  if (check % 11 !== 0) return undefined;
  const core = `978${digits.slice(0, 9)}`;
  const sum = [...core].reduce((total, char, index) => total + Number(char) * (index % 2 === 0 ? 1 : 3), 0);
  return `${core}${(10 - (sum % 10)) % 10}`;
}

function issnOk(text: string): string | undefined {
  const match = /^(\d{4})-?(\d{3}[\dXx])/u.exec(text.trim());
  if (!match) return undefined;
  const digits = `${match[1]}${match[2]}`.toUpperCase();
  const sum = [...digits.slice(0, 7)].reduce((total, char, index) => total + Number(char) * (8 - index), 0);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'X' : String(check)) === digits[7] ? `${digits.slice(0, 4)}-${digits.slice(4)}` : undefined;
}

/** Valid ISBNs (as ISBN-13) and ISSNs of 020/022 `$a`, OCLC numbers of 035, the LCCN of 010. */
function identifierTruth(record: MarcRecord): Facts {
  const facts = new Set<string>();
  for (const field of fields(record, (tag) => tag === '020')) for (const value of values(field, 'a')) { const isbn = isbn13(value); if (isbn) facts.add(`isbn:${isbn}`); }
  for (const field of fields(record, (tag) => tag === '022')) for (const value of values(field, 'a')) { const issn = issnOk(value); if (issn) facts.add(`issn:${issn}`); }
  for (const field of fields(record, (tag) => tag === '035')) {
    // VuFind's oclc_num patterns (marc.properties): (OCoLC), ocm, ocn, on.
    for (const value of values(field, 'a')) {
      const text = value.trim();
      const oclc = /^\(OCoLC\)\D*0*(\d+)/iu.exec(text)?.[1] ?? /^oc[mn]0*(\d+)/u.exec(text)?.[1] ?? /^on0*(\d+)/u.exec(text)?.[1];
      if (oclc) facts.add(`oclc:${oclc}`);
    }
  }
  const lccn = fields(record, (tag) => tag === '010').flatMap((field) => values(field, 'a'))[0]?.trim();
  if (lccn) facts.add(`lccn:${lccn.replace(/\s+/gu, '')}`);
  return [...facts].sort();
}

function imprint(record: MarcRecord): MarcDataField | undefined {
  return fields(record, (tag) => tag === '264').find((field) => field.ind2 === '1') ?? fields(record, (tag) => tag === '260')[0];
}

/** The year of 260/264 `$c`, or 008/07-10; both are accepted where they differ. */
function yearTruth(record: MarcRecord): Facts {
  const years = new Set<string>();
  const stated = values(imprint(record) ?? EMPTY, 'c').join(' ').match(/\d{4}/u)?.[0];
  if (stated) years.add(stated);
  const fixed = control(record, '008').slice(7, 11);
  if (/^\d{4}$/u.test(fixed) && fixed !== '0000' && fixed !== '9999') years.add(fixed);
  return [...years].sort();
}

/** 008/35-37 and 041 `$a` (the languages of the text). */
function languageTruth(record: MarcRecord): Facts {
  const codes = new Set<string>();
  const fixed = control(record, '008').slice(35, 38).toLowerCase();
  if (/^[a-z]{3}$/u.test(fixed) && fixed !== 'zxx' && fixed !== 'und' && fixed !== 'mul') codes.add(fixed);
  for (const field of fields(record, (tag) => tag === '041')) {
    for (const value of values(field, 'a')) for (const code of value.toLowerCase().match(/[a-z]{3}/gu) ?? []) codes.add(code);
  }
  return [...codes].sort();
}

function seriesTruth(record: MarcRecord): Facts {
  return fields(record, (tag) => ['440', '490', '800', '810', '811', '830'].includes(tag)).map((field) => {
    const title = field.tag === '490' || field.tag === '440' || field.tag === '830' ? values(field, 'anp') : values(field, 'abcdqtnp');
    return `${contentOf(title.join(' '))}|${contentOf(values(field, 'v').join(' '))}`;
  }).sort();
}

const EMPTY: MarcDataField = { tag: '', ind1: ' ', ind2: ' ', subfields: [] };
const single = (text: string | undefined): Facts => (contentOf(text) === '' ? [] : [contentOf(text)]);

/** The facts the MARC record gives for every measure. */
export function marcTruth(record: MarcRecord): Record<MarcMeasure, Facts> {
  const f245 = fields(record, (tag) => tag === '245')[0];
  const f300 = fields(record, (tag) => tag === '300')[0];
  const f250 = fields(record, (tag) => tag === '250')[0];
  return {
    authors: authorTruth(record),
    subjects: subjectTruth(record),
    identifiers: identifierTruth(record),
    title: single(f245 ? values(f245, 'ab').join(' ') : undefined),
    year: yearTruth(record),
    languages: languageTruth(record),
    // The first `$b`, or all of them: a statement naming several publishers may be kept whole or by its first.
    publisher: [...new Set([...single(values(imprint(record) ?? EMPTY, 'b')[0]), ...single(values(imprint(record) ?? EMPTY, 'b').join(' '))])],
    edition: single(f250 ? values(f250, 'ab').join(' ') : undefined),
    extent: single(f300 ? values(f300, 'a').join(' ') : undefined),
    series: seriesTruth(record),
  };
}

/** The same facts from a normalized record. */
export function outputFacts(record: BibRecord): Record<MarcMeasure, Facts> {
  const marc = record.marc;
  const identifiers = new Set<string>();
  for (const isbn of record.identifiers.isbn) { const value = isbn13(isbn); if (value) identifiers.add(`isbn:${value}`); }
  for (const issn of record.identifiers.issn) { const value = issnOk(issn); if (value) identifiers.add(`issn:${value}`); }
  for (const oclc of record.identifiers.oclc) identifiers.add(`oclc:${oclc.replace(/^0+/u, '')}`);
  if (record.identifiers.lccn) identifiers.add(`lccn:${record.identifiers.lccn.replace(/\s+/gu, '')}`);
  return {
    authors: (marc?.agents ?? []).map((agent) => {
      const roles = agent.roles.flatMap((role) => [role.term, role.code]).filter((text): text is string => text !== undefined).map(contentOf);
      return `${contentOf(agent.name)}|${[...new Set(roles)].sort().join(' ')}`;
    }),
    subjects: (marc?.subjectHeadings ?? []).map((heading) => contentOf(heading.heading)).filter(Boolean).sort(),
    identifiers: [...identifiers].sort(),
    title: single([record.title, record.subtitle].filter(Boolean).join(' ')),
    year: record.published.year === undefined ? [] : [String(record.published.year)],
    languages: record.languages.map((language) => language.iso639_2b ?? contentOf(language.name)).sort(),
    publisher: single(record.publisher),
    edition: single(record.edition),
    extent: single(marc?.extent),
    series: (marc?.seriesEntries ?? []).map((entry) => `${contentOf(entry.title)}|${contentOf(entry.number)}`).sort(),
  };
}

/** Whether the output's facts are the MARC's (year and publisher: one of the accepted readings); an author's catalogued relators must all be among its roles (a code looked up from a term may be added). */
export function factsAgree(measure: MarcMeasure, truth: Facts, output: Facts): boolean {
  if (measure === 'publisher') return truth.length === 0 ? output.length === 0 : output.length === 1 && truth.includes(output[0] as string);
  if (measure === 'year') return truth.length === 0 ? output.length === 0 : output.length === 1 && truth.includes(output[0] as string);
  if (measure !== 'authors') return JSON.stringify(truth) === JSON.stringify(output);
  if (truth.length !== output.length) return false;
  return truth.every((fact, index) => {
    const [name, roles = ''] = fact.split('|');
    const [outName, outRoles = ''] = (output[index] ?? '').split('|');
    const have = new Set(outRoles.split(' '));
    return name === outName && roles.split(' ').filter(Boolean).every((role) => have.has(role));
  });
}
