import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../src/normalize/index.js';
import { vufindFormats } from '../src/normalize/marc/formats.js';
import type { MarcField, MarcRecord } from '../src/model/marc.js';
import { VUFIND_FORMAT_LABELS } from '../src/vocab/vufind-format-map.js';
import { asScrapeSees } from './helpers/marc-corpus.js';
import { marcFromLines, rawWithMarc } from './helpers/marc-records.js';

/**
 * VuFind's formats derived from the MARC record (issue 21): what its SolrMarc import indexes
 * as `format` (FormatCalculator + format_map.properties), so that a record read from a
 * scrape or a .mrc, which has no indexed `format`, gets the formats and record type a Solr
 * input of the same record has.
 */

/** A 40-character 008 with the given positions set (the rest blank). */
function fixed(positions: Record<number, string> = {}): string {
  const chars = Array.from({ length: 40 }, () => ' ');
  for (const [position, char] of Object.entries(positions)) chars[Number(position)] = char;
  return `008 ${chars.join('')}`;
}

const leader = (typeAndLevel: string): string => `00000n${typeAndLevel} a2200000 i 4500`;

function formatsOf(typeAndLevel: string, lines: string[]): string[] {
  return vufindFormats(marcFromLines(leader(typeAndLevel), ['001 r1', ...lines, '245 00 $a Title']));
}

describe('formats from leader/06-07, 007, 008 and the special-case fields', () => {
  // Expected values read from VuFind's FormatCalculator.java and format_map.properties.
  it.each([
    ['a printed book', 'am', [fixed()], ['Book']],
    ['a thesis (502)', 'am', [fixed(), '502 __ $a Thesis (Ph.D.)'], ['Thesis', 'Book']],
    ['an online book (008/23 o)', 'am', [fixed({ 23: 'o' })], ['eBook']],
    ['245 $h [electronic resource]', 'am', [fixed(), '245 00 $a T $h [electronic resource]'], ['Electronic', 'Book']],
    ['a government document (086)', 'am', [fixed(), '086 0_ $a Y 4.2'], ['Government Document', 'Book']],
    ['a conference (111)', 'am', [fixed(), '111 2_ $a Conference'], ['Conference Proceeding', 'Book']],
    ['a remote computer file 007 (cr) says nothing', 'am', ['007 cr |||||||||||', fixed()], ['Book']],
    ['microfilm', 'am', ['007 hd bfb---baca', fixed()], ['Microfilm', 'Book']],
    ['a journal (008/21 p)', 'as', [fixed({ 21: 'p' })], ['Journal']],
    ['a newspaper (008/21 n)', 'as', [fixed({ 21: 'n' })], ['Newspaper']],
    ['a serial', 'as', [fixed()], ['Serial']],
    ['a serial without 008', 'as', [], ['Serial']],
    ['a conference serial', 'as', [fixed(), '711 2_ $a Conference'], ['Conference Proceeding']],
    ['an article: component part with a serial host (773 $g)', 'aa', [fixed(), '773 0_ $t Journal $g Vol. 1'], ['Article']],
    ['a chapter: component part without $g', 'aa', [fixed(), '773 0_ $t Book'], ['Book Chapter']],
    ['a serial component part', 'ab', [fixed()], ['Article']],
    ['a Blu-ray (007/04 s)', 'gm', ['007 vd csaizq', fixed({ 33: 'v' })], ['Video', 'Blu-ray Disc']],
    ['a DVD', 'gm', ['007 vd cvaizq', fixed({ 33: 'v' })], ['Video', 'DVD']],
    ['a slide set: no 008/33, 008/34 or 007', 'gm', [fixed()], ['Slide']],
    ['a map (atlas by 008/25)', 'em', [fixed({ 25: 'e' })], ['Map']],
    ['a globe', 'em', [fixed({ 25: 'd' })], ['Globe']],
    ['a music CD', 'jm', ['007 sd fsngnnmmned', fixed()], ['CD', 'Audio']],
    ['a data set (computer file, 008/26 a)', 'mm', [fixed({ 26: 'a' })], ['Electronic', 'Data Set']],
    ['an e-book as a computer file (008/26 d)', 'mm', [fixed({ 26: 'd' })], ['Electronic', 'eBook']],
    ['a manuscript', 'tm', [fixed()], ['Manuscript', 'Book']],
    ['a manuscript thesis', 'tm', [fixed(), '502 __ $a Diss.'], ['Thesis', 'Book']],
    ['a score', 'cm', [fixed()], ['Musical Score', 'Book']],
    ['a photo (007 k)', 'km', ['007 kh boo', fixed()], ['Photo']],
    ['a chart (008/33 n)', 'km', [fixed({ 33: 'n' })], ['Photo']],
    ['an image', 'km', [fixed()], ['Image']],
    ['a kit', 'om', [fixed()], ['Kit', 'Book']],
    ['a collection of texts', 'ac', [fixed()], ['Kit']],
    ['an updating web site (008/21 w)', 'ai', [fixed({ 21: 'w' })], ['Website']],
    ['an online database (008/22 o)', 'ai', [fixed({ 22: 'o' })], ['Database']],
    ['a loose-leaf', 'ai', [fixed()], ['Reference Material']],
    ['language material of no known level', 'az', [fixed()], ['Text']],
    ['nothing known', 'uz', [fixed()], ['Unknown']],
  ])('%s', (_name, typeAndLevel, lines, expected) => {
    expect(formatsOf(typeAndLevel, lines)).toEqual(expected);
  });
});

