import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../src/normalize/index.js';
import { chop } from '../src/normalize/marc/fields.js';
import { marcFromLines, rawWithMarc } from './helpers/marc-records.js';

/** The MARC crosswalk field by field, on records built by hand. */

const BOOK = '00000cam a2200000 i 4500';
const FIXED = '008 200101s2020    gw a     b    001 0 ger d';

function normalize(lines: string[], fields: Record<string, string | string[]> = {}, leader = BOOK) {
  return normalizeRecord(rawWithMarc(marcFromLines(leader, ['001 rec1', FIXED, ...lines]), { id: 'rec1', ...fields }));
}

describe('ISBD punctuation', () => {
  it.each([
    ['Title /', 'Title'], ['Title :', 'Title'], ['Title ;', 'Title'], ['Title =', 'Title'], ['Sources.', 'Sources'],
    ['296 p.', '296 p.'], ['Smith, J.', 'Smith, J.'], ['2nd ed.', '2nd ed.'], ['Etc. ...', 'Etc. ...'], ['24 cm.', '24 cm'],
    ['Spanish rule, 1442-1707.', 'Spanish rule, 1442-1707'], ['Parimal Publ.', 'Parimal Publ.'],
  ])('%j -> %j', (text, expected) => {
    expect(chop(text)).toBe(expected);
  });
});

describe('title', () => {
  it('245 $n and $p join the title; $b is the subtitle; 246 an alternative title', () => {
    const { record } = normalize(['245 10 $a Handbook of physiology. $n Section 1, $p The nervous system : $b motor control / $c ed. by X.', '246 30 $a Nervous system']);
    expect(record.title).toBe('Handbook of physiology. Section 1, The nervous system');
    expect(record.subtitle).toBe('motor control');
    expect(record.marc?.titleParts).toMatchObject({ partNumbers: ['Section 1'], partNames: ['The nervous system'], responsibility: 'ed. by X.' });
    expect(record.alternativeTitles).toEqual(['Nervous system']);
  });

  it('880 fields pair with their originals through $6: the title and a name in their own script', () => {
    const { record } = normalize([
      '100 1_ $6 880-01 $a Tolstoy, Leo, $d 1828-1910.',
      '245 10 $6 880-02 $a Voĭna i mir / $c Lev Tolstoĭ.',
      '880 1_ $6 100-01/(N $a Толстой, Лев, $d 1828-1910.',
      '880 10 $6 245-02/(N $a Война и мир / $c Лев Толстой.',
    ]);
    expect(record.marc?.titleParts?.alternateScript).toBe('Война и мир');
    expect(record.alternativeTitles).toEqual(['Война и мир']);
    expect(record.marc?.agents).toHaveLength(1);
    expect(record.marc?.agents[0]?.alternateScript).toBe('Толстой, Лев');
  });
});

describe('names', () => {
  it('every 1XX/7XX name in record order: persons, bodies and meetings; name/title added entries are not names', () => {
    const { record } = normalize([
      '100 1_ $a Smith, John, $d 1950- $e author.',
      '245 10 $a Proceedings.',
      '700 1_ $a Doe, Jane, $e editor.',
      '710 2_ $a World Health Organization. $b Regional Office for Europe.',
      '711 2_ $a Conference on Things $n (3rd : $d 1990 : $c Paris)',
      '700 12 $a Shakespeare, William, $d 1564-1616. $t Hamlet.',
      '700 1_ $a Roe, Richard, $e illustrator.',
    ]);
    expect(record.marc?.agents.map((agent) => [agent.kind, agent.name, agent.tag])).toEqual([
      ['person', 'Smith, John, 1950-', '100'],
      ['person', 'Doe, Jane', '700'],
      ['organization', 'World Health Organization. Regional Office for Europe', '710'],
      ['meeting', 'Conference on Things (3rd : 1990 : Paris)', '711'],
      ['person', 'Roe, Richard', '700'],
    ]);
    expect(record.authors.map((a) => a.family)).toEqual(['Smith']);
    expect(record.corporateAuthors).toEqual(['World Health Organization. Regional Office for Europe', 'Conference on Things (3rd : 1990 : Paris)']);
    expect(record.contributors).toEqual([
      { person: { family: 'Doe', given: 'Jane', initials: 'J' }, role: 'edt' },
      { person: { family: 'Roe', given: 'Richard', initials: 'R' }, role: 'ill' },
    ]);
  });

  it('a body before a person keeps its place among the authors', () => {
    const { record } = normalize(['110 2_ $a Acme Corp.', '245 10 $a Report.', '700 1_ $a Smith, Ann.']);
    expect(record.corporateAuthorPositions).toEqual([0]);
  });
});

