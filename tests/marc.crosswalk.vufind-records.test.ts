import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../src/normalize/index.js';
import type { BibRecord } from '../src/model/record.js';
import type { MarcRecord } from '../src/model/marc.js';
import { marcXmlFile, mrcFile, rawWithMarc } from './helpers/marc-records.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/** The MARC crosswalk on VuFind's own MARC test records (shared/data/marc/vufind-tests). */

const tests = (file: string): string => sharedPath('data', 'marc', 'vufind-tests', file);

function crosswalk(marc: MarcRecord, fields: Record<string, string | string[]> = {}): BibRecord {
  return normalizeRecord(rawWithMarc(marc, fields)).record;
}

function byId(records: readonly MarcRecord[], id: string): MarcRecord {
  const found = records.find((record) => record.fields.some((field) => field.tag === '001' && 'value' in field && field.value === id));
  if (!found) throw new Error(`no record ${id}`);
  return found;
}

function roles(record: BibRecord): [string, string[]][] {
  return [
    ...record.authors.map((person): [string, string[]] => [person.family, person.roles ?? []]),
    ...(record.contributors ?? []).map((c): [string, string[]] => [c.person?.family ?? c.organization ?? '', [c.role]]),
  ];
}

describeWithShared('MARC crosswalk: VuFind test records', () => {
  describe('testbug2.mrc (series, edition, 300, 041)', () => {
    const record = crosswalk(mrcFile(tests('testbug2.mrc'))[0] as MarcRecord, { id: 'testbug2' });

    it('title parts without ISBD punctuation; the statement of responsibility apart', () => {
      expect(record.title).toBe('La congiura dei Principi Napoletani 1701');
      expect(record.subtitle).toBe('(prima e seconda stesura)');
      expect(record.marc?.titleParts).toMatchObject({ responsibility: 'Giambattista Vico ; a cura di Claudia Pandolfi', nonSortingCharacters: 3 });
    });

    it('series with their numbering: the 800 added entry and the 490 statement', () => {
      expect(record.marc?.seriesEntries).toEqual([
        { title: 'Opere di Giambattista Vico', number: '2/1', tag: '490' },
        { title: 'Vico, Giambattista, 1668-1744. Works. 1982', number: '2, pt. 1', tag: '800' },
      ]);
      expect(record.series).toEqual(['Vico, Giambattista, 1668-1744. Works. 1982', 'Opere di Giambattista Vico']);
    });

    it('edition, extent, dimensions, publisher, place and year', () => {
      expect(record.edition).toBe('Fictional edition');
      expect(record.marc).toMatchObject({ extent: '296 p.', otherPhysicalDetails: 'ill.', dimensions: '24 cm' });
      expect(record.physicalDescription).toBe('296 p. : ill. ; 24 cm');
      expect([record.publisher, record.placeOfPublication, record.published.year]).toEqual(['Centro di Studi Vichiani', 'Morano', 1992]);
    });

    it('languages from 008/35-37 and 041 $a, the original language ($h) not among them', () => {
      expect(record.languages.map((language) => language.iso639_2b)).toEqual(['ita', 'lat']);
    });

    it('one subject heading per 6XX field, subdivisions joined with " -- ", with its thesaurus', () => {
      expect(record.subjects).toEqual(['Naples (Kingdom) -- History -- Spanish rule, 1442-1707 -- Sources']);
      expect(record.marc?.subjectHeadings[0]).toMatchObject({ kind: 'geographic', thesaurus: 'lcsh', tag: '651' });
    });

    it('names in order: the main entry, then the added entry', () => {
      expect(record.authors.map((person) => [person.family, person.given, person.dates])).toEqual([
        ['Vico', 'Giambattista', '1668-1744'], ['Pandolfi', 'Claudia', undefined],
      ]);
    });

    it('identifiers: ISBN-13 from 020, OCLC from 035, the 856 link', () => {
      expect(record.identifiers.isbn).toEqual(['9788820737498']);
      expect(record.identifiers.oclc).toEqual(['30585539']);
      expect(record.urls).toEqual(['http://fictional.com/sample/url']);
      expect(record.marc?.notes.map((note) => note.tag)).toEqual(['500', '504', '520', '590']);
    });
  });

  it('testpubfields.mrc: repeated 260/264 kept as statements; the first 260 publishes', () => {
    const record = crosswalk(mrcFile(tests('testpubfields.mrc'))[0] as MarcRecord);
    expect(record.marc?.publication).toEqual([
      { function: 'publication', places: ['Location 1', 'Location 2'], names: ['Publisher 1', 'Publisher 2'], dates: ['1992', '1993'], tag: '260' },
      { function: 'publication', places: ['Location 3', 'Location 4'], names: ['Publisher 3', 'Publisher 4'], dates: ['2015', '2016'], tag: '264' },
    ]);
    expect([record.publisher, record.placeOfPublication, record.published.year]).toEqual(['Publisher 1 ; Publisher 2', 'Location 1 ; Location 2', 1992]);
  });

  describe('author_relators.mrc (relators in German and English)', () => {
    const records = mrcFile(tests('author_relators.mrc'));

    it('German terms ($e Übers., Hrsg., Angebl. Verf.) read as relator codes; names in MARC order', () => {
      expect(roles(crosswalk(byId(records, '0000183626-0')))).toEqual([
        ['Vyāsa', ['dub']], ['Wilson', ['trl']], ['Jośī', ['edt']],
      ]);
    });

    it('one name with two relators is a contributor in each role', () => {
      expect(roles(crosswalk(byId(records, '017791359')))).toEqual([['Hell', ['edt']], ['Hell', ['trl']]]);
    });

    it('$e terms without $4 (English, German, feminine forms) give the same roles as the codes', () => {
      const expected = roles(crosswalk(byId(records, '017791359-1')));
      expect(expected[0]).toEqual(['Author', ['aut', 'ive', 'dsr']]);
      for (const id of ['017791359-3', '017791359-5', '017791359-6', '017791359-7', '017791359-8']) {
        expect(roles(crosswalk(byId(records, id))), id).toEqual(expected);
      }
    });

    it('corporate names with author roles are corporate authors, others contributors with their role', () => {
      const record = crosswalk(byId(records, '0000652212-1'));
      expect(record.corporateAuthors).toEqual([]);
      expect(record.contributors?.filter((c) => c.organization)).toEqual([
        { organization: 'Deutsche Shakespeare-Gesellschaft', role: 'pat' },
        { organization: 'Other Non Creative Organization', role: 'oth' },
      ]);
      expect(crosswalk(byId(records, '0000652212-0')).corporateAuthors).toEqual(['Deutsche Shakespeare-Gesellschaft', 'Deutsche Shakespeare-Gesellschaft West']);
    });

    it('upper-case and padded codes are read; blank relators are none (an author)', () => {
      const record = crosswalk(byId(records, '0001732009-1'));
      expect(roles(record)).toEqual([
        ['Carlyle', []], ['Second Author', ['aut']], ['Empty', []], ['Editor', ['edt']], ['Editor', ['flm']], ['Editor', ['flm']],
      ]);
    });

    it('unknown relators are kept as catalogued, in their place', () => {
      const record = crosswalk(byId(records, '017791359-11'));
      expect(record.marc?.agents[0]?.roles.at(-1)).toEqual({ code: 'xx1', term: 'UnknownRelator1' });
      expect(record.authors[0]?.roles).toEqual(['aut', 'ive', 'dsr', 'xx1']);
    });
  });

  it('journal_article.xml: the analytic is an article whose journal, volume and issue come from 773', () => {
    const [journal, article] = marcXmlFile(tests('journal_article.xml')) as [MarcRecord, MarcRecord];
    expect(crosswalk(journal).type).toBe('journal');
    const record = crosswalk(article);
    expect(record.type).toBe('article');
    expect(record.container).toEqual({ title: 'Arithmetic Facts', volume: '1', issue: '1' });
    expect(record.marc?.host).toEqual({ title: 'Arithmetic Facts', related: 'Vol. 1, no. 1 (Apr. 2023)', recordControlNumber: 'jnl1' });
  });

  it('heb.mrc: a Hebrew title and corporate main entry, right-to-left text kept as it is', () => {
    const record = crosswalk(mrcFile(tests('heb.mrc'))[0] as MarcRecord);
    expect(record.title).toBe('קדסטר תלת-ממדי ורב-שכבתי בישראל');
    expect(record.corporateAuthors).toEqual(['פרויקט מו"פ קדסטר תלת-ממדי']);
    expect(record.publisher).toBe('המרכז למיפוי ישראל');
    expect(record.published.year).toBe(2004);
  });

  it('really_old.xml: years before 1500 from 264 $c ("[0800]"); "500 B.C." kept as text', () => {
    const [old1, old2] = marcXmlFile(tests('really_old.xml')) as [MarcRecord, MarcRecord];
    expect(crosswalk(old1).published).toEqual({ text: '500 B.C.' });
    expect(crosswalk(old2).published).toEqual({ year: 800, text: '[0800]' });
  });

  it('every VuFind test record crosswalks with a title, and no name, heading or series is empty', () => {
    const files = ['author_relators.mrc', 'authoritybibs.mrc', 'collections.mrc', 'deweybrowse.mrc', 'fakedoi.mrc', 'folio.mrc', 'geo.mrc', 'heb.mrc', 'hierarchy.mrc', 'journals.mrc', 'overdrive.mrc', 'testbug2.mrc', 'testpubfields.mrc', 'weird_ids.mrc'];
    let count = 0;
    for (const file of files) {
      for (const marc of mrcFile(tests(file))) {
        const record = crosswalk(marc);
        count++;
        const where = `${file} ${record.id}`;
        if (marc.fields.some((field) => field.tag === '245' && 'subfields' in field && field.subfields.some((s) => s.code === 'a' && s.value.trim() !== ''))) {
          expect(record.title, where).toBeTruthy();
        }
        expect(record.marc?.agents.every((agent) => agent.name !== ''), where).toBe(true);
        expect(record.subjects.every((subject) => subject !== '' && !subject.endsWith(' --')), where).toBe(true);
        expect(record.series.every((series) => series !== ''), where).toBe(true);
      }
    }
    expect(count).toBe(319);
  });
});
