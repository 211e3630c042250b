import { rawRecords } from './raw-records.js';
import { HAS_SHARED, sharedPath } from './shared.js';
import { standinDoc, type StandinDoc } from './solr-standin.js';

type Fields = Record<string, string | string[]>;

const FIXTURE_FILES = ['search.json', 'search-title.json', 'search-author.json', 'testbug1.json', 'testbug2.json', 'multi-record', 'single-record', 'morelikethis'];

/** The real VuFind fixture documents (stored fields as read, `_version_` exact), one per id. */
export async function vufindFixtureFields(): Promise<Fields[]> {
  if (!HAS_SHARED) return [];
  const byId = new Map<string, Fields>();
  for await (const record of rawRecords(FIXTURE_FILES.map((name) => sharedPath('data/vufind/fixtures', name)))) {
    const id = record.fields.id;
    if (typeof id === 'string' && Object.keys(record.fields).length > 1) byId.set(id, { ...record.fields } as Fields);
  }
  return [...byId.values()];
}

/**
 * Documents for the scale-out tests: the real VuFind fixture records (when ../shared is
 * there) several times under new ids, plus the cases a union catalogue has and a shard
 * split can get wrong: the same DOI or PMID on records with different ids (so duplicates
 * fall into different shards), records that are rejected (a malformed date) or skipped by
 * MEDLINE (no PMID), and ids whose order differs between UTF-16 and UTF-8 (astral
 * characters against U+FFFD), which Solr sorts by UTF-8 bytes.
 */
export async function scaleCorpus(copies = 3): Promise<StandinDoc[]> {
  const fixtures = await vufindFixtureFields();
  const docs: Fields[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const fields of fixtures) docs.push({ ...fields, id: copy === 0 ? (fields.id as string) : `${fields.id as string}~${copy}` });
  }
  for (let index = 0; index < 60; index++) {
    const doi = `10.5555/scale.${index % 17}`;
    const fields: Fields = {
      id: `art-${String((index * 37) % 60).padStart(3, '0')}`,
      title: `Cohort ${index}: outcomes of a treatment & its follow-up`,
      author: [`Kowalska, Anna ${index % 4}`, 'Ngata, Hemi'],
      format: ['Article'],
      publishDate: [String(1990 + (index % 30))],
      container_title: 'Journal of Scale Tests',
      doi_str_mv: [doi],
      language: ['English'],
    };
    if (index % 3 !== 0) fields.url = [`https://pubmed.ncbi.nlm.nih.gov/${30000000 + (index % 23)}/`];
    if (index % 11 === 5) fields.first_indexed = 'yesterday';
    docs.push(fields);
  }
  docs.push({ id: 'z-\u{1D518}-astral', title: 'An id with a character beyond the BMP', format: ['Book'] });
  docs.push({ id: 'z-\uFFFD-replacement', title: 'An id with U+FFFD', format: ['Book'] });
  docs.push({ id: 'z-\u00E9-accent', title: 'An id with a Latin-1 letter', format: ['Book'] });
  return docs.map(standinDoc);
}