const SEED = 2126;
const code = fc.constantFrom(...'abcdefgijkmnopqrstuvwz |ACDM'.split(''));
const fixedText = fc.array(code, { maxLength: 42 }).map((chars) => chars.join(''));
const arbitraryRecord = fc.record({
  type: code, level: code, physical: fc.array(fixedText, { maxLength: 3 }), fixed: fc.option(fixedText),
  special: fc.subarray(['086', '502', '111', '711', '773']), medium: fc.constantFrom('', '[electronic resource]', '[Electronic  resource] :'),
}).map(({ type, level, physical, fixed, special, medium }): MarcRecord => {
  const fields: MarcField[] = [
    ...physical.map((value) => ({ tag: '007', value })),
    ...(fixed === null ? [] : [{ tag: '008', value: fixed }]),
    ...special.map((tag) => ({ tag, ind1: ' ', ind2: ' ', subfields: [{ code: tag === '773' ? 'g' : 'a', value: 'x' }] })),
    { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'T' }, ...(medium ? [{ code: 'h', value: medium }] : [])] },
  ];
  return { leader: `00000n${type}${level} a2200000 i 4500`, fields };
});

describe(`formats of arbitrary leaders, 007s and 008s (seed ${SEED})`, () => {
  it('at least one, each a label of VuFind\'s format map, none twice; the same from what a scrape gives back', () => {
    const labels = new Set(Object.values(VUFIND_FORMAT_LABELS));
    fc.assert(fc.property(arbitraryRecord, (marc) => {
      const formats = vufindFormats(marc);
      expect(formats.length).toBeGreaterThan(0);
      expect(new Set(formats).size).toBe(formats.length);
      for (const format of formats) expect(labels.has(format), format).toBe(true);
      expect(vufindFormats(asScrapeSees(marc))).toEqual(formats);
    }), { numRuns: 1000, seed: SEED });
  });
});

describe('the record type and the indexed format', () => {
  const record = (typeAndLevel: string, lines: string[], fields: Record<string, string | string[]> = {}) =>
    normalizeRecord(rawWithMarc(marcFromLines(leader(typeAndLevel), ['001 r1', fixed(), '245 00 $a Title', ...lines]), { id: 'r1', ...fields }));

  it.each([
    ['am', [], 'book'], ['am', ['502 __ $a Thesis'], 'thesis'], ['aa', ['773 0_ $t J $g 1'], 'article'], ['aa', [], 'chapter'],
    ['as', [], 'journal'], ['as', ['111 2_ $a Conference'], 'journal'], ['gm', [], 'other'],
  ])('leader %s %j: type %s, with or without an indexed format', (typeAndLevel, lines, type) => {
    expect(record(typeAndLevel, lines).record.type).toBe(type);
    expect(record(typeAndLevel, lines, { format: 'Kit' }).record.type).toBe(type);
  });

  it('the MARC\'s formats win over an indexed format that differs, with a finding; an agreeing one gives none', () => {
    const differing = record('am', [], { format: ['Article'] });
    expect(differing.record.formats).toEqual(['Book']);
    expect(differing.issues.filter((issue) => issue.code === 'marc.indexed-field-differs').map((issue) => issue.field)).toEqual(['formats']);
    const agreeing = record('am', [], { format: 'Book' });
    expect(agreeing.issues.filter((issue) => issue.field === 'formats')).toEqual([]);
  });

  it('a record with no indexed format (a scrape, a .mrc) gets the same formats and type', () => {
    const scraped = normalizeRecord({ format: 'marc-iso2709', source: { file: 'x.mrc' }, fields: {}, issues: [], marc: marcFromLines(leader('am'), ['001 r1', fixed(), '245 00 $a Title', '502 __ $a Diss.']) });
    expect(scraped.record.formats).toEqual(['Thesis', 'Book']);
    expect(scraped.record.type).toBe('thesis');
  });
});
