import { lookupLanguage } from '../../src/vocab/languages.js';
import type { NlmRecord } from './real-pubmed-load.js';

/**
 * The record as VuFind's PubMed/PMC harvest indexes it: id, titles, persons in `author`,
 * collective names kept apart in `author_corporate` (PMC `collab`), formats, language,
 * publishDate, urls, description, topic (the non-`Journal Article` types, then the
 * keywords) and a `spelling` in the seed's layout with a harvest datestamp, where persons
 * and collective names stand in NLM's order. Every other record (even PMIDs) also has the
 * journal's full title in `container_title`: the abbreviation in `spelling` must win.
 */
const HARVEST_DATESTAMP = '2024-01-15';

export function indexAsVufind(nlm: NlmRecord): Record<string, string | string[]> {
  const id = `pubmed-${nlm.pmcid ? nlm.pmcid.replace(/^PMC/u, '') : nlm.pmid}`;
  // NLM closes titles with a period the source title does not have.
  const title = nlm.title.replace(/\.$/u, '');
  const names = nlm.authors.map((author) => {
    if (author.startsWith('CN:')) return author.slice(3);
    const [last, fore, initials, suffix] = author.split('|');
    return [last, fore || initials, suffix].filter((part) => part).join(', ');
  });
  const persons = names.filter((_, index) => !(nlm.authors[index] as string).startsWith('CN:'));
  const collective = names.filter((_, index) => (nlm.authors[index] as string).startsWith('CN:'));
  const headings = nlm.types.filter((type) => type !== 'Journal Article');
  const languages = nlm.languages.map((code) => lookupLanguage(code));
  const urls = [
    ...(nlm.pmcid ? [`https://www.ncbi.nlm.nih.gov/pmc/articles/${nlm.pmcid}/`] : []),
    `https://www.ncbi.nlm.nih.gov/pubmed/${nlm.pmid}`,
    ...(nlm.doi ? [`http://dx.doi.org/${nlm.doi}`] : []),
  ];
  const spelling = [
    `${id}${HARVEST_DATESTAMP}`, title, ...names, nlm.medlineTA, ...headings, nlm.abstract ?? '',
    ...(nlm.date ? [nlm.date, nlm.date] : []),
    ...(nlm.pmcid ? [`/pmc/articles/${nlm.pmcid}/`] : []), `/pubmed/${nlm.pmid}`, ...(nlm.doi ? [`http://dx.doi.org/${nlm.doi}`] : []),
    'Text', languages.map((language) => language?.bcp47 ?? '').join(' '), nlm.copyright ?? '',
  ].filter((part) => part !== '').join(' ');
  const doc: Record<string, string | string[]> = {
    id, record_format: 'MEDLINE/PubMed', collection: ['PubMed'], institution: ['National Center for Biotechnology Information'],
    title, title_short: title, title_full: title, title_fullStr: title, title_full_unstemmed: title,
    format: ['Online', 'Article', 'Text'], language: languages.map((language, index) => language?.name ?? (nlm.languages[index] as string)),
    url: urls, spelling: [spelling],
  };
  if (persons.length > 0) doc.author = persons;
  if (collective.length > 0) doc.author_corporate = collective;
  if (names.length > 0) {
    doc.author_facet = [...persons, ...collective];
    doc.author_sort = (persons[0] ?? collective[0]) as string;
  }
  if (nlm.journalTitle && Number(nlm.pmid) % 2 === 0) doc.container_title = nlm.journalTitle;
  if (nlm.year) doc.publishDate = [nlm.year];
  if (nlm.abstract) doc.description = nlm.abstract;
  const topics = [...headings, ...nlm.keywords];
  if (topics.length > 0) doc.topic = topics;
  return doc;
}
