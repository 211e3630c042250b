import { XmlDocument, type XmlNode } from 'libxml2-wasm';
import { nlmInitials } from '../../src/model/display.js';
import type { BibRecord } from '../../src/model/record.js';
import { jsonLdWriter } from '../../src/write/jsonld.js';
import { medlineXmlWriter } from '../../src/write/medline-xml.js';
import { nbibWriter } from '../../src/write/nbib.js';
import type { RecordWriter } from '../../src/write/types.js';
import { lookupLanguage } from '../../src/vocab/languages.js';
import { all, authorsOf, medlineTags, one, taggedAuthors, type NlmRecord } from './real-pubmed-load.js';

/**
 * The fields of each written record in NLM's terms, for the real round trip: what our
 * MEDLINE XML, .nbib and JSON-LD say, and what NLM's record says, as comparable strings.
 */

export const ROUND_TRIP_FIELDS = ['authors', 'pmid', 'pmcid', 'doi', 'title', 'year', 'language', 'types', 'journal abbreviation', 'copyright', 'abstract'] as const;
export type RoundTripField = (typeof ROUND_TRIP_FIELDS)[number];
export const OUTPUTS = ['medline', 'nbib', 'jsonld'] as const;
export type Output = (typeof OUTPUTS)[number];

/** A field's value; `authors` is a list of `Last|Fore|Initials|Suffix` / `CN:name` entries. */
export type Fields = Partial<Record<Exclude<RoundTripField, 'authors'>, string>> & { authors?: string[] };

/** The record written by one writer; undefined when the writer does not accept it (a miss for every field). */
function written(writer: RecordWriter, record: BibRecord): string | undefined {
  if (writer.accepts(record, {}) !== undefined) return undefined;
  const session = writer.open({});
  return `${session.start()}${session.write(record)}${session.end()}`;
}

function medlineFields(xml: string): Fields {
  const doc = XmlDocument.fromString(xml.replace(/<!DOCTYPE[^>]*>/u, ''));
  try {
    const article = doc.get('//PubmedArticle') as XmlNode;
    return {
      authors: authorsOf(article),
      pmid: one(article, './/MedlineCitation/PMID'),
      pmcid: one(article, './/ArticleIdList/ArticleId[@IdType="pmc"]'),
      doi: one(article, './/ArticleIdList/ArticleId[@IdType="doi"]'),
      title: one(article, './/Article/ArticleTitle'),
      year: one(article, './/JournalIssue/PubDate/Year') ?? one(article, './/JournalIssue/PubDate/MedlineDate')?.slice(0, 4),
      language: JSON.stringify(all(article, './/Article/Language')),
      types: JSON.stringify(all(article, './/PublicationType').sort()),
      'journal abbreviation': one(article, './/MedlineJournalInfo/MedlineTA'),
      copyright: one(article, './/Article/Abstract/CopyrightInformation'),
      abstract: all(article, './/Article/Abstract/AbstractText').join(' ') || undefined,
    };
  } finally {
    doc.dispose();
  }
}

function nbibFields(nbib: string): Fields {
  const { tags, values } = medlineTags(nbib);
  return {
    authors: taggedAuthors(tags), pmid: values('PMID')[0], pmcid: values('PMC')[0],
    doi: values('AID').find((value) => value.endsWith('[doi]'))?.replace(/\s*\[doi\]$/u, ''),
    title: values('TI')[0], year: values('DP')[0]?.slice(0, 4), language: JSON.stringify(values('LA')),
    types: JSON.stringify(values('PT').sort()), 'journal abbreviation': values('TA')[0], copyright: values('CI')[0], abstract: values('AB')[0],
  };
}

type Json = { [key: string]: unknown };
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Json[];

