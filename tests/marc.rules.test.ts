import { describe, expect, it } from 'vitest';
import { validateRecord } from '../src/validate/index.js';
import { RULES } from '../src/model/rules.js';
import { isMarcRelatorCode, relatorCodeOfTerm } from '../src/vocab/marc-relators.js';
import { marcFromLines, mrcFile, rawWithMarc } from './helpers/marc-records.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/** Semantic MARC rules (marc.*): each fires on the record made to break it, and a sound record has none. */

const BOOK = '00000cam a2200000 i 4500';
const SOUND = [
  '001 rec1',
  '008 200101s2020    gw a     b    001 0 ger d',
  '020 __ $a 9780306406157',
  '022 0_ $a 0378-5955',
  '100 1_ $a Smith, John, $e author. $4 aut',
  '245 10 $a Title.',
  '700 1_ $a Doe, Jane. $4 edt $4 http://id.loc.gov/vocabulary/relators/trl',
];

function marcCodes(lines: string[], id = 'rec1', leader = BOOK): string[] {
  return validateRecord(rawWithMarc(marcFromLines(leader, lines), { id, title: 'Title' }))
    .filter((issue) => issue.code.startsWith('marc.'))
    .map((issue) => `${issue.code} ${issue.field ?? ''}`);
}

const replace = (tag: string, line: string): string[] => SOUND.map((current) => (current.startsWith(tag) ? line : current));

describe('semantic MARC rules', () => {
  it('a sound record has no MARC finding', () => {
    expect(marcCodes(SOUND)).toEqual([]);
  });

  it.each([
    ['no 245', SOUND.filter((line) => !line.startsWith('245')), 'marc.title-missing 245'],
    ['an 008 of 39 characters in a bibliographic record', replace('008', '008 200101s2020    gw a     b    001 0 ger'), 'marc.fixed-field-length 008'],
    ['an 006 of 10 characters', [...SOUND, '006 m     o  d'], 'marc.fixed-field-length 006'],
    ['245 first indicator 5', replace('245', '245 50 $a Title.'), 'marc.indicator-invalid 245'],
    ['an upper-case indicator of a tag the table does not list', [...SOUND, '590 A_ $a Local note.'], 'marc.indicator-invalid 590'],
    ['a $4 outside the LoC relator list', replace('700', '700 1_ $a Doe, Jane. $4 xyz'), 'marc.relator-unknown 700$4'],
    ['an ISBN with a wrong check digit', replace('020', '020 __ $a 9780306406150'), 'marc.isbn-check-digit 020$a'],
    ['an 020 $a that is no ISBN', replace('020', '020 __ $a 12345'), 'marc.isbn-malformed 020$a'],
    ['an ISSN with a wrong check digit', replace('022', '022 0_ $a 0378-5956'), 'marc.issn-check-digit 022$a'],
    ['an 022 $a that is no ISSN', replace('022', '022 0_ $a 12345'), 'marc.issn-malformed 022$a'],
    ['a 001 that is not the Solr id', replace('001', '001 rec2'), 'marc.id-mismatch 001'],
  ])('%s', (_name, lines, expected) => {
    expect(marcCodes(lines)).toEqual([expected]);
  });

  it('a holdings record\'s 008 has 32 characters', () => {
    const holdings = '00000nx  a2200000 a 4500';
    expect(marcCodes(['001 rec1', '008 0000000u    8   4001aueng0000000', '245 10 $a T.'], 'rec1', holdings)).toEqual([]);
  });

  it('an invalid 020 $z is where a cancelled ISBN belongs: no finding', () => {
    expect(marcCodes([...SOUND, '020 __ $z 9780306406150'])).toEqual([]);
  });

  it('every marc.* code is in the rule catalogue with a description', () => {
    for (const code of Object.keys(RULES).filter((name) => name.startsWith('marc.'))) {
      expect(RULES[code as keyof typeof RULES].description.length, code).toBeGreaterThan(40);
    }
  });
});

describe('the MARC relator list', () => {
  it('holds LoC codes, current and discontinued, and reads terms in English and German', () => {
    expect(['aut', 'edt', 'trl', 'ill', 'clb', 'grt'].every(isMarcRelatorCode)).toBe(true);
    expect(isMarcRelatorCode('xyz')).toBe(false);
    expect(['Hrsg.', 'HerausgeberIn', 'Übers.', 'ÜbersetzerIn', 'editor', 'Editor.', 'film_editor', 'Author of introduction, etc.'].map(relatorCodeOfTerm))
      .toEqual(['edt', 'edt', 'trl', 'trl', 'edt', 'edt', 'flm', 'aui']);
    expect(relatorCodeOfTerm('UnknownRelator1')).toBeUndefined();
  });
});

describeWithShared('semantic MARC rules on VuFind\'s test records', () => {
  it('author_relators.mrc: the unknown relator codes xx1..xx4 of record 017791359-11 are reported, nothing else of that record', () => {
    const records = mrcFile(sharedPath('data', 'marc', 'vufind-tests', 'author_relators.mrc'));
    const record = records.find((marc) => marc.fields.some((field) => 'value' in field && field.tag === '001' && field.value === '017791359-11'));
    expect(record).toBeDefined();
    const issues = validateRecord(rawWithMarc(record!, { id: '017791359-11' })).filter((issue) => issue.code.startsWith('marc.'));
    expect(issues.map((issue) => issue.actual)).toEqual(['xx1', 'xx2', 'xx3', 'xx4']);
  });
});