describe('subjects and genre/form', () => {
  it('one heading per 6XX field with its thesaurus (ind2, or $2 when ind2 is 7); 653 one per $a; 655 a genre heading', () => {
    const { record } = normalize([
      '245 10 $a X.',
      '600 10 $a Vico, Giambattista, $d 1668-1744 $x Criticism and interpretation.',
      '650 _2 $a Psychotherapy $v periodicals.',
      '650 _7 $a Kognitive Therapie $2 gnd $0 (DE-588)4139424-9',
      '651 _0 $a Naples (Kingdom) $x History $y 1442-1707.',
      '653 __ $a ketamine $a depression',
      '655 _7 $a Conference papers and proceedings. $2 lcgft',
    ]);
    expect(record.subjects).toEqual([
      'Vico, Giambattista, 1668-1744 -- Criticism and interpretation',
      'Psychotherapy -- periodicals',
      'Kognitive Therapie',
      'Naples (Kingdom) -- History -- 1442-1707',
      'ketamine', 'depression',
      'Conference papers and proceedings',
    ]);
    expect(record.marc?.subjectHeadings.map((h) => [h.kind, h.thesaurus])).toEqual([
      ['person', 'lcsh'], ['topic', 'mesh'], ['topic', 'gnd'], ['geographic', 'lcsh'], ['uncontrolled', undefined], ['uncontrolled', undefined], ['genre', 'lcgft'],
    ]);
  });
});

describe('publication, physical description, languages', () => {
  it('264 by second indicator: production, publication, copyright; the publication statement publishes', () => {
    const { record } = normalize([
      '245 10 $a X.',
      '264 _0 $a Made here : $b Maker, $c 2019.',
      '264 _1 $a Berlin : $b Springer, $c [2020]',
      '264 _4 $c ©2019',
    ]);
    expect(record.marc?.publication.map((s) => s.function)).toEqual(['production', 'publication', 'copyright']);
    expect([record.publisher, record.placeOfPublication, record.published.year]).toEqual(['Springer', 'Berlin', 2020]);
  });

  it('a copyright date stands in when no statement publishes; 008 Date 1 when no $c has a year', () => {
    expect(normalize(['245 10 $a X.', '264 _4 $c ©2018']).record.published.year).toBe(2018);
    expect(normalize(['245 10 $a X.', '260 __ $a [S.l.] : $b s.n.']).record.published).toEqual({ year: 2020 });
  });

  it('008/35-37 then 041 $a/$d, old packed 041 codes split, no duplicates', () => {
    const { record } = normalize(['041 0_ $a gerengfre $h lat', '041 07 $a Sanskrit $2 local', '245 10 $a X.']);
    expect(record.languages.map((language) => language.iso639_2b)).toEqual(['ger', 'eng', 'fre']);
  });
});