/** JSON-LD in NLM's terms: no initials (compared from the given name), types without the implied `Journal Article`, languages as ISO 639-2. */
function jsonLdFields(json: string): Fields {
  const node = (JSON.parse(json) as Json[])[0] as Json;
  const ids = asList(node.identifier);
  const id = (property: string): string | undefined => ids.find((each) => each.propertyID === property)?.value as string | undefined;
  let periodical: Json | undefined = asList(node.isPartOf).find((part) => part['@type'] !== 'Collection');
  while (periodical && periodical['@type'] !== 'Periodical') periodical = periodical.isPartOf as Json | undefined;
  const authors = asList(node.author).map((entry) => (entry['@type'] === 'Organization'
    ? `CN:${String(entry.name)}`
    : `${String(entry.familyName ?? '')}|${String(entry.givenName ?? '')}||${String(entry.honorificSuffix ?? '')}`));
  const languages = asList(node.inLanguage).map((code) => lookupLanguage(String(code))?.iso639_2b ?? String(code));
  return {
    authors, pmid: id('pubmed'), pmcid: id('pmc'), doi: id('doi'), title: node.name as string | undefined,
    year: (node.datePublished as string | undefined)?.slice(0, 4), language: JSON.stringify(languages),
    types: JSON.stringify(asList(node.genre).map(String).sort()), 'journal abbreviation': periodical?.alternateName as string | undefined,
    copyright: node.copyrightNotice as string | undefined, abstract: node.abstract as string | undefined,
  };
}

/** What each output says of the record; `undefined` for an output that did not write it. */
export function ourFields(record: BibRecord | undefined): Record<Output, Fields | undefined> {
  if (record === undefined) return { medline: undefined, nbib: undefined, jsonld: undefined };
  const medline = written(medlineXmlWriter, record);
  const nbib = written(nbibWriter, record);
  const jsonld = written(jsonLdWriter, record);
  return {
    medline: medline === undefined ? undefined : medlineFields(medline),
    nbib: nbib === undefined ? undefined : nbibFields(nbib),
    jsonld: jsonld === undefined ? undefined : jsonLdFields(jsonld),
  };
}

/** NLM's record in the terms of one output (JSON-LD has no title period, no `Journal Article`, no initials). */
export function nlmFields(nlm: NlmRecord, output: Output): Fields {
  const types = output === 'jsonld' ? nlm.types.filter((type) => type !== 'Journal Article') : nlm.types;
  return {
    authors: nlm.authors.length > 0 ? nlm.authors : undefined,
    pmid: nlm.pmid, pmcid: nlm.pmcid, doi: nlm.doi, title: output === 'jsonld' ? nlm.title.replace(/\.$/u, '') : nlm.title, year: nlm.year,
    language: JSON.stringify(nlm.languages), types: JSON.stringify([...types].sort()),
    'journal abbreviation': nlm.medlineTA || undefined, copyright: nlm.copyright, abstract: nlm.abstract,
  };
}

/**
 * One author as NLM has it against ours. Issue 19's decisions: where NLM has no ForeName
 * (old MEDLINE records), LastName + Initials are compared; where NLM's initials do not
 * follow from its own ForeName (`Sai-Hong I` -> `SH`), NLM's initials are its quirk and
 * are not compared. JSON-LD carries no initials: they are taken from our given name.
 */
function sameAuthor(nlm: string, ours: string): boolean {
  if (nlm.startsWith('CN:') || ours.startsWith('CN:')) return nlm === ours;
  const [last, fore, initials, suffix] = nlm.split('|') as [string, string, string, string];
  const [ourLast, ourFore, ourInitials, ourSuffix] = ours.split('|') as [string, string, string, string];
  if (last !== ourLast || suffix !== ourSuffix) return false;
  const oursAsInitials = ourInitials || nlmInitials(ourFore);
  if (!fore) return initials === oursAsInitials || initials === ourFore.replace(/\s/gu, '');
  if (fore !== ourFore) return false;
  return nlmInitials(fore) !== initials || initials === oursAsInitials;
}

export function sameField(field: RoundTripField, nlm: Fields, ours: Fields): boolean {
  if (field !== 'authors') return nlm[field] === ours[field];
  const want = nlm.authors ?? [];
  const got = ours.authors ?? [];
  return want.length === got.length && want.every((author, index) => sameAuthor(author, got[index] as string));
}
