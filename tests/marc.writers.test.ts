import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { normalizeRecord } from '../src/normalize/index.js';
import type { BibRecord } from '../src/model/record.js';
import { jsonLdDocument } from '../src/write/jsonld.js';
import { csvWriter } from '../src/write/csv.js';
import { medlineXmlWriter } from '../src/write/medline-xml.js';
import { nbibWriter } from '../src/write/nbib.js';
import { marcFromLines, rawWithMarc } from './helpers/marc-records.js';
import { render } from './helpers/record-fixtures.js';
import { describeWithShared } from './helpers/shared.js';
import { checkJsonLd } from './helpers/validators.js';
import { HAS_MARC_CORPUS, loadCorpus } from './helpers/marc-corpus.js';

/** The writers fill their existing properties and columns from a MARC record. */

const BOOK = marcFromLines('00000cam a2200000 i 4500', [
  '001 bk1',
  '008 200101s2020    gw a     b    001 0 eng d',
  '020 __ $a 9780306406157 $q (pbk.)',
  '100 1_ $a Smith, John, $d 1950- $e author.',
  '245 10 $a A history of things : $b an essay / $c John Smith ; edited by Jane Doe.',
  '250 __ $a 2nd ed.',
  '264 _1 $a Berlin : $b Springer, $c 2020.',
  '300 __ $a xii, 296 p. : $b ill. ; $c 24 cm.',
  '490 1_ $a Studies in things ; $v 12',
  '650 _0 $a Things $x History.',
  '650 _7 $a Dinge $2 gnd',
  '655 _7 $a Essays. $2 lcgft',
  '700 1_ $a Doe, Jane, $e editor.',
  '700 1_ $a Roe, Richard, $4 trl',
  '700 1_ $a Poe, Edgar, $4 pro',
  '710 2_ $a Acme Foundation, $e sponsor.',
  '830 _0 $a Studies in things ; $v v. 12.',
  '856 40 $u https://example.org/bk1 $y Full text',
]);

function record(): BibRecord {
  return normalizeRecord(rawWithMarc(BOOK, { id: 'bk1', format: 'Book' })).record;
}

describeWithShared('JSON-LD from a MARC record', () => {
  it('uses only schema.org terms', async () => {
    expect(await checkJsonLd(jsonLdDocument(record()))).toEqual([]);
  });
});

describe('JSON-LD from a MARC record', () => {
  const document = jsonLdDocument(record()) as Record<string, unknown>;

  it('keywords one per heading; 655 genre/form as genre', () => {
    expect(document.keywords).toEqual(['Things -- History', 'Dinge', 'Essays']);
    expect(document.genre).toBe('Essays');
  });

  it('editor and translator as their properties; another relator as a Role with the LoC term as roleName', () => {
    expect(document.editor).toMatchObject({ '@type': 'Person', familyName: 'Doe' });
    expect(document.translator).toMatchObject({ '@type': 'Person', familyName: 'Roe' });
    expect(document.contributor).toEqual([
      { '@type': 'Role', roleName: 'Producer', contributor: { '@type': 'Person', name: 'Edgar Poe', givenName: 'Edgar', familyName: 'Poe' } },
      { '@type': 'Role', roleName: 'Sponsor', contributor: { '@type': 'Organization', name: 'Acme Foundation' } },
    ]);
  });

  it('publisher with its location, bookEdition, materialExtent, the series with the position in it', () => {
    expect(document.publisher).toEqual({ '@type': 'Organization', name: 'Springer', location: 'Berlin' });
    expect(document.bookEdition).toBe('2nd ed.');
    expect(document.materialExtent).toBe('xii, 296 p. : ill. ; 24 cm');
    expect(document.isPartOf).toEqual({ '@type': 'BookSeries', name: 'Studies in things' });
    expect(document.position).toBe('12');
    expect(document.author).toEqual([{ '@type': 'Person', name: 'John Smith', givenName: 'John', familyName: 'Smith', birthDate: '1950' }]);
  });
});

describe('CSV from a MARC record', () => {
  it('fills subjects, place, edition, series, urls, author roles and the physical description', () => {
    const columns = ['subjects', 'place_of_publication', 'edition', 'series', 'urls', 'author_roles', 'physical_description', 'series_statements', 'extent', 'dimensions', 'subject_thesauri', 'contributors'];
    const [header, row] = parse(render(csvWriter, [record()], { csvColumns: columns })) as string[][];
    expect(header).toEqual(columns);
    expect(row).toEqual([
      'Things -- History|Dinge|Essays', 'Berlin', '2nd ed.', 'Studies in things', 'https://example.org/bk1', 'aut',
      'xii, 296 p. : ill. ; 24 cm', 'Studies in things ; 12|Studies in things ; v. 12', 'xii, 296 p.', '24 cm', 'lcsh|gnd|lcgft',
      'Doe, Jane (edt)|Roe, Richard (trl)|Poe, Edgar (pro)|Acme Foundation (spn)',
    ]);
  });
});