describe('identifiers and links', () => {
  it('020 $a with qualifiers ($q, or in parentheses), 020 $z kept apart; 022 $a and $y; 010; 024 DOI; 035 OCLC', () => {
    const { record } = normalize([
      '010 __ $a   2001012345 ',
      '020 __ $a 9780306406157 $q (pbk.)',
      '020 __ $a 0306406152 (hardcover : alk. paper)',
      '020 __ $z 9780306406150',
      '022 0_ $a 0378-5955 $y 0378-5956',
      '024 7_ $a 10.1000/xyz123 $2 doi',
      '024 3_ $a 9780306406157',
      '035 __ $a (OCoLC)ocm12345678',
      '245 10 $a X.',
    ]);
    const ids = record.identifiers;
    expect(ids.isbn).toEqual(['9780306406157']);
    expect(ids.isbnQualified).toEqual([{ isbn: '9780306406157', qualifiers: ['pbk', 'hardcover', 'alk. paper'] }]);
    expect(ids.invalidIsbns).toEqual(['9780306406150']);
    expect(ids.issn).toEqual(['0378-5955']);
    expect(ids.invalidIssns).toEqual(['0378-5956']);
    expect(ids.lccn).toBe('2001012345');
    expect(ids.doi).toBe('10.1000/xyz123');
    expect(ids.other).toEqual([{ scheme: 'ean', value: '9780306406157' }]);
    expect(ids.oclc).toEqual(['12345678']);
  });

  it('856 links with their labels; a DOI link gives the DOI', () => {
    const { record } = normalize([
      '245 10 $a X.',
      '856 40 $3 Full text $u https://doi.org/10.1000/abc $y Read online $z Campus only',
      '856 42 $3 Table of contents $u http://example.org/toc.html',
    ]);
    expect(record.marc?.links).toEqual([
      { url: 'https://doi.org/10.1000/abc', label: 'Read online', materials: 'Full text', note: 'Campus only', relationship: 'resource' },
      { url: 'http://example.org/toc.html', materials: 'Table of contents', relationship: 'related' },
    ]);
    expect(record.urls).toEqual(['https://doi.org/10.1000/abc', 'http://example.org/toc.html']);
    expect(record.identifiers.doi).toBe('10.1000/abc');
  });
});

describe('the MARC wins over the indexed fields', () => {
  it('a disagreeing title, author, year, ISBN and publisher are taken from the MARC, each with a finding', () => {
    const { record, issues } = normalize(
      ['100 1_ $a Smith, John.', '020 __ $a 9780306406157', '245 10 $a The real title.', '260 __ $a Paris : $b Real Press, $c 2001.'],
      { title: 'A stale title', author: 'Smyth, Jon', publishDate: '1999', isbn: '0-19-853453-1', publisher: 'Old Press' },
    );
    expect([record.title, record.authors[0]?.family, record.published.year, record.identifiers.isbn, record.publisher])
      .toEqual(['The real title', 'Smith', 2001, ['9780306406157'], 'Real Press']);
    expect(issues.filter((issue) => issue.code === 'marc.indexed-field-differs').map((issue) => issue.field))
      .toEqual(['title', 'authors', 'publisher', 'published.year', 'identifiers.isbn']);
  });

  it('indexed values that only differ in ISBD punctuation are no disagreement', () => {
    const { issues } = normalize(
      ['100 1_ $a Smith, John.', '245 10 $a The title : $b a subtitle /', '250 __ $a 2nd ed.', '260 __ $a Paris : $b Real Press, $c 2001.'],
      { title: 'The title : a subtitle /', title_sub: 'a subtitle /', author: 'Smith, John.', publishDate: '2001', publisher: 'Real Press,', edition: '2nd ed.' },
    );
    expect(issues.filter((issue) => issue.code === 'marc.indexed-field-differs')).toEqual([]);
  });

  it('a record from a MARC file without Solr fields takes its id from 001 and its type from the leader', () => {
    const record = normalizeRecord({ ...rawWithMarc(marcFromLines('00000nab a2200000 a 4500', ['001 art1', '245 10 $a A paper.', '773 0_ $t Journal of X $g Vol. 12, no. 3 (2020), p. 45-67 $x 0378-5955'])), fields: {} }).record;
    expect([record.id, record.type]).toEqual(['art1', 'article']);
    expect(record.container).toEqual({ title: 'Journal of X', volume: '12', issue: '3', pageStart: '45', pages: '45-67' });
    expect(record.identifiers.issn).toEqual(['0378-5955']);
  });
});