describe('MEDLINE XML and .nbib from MARC records', () => {
  const article = (leader: string): BibRecord => {
    const marc = marcFromLines(leader, [
      '001 art1', '024 7_ $a 12345678 $2 pubmed', '100 1_ $a Smith, John.', '245 10 $a A paper.',
      '773 0_ $t Journal of things $g Vol. 12, no. 3 (2020), p. 45-67 $x 0378-5955',
    ]);
    const normalized = normalizeRecord(rawWithMarc(marc, { id: 'art1', pmid_str: '12345678' })).record;
    return normalized;
  };

  it('an analytic (leader/07 b) is written with its 773 host as the journal', () => {
    const xml = render(medlineXmlWriter, [article('00000nab a2200000 a 4500')]);
    expect(xml).toContain('<Title>Journal of things</Title>');
    expect(xml).toContain('<Volume>12</Volume>');
    expect(xml).toContain('<Issue>3</Issue>');
    expect(render(nbibWriter, [article('00000nab a2200000 a 4500')])).toContain('JT  - Journal of things');
  });

  it('a MARC book is not an article: neither format writes it, whatever identifiers it has', () => {
    const book = article('00000nam a2200000 a 4500');
    expect(medlineXmlWriter.accepts(book)?.code).toBe('medline.not-an-article');
    expect(nbibWriter.accepts(book)?.code).toBe('medline.not-an-article');
  });
});

describe('880 alternate-script names and title', () => {
  const SCRIPTS = marcFromLines('00000cam a2200000 i 4500', [
    '001 cjk1',
    '008 200101s2020    ja a     b    001 0 jpn d',
    '100 1_ $6 880-01 $a Murakami, Haruki, $d 1949- $e author.',
    '245 10 $6 880-02 $a Noruwei no mori / $c Murakami Haruki.',
    '700 1_ $6 880-03 $a Kawai, Hayao, $e translator.',
    '710 2_ $6 880-04 $a Kōdansha.',
    '700 1_ $a Rubin, Jay.',
    '880 1_ $6 100-01/$1 $a 村上春樹, $d 1949- $e author.',
    '880 10 $6 245-02/$1 $a ノルウェイの森 / $c 村上春樹.',
    '880 1_ $6 700-03/$1 $a 河合隼雄, $e translator.',
    '880 2_ $6 710-04/$1 $a 講談社.',
  ]);
  const normalized = (): BibRecord => normalizeRecord(rawWithMarc(SCRIPTS, { id: 'cjk1' })).record;

  it('JSON-LD: a Person\'s and an Organization\'s name in the original script is their alternateName; a name without one has none', () => {
    const document = jsonLdDocument(normalized()) as Record<string, unknown>;
    expect(document.author).toEqual([
      { '@type': 'Person', name: 'Haruki Murakami', alternateName: '村上春樹', givenName: 'Haruki', familyName: 'Murakami', birthDate: '1949' },
      { '@type': 'Organization', name: 'Kōdansha', alternateName: '講談社' },
      { '@type': 'Person', name: 'Jay Rubin', givenName: 'Jay', familyName: 'Rubin' },
    ]);
    expect(document.translator).toEqual({ '@type': 'Person', name: 'Hayao Kawai', alternateName: '河合隼雄', givenName: 'Hayao', familyName: 'Kawai' });
  });

  it('JSON-LD: the title in its original script is the work\'s alternateName', () => {
    const document = jsonLdDocument(normalized()) as Record<string, unknown>;
    expect(document.name).toBe('Noruwei no mori');
    expect(document.alternateName).toBe('ノルウェイの森');
  });

  it('CSV: the opt-in columns give each author\'s original script in author order', () => {
    const columns = ['authors', 'author_alternate_scripts', 'corporate_authors', 'corporate_author_alternate_scripts', 'alternative_titles'];
    const [, row] = parse(render(csvWriter, [normalized()], { csvColumns: columns })) as string[][];
    expect(row).toEqual(['Murakami, Haruki|Rubin, Jay', '村上春樹|', 'Kōdansha', '講談社', 'ノルウェイの森']);
  });
});

describeWithShared('JSON-LD with 880 names', () => {
  it('uses only schema.org terms', async () => {
    const record = normalizeRecord(rawWithMarc(marcFromLines('00000cam a2200000 i 4500', [
      '001 x1', '100 1_ $6 880-01 $a Ivanov, Ivan.', '245 10 $a Title.', '880 1_ $6 100-01/(N $a Иванов, Иван.',
    ]), { id: 'x1' })).record;
    const document = jsonLdDocument(record);
    expect((document.author as Array<Record<string, unknown>>)[0]?.alternateName).toBe('Иванов, Иван');
    expect(await checkJsonLd(document)).toEqual([]);
  });
});

describeWithShared('880 names of real records in JSON-LD', () => {
  it(`every name the crosswalk pairs with an 880 is an alternateName in JSON-LD (${HAS_MARC_CORPUS ? 'dev corpus' : 'VuFind\'s MARC records'})`, () => {
    const missing: string[] = [];
    let paired = 0;
    for (const entry of loadCorpus('dev')) {
      const normalized = normalizeRecord({ format: 'marc', source: { file: entry.name }, fields: {}, issues: [], marc: entry.record }).record;
      const text = JSON.stringify(jsonLdDocument(normalized));
      for (const agent of normalized.marc?.agents ?? []) {
        if (agent.alternateScript === undefined) continue;
        paired += 1;
        if (!text.includes(`"alternateName":${JSON.stringify(agent.alternateScript)}`)) missing.push(`${entry.name}: ${agent.alternateScript}`);
      }
    }
    expect(missing).toEqual([]);
    if (HAS_MARC_CORPUS) expect(paired).toBeGreaterThan(10);
  });
});
